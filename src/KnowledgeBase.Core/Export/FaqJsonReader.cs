using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Reads a faq.json (as <see cref="FaqJsonWriter"/> writes it) back into a <see cref="KnowledgeBaseDocument"/>.
/// Fields it does not know are ignored, so documents from later versions of schema 1 still read. Messages are rebuilt
/// from their text: speaker parts, kind, mentions and quote are parsed again as the reader would.
/// </summary>
public sealed class FaqJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Reads a faq.json file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    /// <exception cref="InvalidDataException">The JSON is not a faq.json: a required field is missing or has the wrong type.</exception>
    public KnowledgeBaseDocument ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a faq.json from a stream.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The stream is not JSON.</exception>
    /// <exception cref="InvalidDataException">The JSON is not a faq.json.</exception>
    public KnowledgeBaseDocument Read(Stream stream)
    {
        using var json = JsonDocument.Parse(stream, Options);
        var root = json.RootElement;
        Require(root, JsonValueKind.Object, "the document");
        return new KnowledgeBaseDocument(
            Int(root, "schemaVersion"),
            DateTimeOffset.TryParse(String(root, "generatedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var generatedAt)
                ? generatedAt
                : throw new InvalidDataException($"field 'generatedAt' should be a date and time such as 2024-03-05T10:00:00Z, not '{String(root, "generatedAt")}'"),
            ReadInput(Property(root, "input", JsonValueKind.Object)),
            Array(root, "topics").Select(ReadTopic).ToList(),
            Array(root, "exchanges").Select(ReadExchange).ToList(),
            Array(root, "entries").Select(ReadEntry).ToList());
    }

    private static InputSummary ReadInput(JsonElement input) =>
        new(String(input, "root"), Int(input, "files"), Int(input, "messages"), Int(input, "problems"))
        {
            // Added within schemaVersion 1: a faq.json written before it has none.
            SkippedFiles = input.TryGetProperty("skippedFiles", out _) ? Int(input, "skippedFiles") : 0,
        };

    private static Topic ReadTopic(JsonElement topic) =>
        new(String(topic, "id"), String(topic, "label"), Strings(topic, "keywords"), Int(topic, "exchangeCount"));

    private static Exchange ReadExchange(JsonElement exchange)
    {
        var messages = Array(exchange, "messages").Select(ReadMessage).ToList();
        var topicId = exchange.TryGetProperty("topicId", out var topic) && topic.ValueKind == JsonValueKind.String ? topic.GetString() : null;
        return new Exchange(String(exchange, "id"), String(exchange, "path"), messages, Double(exchange, "confidence"), topicId);
    }

    private static ExchangeMessage ReadMessage(JsonElement cited)
    {
        var text = String(cited, "text");
        var quote = QuotedReplyParser.Parse(text);
        var said = quote?.Reply ?? text;
        var message = new ChatMessage(
            ReadSource(cited),
            DateTime.TryParseExact(String(cited, "time"), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : throw new InvalidDataException($"field 'time' should be a time such as 2024-03-05T10:00:00, not '{String(cited, "time")}'"),
            SpeakerParser.Parse(String(cited, "speaker")),
            text,
            said.Length == 0 && quote is not null ? MessageKind.Text : MessageKindClassifier.Classify(said, said),
            MentionParser.Find(said),
            quote);
        var duplicates = cited.TryGetProperty("duplicates", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(ReadSource).ToList()
            : [];
        return new ExchangeMessage(message, ReadRole(String(cited, "role")), duplicates);
    }

    private static FaqEntry ReadEntry(JsonElement entry) =>
        new(
            String(entry, "id"),
            String(entry, "topicId"),
            String(entry, "question"),
            String(entry, "answer"),
            Strings(entry, "exchangeIds"),
            String(entry, "status"),
            entry.TryGetProperty("keywords", out _) ? Strings(entry, "keywords") : [],
            entry.TryGetProperty("experts", out _) ? Array(entry, "experts").Select(ReadExpert).ToList() : [],
            entry.TryGetProperty("confidence", out _) ? Double(entry, "confidence") : 0,
            entry.TryGetProperty("sources", out _) ? Array(entry, "sources").Select(ReadSource).ToList() : []);

    private static Expert ReadExpert(JsonElement expert) =>
        new(String(expert, "name"), OptionalString(expert, "company"), OptionalString(expert, "role"), Int(expert, "answers"));

    private static SourceRef ReadSource(JsonElement source) => new(String(source, "path"), Int(source, "line"));

    private static MessageRole ReadRole(string role) => role switch
    {
        "question" => MessageRole.Question,
        "answer" => MessageRole.Answer,
        "context" => MessageRole.Context,
        _ => throw new InvalidDataException($"unknown message role '{role}'"),
    };

    private static JsonElement Property(JsonElement parent, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new InvalidDataException($"missing field '{name}'");
        }

        Require(value, kind, $"field '{name}'");
        return value;
    }

    private static void Require(JsonElement value, JsonValueKind kind, string what)
    {
        if (value.ValueKind != kind)
        {
            throw new InvalidDataException($"{what} should be {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static string String(JsonElement parent, string name) => Property(parent, name, JsonValueKind.String).GetString()!;

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement parent, string name) =>
        Property(parent, name, JsonValueKind.Number).TryGetInt32(out var value)
            ? value
            : throw new InvalidDataException($"field '{name}' should be an integer");

    private static double Double(JsonElement parent, string name) => Property(parent, name, JsonValueKind.Number).GetDouble();

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) => Property(parent, name, JsonValueKind.Array).EnumerateArray();

    private static List<string> Strings(JsonElement parent, string name) =>
        Array(parent, name).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new InvalidDataException($"field '{name}' should hold strings")).ToList();
}
