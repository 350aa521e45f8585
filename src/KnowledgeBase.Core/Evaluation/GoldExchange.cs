namespace KnowledgeBase.Core.Evaluation;

/// <summary>One hand-labelled exchange of a gold file: question lines, answer lines and a topic label.</summary>
/// <param name="Questions">1-based header lines of the question messages, as labelled (order and repeats kept).</param>
/// <param name="Answers">1-based header lines of the messages that answer the question, as labelled.</param>
/// <param name="Topic">The topic label from the guideline's taxonomy; <see langword="null"/> when the label is null or absent.</param>
public sealed record GoldExchange(IReadOnlyList<int> Questions, IReadOnlyList<int> Answers, string? Topic);
