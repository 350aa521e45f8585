namespace KnowledgeBase.Core.Pipeline;

/// <summary>Options of one <c>kb build</c> run.</summary>
/// <param name="InputRoot">Folder tree of chat-log files.</param>
public sealed record KnowledgeBasePipelineOptions(string InputRoot)
{
    /// <summary>Folder with the domain dictionary, stop words and trained models.</summary>
    public string ModelsDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>Number of topics; <c>null</c> chooses it from the data.</summary>
    public int? TopicCount { get; init; }

    /// <summary>
    /// The previous build's topics of the same output, or <c>null</c>: when that build clustered most of the exchanges,
    /// its topics are continued rather than chosen afresh (see <see cref="Topics.TopicClusterer.Cluster"/>).
    /// </summary>
    public Topics.PreviousTopics? PreviousTopics { get; init; }

    /// <summary>
    /// Files an earlier build of the same output read, by path under the input root: of same-day copies with the same
    /// content, one of these is read (see <see cref="Reading.SameDayFiles"/>), so that a copy added beside a curated day
    /// leaves its entries' ids and decisions where they are.
    /// </summary>
    public IReadOnlySet<string> ReadBefore { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The build time written into faq.json; <c>null</c> takes the current time.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>
    /// The build cache file (see <see cref="BuildCache"/>); <c>null</c> builds without one. The output is the same either
    /// way; with a cache, only files that changed since the last build are read and analysed again.
    /// </summary>
    public string? CachePath { get; init; }

    /// <summary>
    /// Folders under the input root not to search for chat logs: the build's own output folder, where exported Markdown
    /// pages would pass for chat logs (folders holding a <c>kb export</c> record are left out without being named here).
    /// What they hold is in <see cref="PipelineResult.LeftOut"/>, not in the problems or the skipped files.
    /// </summary>
    public IReadOnlyList<string> LeaveOut { get; init; } = [];

    /// <summary>How many files are processed at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
