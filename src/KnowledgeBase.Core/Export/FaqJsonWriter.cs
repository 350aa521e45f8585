using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Writes a <see cref="KnowledgeBaseDocument"/> as faq.json: indented UTF-8, Chinese kept readable, fields in a fixed
/// order so the same document always gives the same bytes. The field names are a contract (see the README).
/// </summary>
public sealed class FaqJsonWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Chat text is mostly CJK: keep it readable; HTML-sensitive characters are still escaped by this encoder.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    // Utf8JsonWriter keeps what it wrote in its own buffer until flushed: without flushing as it goes, the whole file (17 MB
    // for the corpus) would sit in memory, in arrays doubled as they grow, before the first byte reached the stream.
    private const int FlushBytes = 1 << 16;

    /// <summary>Writes the document to a file atomically: a temporary file beside it, then a rename.</summary>
    /// <param name="document">The document.</param>
    /// <param name="path">Target path; its folder is created when missing.</param>
    public void WriteFile(KnowledgeBaseDocument document, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        RemoveStaleTemporaries(directory, Path.GetFileName(path));
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(document, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Deletes the temporary files that writers of the same target left when they were killed: those whose process id
    /// no longer runs. A file of a process that still runs (another writer, or a reused id) is left alone.
    /// </summary>
    private static void RemoveStaleTemporaries(string directory, string fileName)
    {
        var prefix = $".{fileName}.";
        foreach (var file in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
        {
            var id = Path.GetFileName(file)[prefix.Length..^".tmp".Length];
            if (int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Gone already, or not ours to delete: it is only litter.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes the document to a stream.</summary>
    /// <param name="document">The document.</param>
    /// <param name="stream">The target stream; left open.</param>
    public void Write(KnowledgeBaseDocument document, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", document.SchemaVersion);
        json.WriteString("generatedAt", document.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        WriteInput(json, document.Input);

        json.WriteStartArray("topics");
        foreach (var topic in document.Topics)
        {
            WriteTopic(json, topic);
        }

        json.WriteEndArray();

        json.WriteStartArray("exchanges");
        foreach (var exchange in document.Exchanges)
        {
            WriteExchange(json, exchange);
            FlushFull(json);
        }

        json.WriteEndArray();

        json.WriteStartArray("entries");
        foreach (var entry in document.Entries)
        {
            WriteEntry(json, entry);
            FlushFull(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void FlushFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= FlushBytes)
        {
            json.Flush();
        }
    }

    private static void WriteInput(Utf8JsonWriter json, InputSummary input)
    {
        json.WriteStartObject("input");
        json.WriteString("root", input.Root);
        json.WriteNumber("files", input.Files);
        json.WriteNumber("skippedFiles", input.SkippedFiles);
        json.WriteNumber("messages", input.Messages);
        json.WriteNumber("problems", input.Problems);
        json.WriteEndObject();
    }

    private static void WriteTopic(Utf8JsonWriter json, Topic topic)
    {
        json.WriteStartObject();
        json.WriteString("id", topic.Id);
        json.WriteString("label", topic.Label);
        WriteStrings(json, "keywords", topic.Keywords);
        json.WriteNumber("exchangeCount", topic.ExchangeCount);
        json.WriteEndObject();
    }

    private static void WriteExchange(Utf8JsonWriter json, Exchange exchange)
    {
        json.WriteStartObject();
        json.WriteString("id", exchange.Id);
        json.WriteString("path", exchange.Path);
        json.WriteString("topicId", exchange.TopicId);
        json.WriteNumber("confidence", Math.Round(exchange.Confidence, 4));
        json.WriteStartArray("messages");
        foreach (var cited in exchange.Messages)
        {
            var message = cited.Message;
            json.WriteStartObject();
            json.WriteString("path", message.Source.Path);
            json.WriteNumber("line", message.Source.Line);
            json.WriteString("time", message.Time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            json.WriteString("speaker", message.Speaker.Raw);
            json.WriteString("role", RoleName(cited.Role));
            json.WriteString("text", message.Body);
            if (cited.Duplicates.Count > 0)
            {
                json.WriteStartArray("duplicates");
                foreach (var duplicate in cited.Duplicates)
                {
                    WriteSource(json, duplicate);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, FaqEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("topicId", entry.TopicId);
        json.WriteString("question", entry.Question);
        json.WriteString("answer", entry.Answer);
        WriteStrings(json, "exchangeIds", entry.ExchangeIds);
        json.WriteString("status", entry.Status);
        WriteStrings(json, "keywords", entry.Keywords);
        json.WriteStartArray("experts");
        foreach (var expert in entry.Experts)
        {
            json.WriteStartObject();
            json.WriteString("name", expert.Name);
            WriteOptional(json, "company", expert.Company);
            WriteOptional(json, "role", expert.Role);
            json.WriteNumber("answers", expert.Answers);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("confidence", Math.Round(entry.Confidence, 4));
        json.WriteStartArray("sources");
        foreach (var source in entry.Sources)
        {
            WriteSource(json, source);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, SourceRef source)
    {
        json.WriteStartObject();
        json.WriteString("path", source.Path);
        json.WriteNumber("line", source.Line);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>The faq.json name of a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns><c>question</c>, <c>answer</c> or <c>context</c>.</returns>
    public static string RoleName(MessageRole role) => role switch
    {
        MessageRole.Question => "question",
        MessageRole.Answer => "answer",
        _ => "context",
    };
}
