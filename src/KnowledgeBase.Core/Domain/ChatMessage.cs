namespace KnowledgeBase.Core.Domain;

/// <summary>One chat message: a header line <c>&gt; HH:MM:SS  Speaker</c> and its body.</summary>
/// <param name="Source">File and header line of the message.</param>
/// <param name="Time">File date plus the header's time of day (local time of the export, no offset).</param>
/// <param name="Speaker">The speaker as shown in the header.</param>
/// <param name="Body">All body paragraphs, joined with <c>\n</c>, entities decoded, trimmed.</param>
/// <param name="Kind">What the message carries.</param>
/// <param name="Mentions">Names mentioned with <c>@name</c>, without the <c>@</c> and trailing separators.</param>
/// <param name="Quote">The quoted reply, when the body is one.</param>
public sealed record ChatMessage(
    SourceRef Source,
    DateTime Time,
    Speaker Speaker,
    string Body,
    MessageKind Kind,
    IReadOnlyList<string> Mentions,
    QuotedReply? Quote = null)
{
    /// <summary>The text a reader answers to: the reply of a quoted reply, else the body.</summary>
    public string Text => Quote is null ? Body : Quote.Reply;
}
