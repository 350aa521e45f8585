namespace KnowledgeBase.Core.Exchanges;

/// <summary>Who-is-who evidence of one chat day, in <see cref="NameKey"/> form.</summary>
/// <param name="Aliases">Nick pairs of a day merged from two exports (first copy, twin).</param>
/// <param name="Follows">A mention and the first other speaker who spoke after it.</param>
public sealed record SpeakerEvidence(IReadOnlyList<NamePair> Aliases, IReadOnlyList<NamePair> Follows);

/// <summary>Two names.</summary>
/// <param name="First">The first name.</param>
/// <param name="Second">The second name.</param>
public sealed record NamePair(string First, string Second);
