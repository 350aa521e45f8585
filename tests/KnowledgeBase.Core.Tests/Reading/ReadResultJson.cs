using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

/// <summary>Renders what the reader made of a file as stable, readable JSON for golden files.</summary>
internal static class ReadResultJson
{
    // Long bodies (the 10 MB line) are shown by their start and length to keep golden files small.
    private const int LongText = 300;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(ChatLogReadResult result) => Write(writer => WriteResult(writer, result));

    public static string Render(ChatLogFinderResult found, IEnumerable<ChatLogReadResult> results) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("finderProblems");
        foreach (var problem in found.Problems)
        {
            writer.WriteStringValue(problem.ToString());
        }

        writer.WriteEndArray();
        writer.WriteStartArray("days");
        foreach (var result in results)
        {
            WriteResult(writer, result);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteResult(Utf8JsonWriter writer, ChatLogReadResult result)
    {
        var day = result.Day;
        writer.WriteStartObject();
        writer.WriteString("path", day.Path);
        writer.WriteString("group", day.Group);
        writer.WriteString("date", day.Date.ToString("yyyy-MM-dd"));
        writer.WriteStartObject("frontMatter");
        foreach (var (key, value) in day.FrontMatter)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteNumber("headerLines", result.HeaderLines);
        writer.WriteStartArray("messages");
        foreach (var message in day.Messages)
        {
            WriteMessage(writer, message);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("problems");
        foreach (var problem in result.Problems)
        {
            writer.WriteStringValue(problem.ToString());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, ChatMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("source", message.Source.ToString());
        writer.WriteString("time", message.Time.ToString("yyyy-MM-ddTHH:mm:ss"));
        writer.WriteStartObject("speaker");
        writer.WriteString("raw", message.Speaker.Raw);
        writer.WriteString("name", message.Speaker.Name);
        WriteIfSet(writer, "company", message.Speaker.Company);
        WriteIfSet(writer, "role", message.Speaker.Role);
        WriteIfSet(writer, "city", message.Speaker.City);
        writer.WriteEndObject();
        writer.WriteString("kind", message.Kind.ToString());
        writer.WriteString("body", Shorten(message.Body));
        if (message.Mentions.Count > 0)
        {
            writer.WriteStartArray("mentions");
            foreach (var mention in message.Mentions)
            {
                writer.WriteStringValue(mention);
            }

            writer.WriteEndArray();
        }

        if (message.Quote is { } quote)
        {
            writer.WriteStartObject("quote");
            writer.WriteString("name", quote.Name);
            writer.WriteString("quotedText", quote.QuotedText);
            writer.WriteString("reply", quote.Reply);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string Shorten(string text) =>
        text.Length <= LongText ? text : $"{text[..40]}… ({text.Length} characters)";
}
