namespace KnowledgeBase.Core.Domain;

/// <summary>What a build read.</summary>
/// <param name="Root">The input root as given.</param>
/// <param name="Files">Chat-log files read: those with a message or a front matter (see <see cref="ChatDay.IsChatLog"/>).</param>
/// <param name="Messages">Messages read.</param>
/// <param name="Problems">Input problems reported.</param>
public sealed record InputSummary(string Root, int Files, int Messages, int Problems)
{
    /// <summary>
    /// Chat-log files (<c>*.md</c>, <c>*.markdown</c>) found but skipped: unreadable, empty or binary, with neither a message
    /// nor a front matter (notes), or a copy of another file of the same group, day and content. Each is reported as a problem.
    /// </summary>
    public int SkippedFiles { get; init; }
}
