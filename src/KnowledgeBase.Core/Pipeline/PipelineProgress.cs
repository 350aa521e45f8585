namespace KnowledgeBase.Core.Pipeline;

/// <summary>How far a build has come.</summary>
/// <param name="Stage">The stage running now.</param>
/// <param name="Done">Units of work done in this stage.</param>
/// <param name="Total">Units of work in this stage.</param>
public sealed record PipelineProgress(string Stage, int Done, int Total);
