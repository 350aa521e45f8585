namespace KnowledgeBase.Core.Domain;

/// <summary>Where a message starts: its file relative to the input root (with <c>/</c>) and the 1-based line of its header.</summary>
/// <param name="Path">Path of the chat-log file relative to the input root, with forward slashes.</param>
/// <param name="Line">1-based line number of the message's <c>&gt; HH:MM:SS  Speaker</c> header line.</param>
public sealed record SourceRef(string Path, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}:{Line}";
}
