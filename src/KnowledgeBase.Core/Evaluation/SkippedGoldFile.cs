namespace KnowledgeBase.Core.Evaluation;

/// <summary>A <c>*.json</c> file in a gold folder that is not a label file (a review list, a split file), left out of the gold set.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">Why it is not a label file, for a person.</param>
public sealed record SkippedGoldFile(string Path, string Reason);
