namespace KnowledgeBase.Core.Curation;

/// <summary>One message of the conversation around an entry's cited messages.</summary>
/// <param name="Path">Source file, relative to the input root.</param>
/// <param name="Line">1-based header line in that file.</param>
/// <param name="Time">When it was sent.</param>
/// <param name="Speaker">The speaker's nick as in the header.</param>
/// <param name="Text">The message text.</param>
/// <param name="Role"><c>question</c> or <c>answer</c> when the entry cites it, <c>context</c> when one of its exchanges shows it, else empty.</param>
/// <param name="ExchangeId">The entry's exchange that cites it, if any.</param>
public sealed record ConversationLine(string Path, int Line, DateTime Time, string Speaker, string Text, string Role, string? ExchangeId)
{
    /// <summary>True when the entry cites this message as question or answer.</summary>
    public bool Cited => Role is "question" or "answer";
}
