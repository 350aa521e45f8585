using System.Globalization;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Exchanges;

/// <summary>Builds chat messages by hand, as the reader would have made them, for the exchange tests.</summary>
internal static class ChatMessages
{
    private static readonly DateOnly Day = new(2018, 3, 5);

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
}
