using KnowledgeBase.Core.Domain;

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
    /// <summary>How the build cache was used; null when the build ran without one.</summary>
    public BuildCacheUse? Cache { get; init; }
}
