using System.Globalization;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Exchanges;

/// <summary>Builds chat messages by hand, as the reader would have made them, for the exchange tests.</summary>
internal static class ChatMessages
{
    private static readonly DateOnly Day = new(2018, 3, 5);
    private static readonly Lazy<ChineseSegmenter> Segmenter = new(() => ChineseSegmenter.Load());
    private static readonly Lazy<MessageEmbedder> Embedder =
        new(() => MessageEmbedder.Load(Path.Combine(AppContext.BaseDirectory, "models", MessageEmbedder.FileName)));

    /// <summary>A text message with its header on <paramref name="line"/> at <paramref name="time"/> (HH:mm:ss).</summary>
    public static ChatMessage Text(int line, string time, string speaker, string body) =>
        new(
            new SourceRef("g/2018-03-05-chat.markdown", line),
            Day.ToDateTime(TimeOnly.ParseExact(time, "HH:mm:ss", CultureInfo.InvariantCulture)),
            SpeakerParser.Parse(speaker),
            body,
            body.Length == 0 ? MessageKind.Empty : MessageKind.Text,
            MentionParser.Find(body));

    /// <summary>Messages four lines apart, starting at line 1, from (time, speaker, body) triples.</summary>
    public static IReadOnlyList<ChatMessage> Sequence(params (string Time, string Speaker, string Body)[] messages) =>
        messages.Select((m, i) => Text(1 + (4 * i), m.Time, m.Speaker, m.Body)).ToList();

    /// <summary>A day of <see cref="Sequence"/> messages prepared for the exchange models, with no corpus evidence.</summary>
    public static DayTurns Prepare(params (string Time, string Speaker, string Body)[] messages)
    {
        var day = new ChatDay("g/2018-03-05-chat.markdown", "g", Day, new Dictionary<string, string>(), Sequence(messages));
        return DayTurns.Prepare(day, Segmenter.Value, new SpeakerDirectoryBuilder().Build(), Embedder.Value);
    }
}
