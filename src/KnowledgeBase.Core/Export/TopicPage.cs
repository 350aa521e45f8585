using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Export;

/// <summary>A topic as one exported page.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Stem">File name without extension, e.g. <c>topic-t01</c>.</param>
/// <param name="Entries">Its entries, in document order.</param>
/// <param name="Updated">The date of its latest cited message.</param>
internal sealed record TopicPage(Topic Topic, string Stem, IReadOnlyList<FaqEntry> Entries, DateOnly Updated);
