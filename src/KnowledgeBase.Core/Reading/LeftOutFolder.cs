namespace KnowledgeBase.Core.Reading;

/// <summary>A folder under the input root that was not searched for chat logs because the caller asked to leave it out.</summary>
/// <param name="Path">Its path relative to the input root, with <c>/</c> separators.</param>
/// <param name="ChatLogFiles">The <c>*.md</c> and <c>*.markdown</c> files in it (at any depth), none of them read.</param>
public sealed record LeftOutFolder(string Path, int ChatLogFiles);
