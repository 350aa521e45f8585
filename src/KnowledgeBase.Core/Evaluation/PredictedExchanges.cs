using System.Collections.Frozen;
using System.Text.Json;

namespace KnowledgeBase.Core.Evaluation;

/// <summary>The exchanges a run predicted, read from its <c>faq.json</c> or built in memory, in document order.</summary>
public sealed class PredictedExchanges
{
    private PredictedExchanges(IReadOnlyList<PredictedExchange> exchanges, string? inputRoot = null)
    {
        Exchanges = exchanges;
        InputRoot = inputRoot;
    }

    /// <summary>The exchanges in document order. Those without a question line are kept but never scored.</summary>
    public IReadOnlyList<PredictedExchange> Exchanges { get; }

    /// <summary>The folder the build read (<c>input.root</c> of the faq.json), or null when the document does not say.</summary>
    public string? InputRoot { get; }

    /// <summary>Wraps exchanges built in memory.</summary>
    /// <param name="exchanges">The exchanges, in the order a <c>faq.json</c> would list them (the order breaks matching ties).</param>
    /// <returns>The predictions.</returns>
    public static PredictedExchanges From(IEnumerable<PredictedExchange> exchanges) => new(exchanges.ToList());

    /// <summary>Builds predictions in memory, one single-file exchange per tuple, without writing a <c>faq.json</c>.</summary>
    /// <param name="exchanges">
    /// Per exchange: the corpus path of its file (normalised with <see cref="NormalizePath"/>), its question lines, its
    /// answer lines and its topic id (compared as a string).
    /// </param>
    /// <returns>The predictions, in the given order.</returns>
    public static PredictedExchanges From(
        IEnumerable<(string Path, IReadOnlyCollection<int> Questions, IReadOnlyCollection<int> Answers, string Topic)> exchanges) =>
        new(exchanges
            .Select(e => new PredictedExchange([NormalizePath(e.Path)], e.Questions.ToFrozenSet(), e.Answers.ToFrozenSet(), e.Topic))
            .ToList());

    /// <summary>
    /// Reads a <c>faq.json</c>: <c>exchanges[]</c>, each with <c>topicId</c> and <c>messages[]</c> of <c>path</c>,
    /// <c>line</c> and <c>role</c> (<c>question</c>, <c>answer</c> or anything else, e.g. <c>context</c>). Other fields are ignored.
    /// </summary>
    /// <param name="path">The <c>faq.json</c> file.</param>
    /// <returns>The predictions, in document order.</returns>
    /// <exception cref="InvalidDataException">The file is not JSON, a message has no <c>path</c>, or a question or answer has no integer <c>line</c>; the message names the file.</exception>
    public static PredictedExchanges LoadFaqJson(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return FromDocument(doc);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Parses the text of a <c>faq.json</c> (see <see cref="LoadFaqJson"/>).</summary>
    /// <param name="json">The document.</param>
    /// <returns>The predictions, in document order.</returns>
    /// <exception cref="InvalidDataException">A message has no <c>path</c>, or a question or answer has no integer <c>line</c>.</exception>
    public static PredictedExchanges ParseFaqJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return FromDocument(doc);
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    private static PredictedExchanges FromDocument(JsonDocument doc)
    {
        var list = new List<PredictedExchange>();
        // As the reference scorer reads it: an object whose exchanges, when it has any, are a list (a list, a string or a
        // number in place of the object makes the scorer fail; here it is an error that says so).
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"not a faq.json: the document should be an object, not {Kind(doc.RootElement)}");
        }

        if (doc.RootElement.TryGetProperty("exchanges", out JsonElement exchanges) && exchanges.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"not a faq.json: 'exchanges' should be a list, not {Kind(exchanges)}");
        }

        if (exchanges.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement ex in exchanges.EnumerateArray())
            {
                list.Add(ReadExchange(ex, index++));
            }
        }

        var root = doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object
            && input.TryGetProperty("root", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        return new PredictedExchanges(list, root);
    }

    /// <summary>
    /// The path as the scorer keys files: backslashes become <c>/</c> and only the last two parts (<c>group/file</c>) are
    /// kept, so paths given relative to any parent folder still meet the gold file's path.
    /// </summary>
    /// <param name="path">A message's path as the export wrote it.</param>
    /// <returns>The normalised path.</returns>
    public static string NormalizePath(string path)
    {
        string[] parts = path.Replace('\\', '/').Split('/');
        return string.Join('/', parts[Math.Max(0, parts.Length - 2)..]);
    }

    private static PredictedExchange ReadExchange(JsonElement ex, int index)
    {
        if (ex.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"exchanges[{index}] is not an object");
        }

        var paths = new List<string>();
        var questions = new HashSet<int>();
        var answers = new HashSet<int>();
        if (ex.TryGetProperty("messages", out JsonElement messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement m in messages.EnumerateArray())
            {
                if (m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("path", out JsonElement p) || p.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidDataException($"exchanges[{index}]: a message has no string \"path\"");
                }

                string normalized = NormalizePath(p.GetString()!);
                if (!paths.Contains(normalized))
                {
                    paths.Add(normalized);
                }

                string? role = m.TryGetProperty("role", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                if (role is "question")
                {
                    questions.Add(Line(m, index));
                }
                else if (role is "answer")
                {
                    answers.Add(Line(m, index));
                }
            }
        }

        JsonElement? topic = ex.TryGetProperty("topicId", out JsonElement t) ? t : null;
        double? confidence = ex.TryGetProperty("confidence", out JsonElement c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null;
        return new PredictedExchange(paths, questions.ToFrozenSet(), answers.ToFrozenSet(), PythonText.Str(topic)) { Confidence = confidence };
    }

    private static int Line(JsonElement message, int index)
    {
        try
        {
            return message.TryGetProperty("line", out JsonElement line)
                ? PythonText.Int(line)
                : throw new FormatException("no \"line\"");
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"exchanges[{index}]: a question or answer message has {e.Message}", e);
        }
    }
}
