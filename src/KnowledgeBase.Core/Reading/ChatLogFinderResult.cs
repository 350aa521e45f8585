using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>The chat-log files under an input root and the entries that could not be searched.</summary>
/// <param name="Files">The files, in ordinal order of their relative paths.</param>
/// <param name="Problems">Folders that could not be listed, broken links, link loops.</param>
public sealed record ChatLogFinderResult(IReadOnlyList<ChatLogFile> Files, IReadOnlyList<InputProblem> Problems)
{
    /// <summary>The folders left out of the search, as asked (a build's own output folder) or holding a <c>kb export</c>, with what they hold.</summary>
    public IReadOnlyList<LeftOutFolder> LeftOut { get; init; } = [];

    /// <summary>
    /// How many entries named like chat logs (<c>*.md</c>, <c>*.markdown</c>) are broken symbolic links or link loops: not
    /// in <see cref="Files"/>, reported in <see cref="Problems"/>, and skipped files all the same.
    /// </summary>
    public int UnfollowedChatLogs { get; init; }
}
