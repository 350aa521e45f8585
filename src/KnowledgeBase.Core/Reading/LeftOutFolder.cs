namespace KnowledgeBase.Core.Reading;

/// <summary>
/// A folder under the input root that was not searched for chat logs: the caller asked to leave it out, or it holds a
/// <c>kb export</c> (its <c>.kb-export</c> record).
/// </summary>
/// <param name="Path">Its path relative to the input root, with <c>/</c> separators.</param>
/// <param name="ChatLogFiles">The <c>*.md</c> and <c>*.markdown</c> files in it (at any depth), none of them read.</param>
public sealed record LeftOutFolder(string Path, int ChatLogFiles)
{
    /// <summary>True when it was left out for holding a <c>kb export</c> record, not because the caller asked.</summary>
    public bool IsExport { get; init; }
}
