using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>A chat day with its hand-labelled exchanges.</summary>
/// <param name="Day">The day as read.</param>
/// <param name="Labels">Its labels (question and answer header lines, topic).</param>
public sealed record LabelledDay(ChatDay Day, GoldFile Labels);
