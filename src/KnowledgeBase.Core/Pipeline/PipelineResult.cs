using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Pipeline;

/// <summary>What a build produced.</summary>
/// <param name="Document">The knowledge base, ready to be written as faq.json.</param>
/// <param name="Problems">Every input problem, in file and line order.</param>
/// <param name="HeaderLines">Message header lines seen in the input files.</param>
/// <param name="Timings">Wall time of each stage, in order.</param>
public sealed record PipelineResult(
    KnowledgeBaseDocument Document,
    IReadOnlyList<InputProblem> Problems,
    int HeaderLines,
    IReadOnlyList<(string Stage, TimeSpan Elapsed)> Timings)
{
    /// <summary>How the number of topics came about: the k-means count and the splits of oversized clusters.</summary>
    public TopicCountSelection? TopicSelection { get; init; }

    /// <summary>The folders of <see cref="KnowledgeBasePipelineOptions.LeaveOut"/> met under the input root, not searched.</summary>
    public IReadOnlyList<LeftOutFolder> LeftOut { get; init; } = [];

    /// <summary>How the build cache was used; null when the build ran without one.</summary>
    public BuildCacheUse? Cache { get; init; }

    /// <summary>
    /// True when the input gave nothing to build from: no chat-log file (<c>*.md</c>, <c>*.markdown</c>) was found, or
    /// none gave a message and some had problems. Such a result is not a knowledge base to write or merge: its document
    /// is empty, and the build cache was left as the last real build left it.
    /// </summary>
    public bool NothingReadable { get; init; }
}
