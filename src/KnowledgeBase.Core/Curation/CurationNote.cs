namespace KnowledgeBase.Core.Curation;

/// <summary>A note an analyst left on an entry.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">Who.</param>
/// <param name="Text">The note.</param>
public sealed record CurationNote(DateTimeOffset At, string Actor, string Text);
