namespace KnowledgeBase.Core.Exchanges;

/// <summary>Who-is-who evidence of one chat day, in <see cref="NameKey"/> form.</summary>
/// <param name="Aliases">Nick pairs of a day merged from two exports (first copy, twin).</param>
/// <param name="Follows">A mention and the first other speaker who spoke after it.</param>
/// <param name="Tallies">How much each speaker (by raw nick) said that day, and how much of it asked.</param>
public sealed record SpeakerEvidence(IReadOnlyList<NamePair> Aliases, IReadOnlyList<NamePair> Follows, IReadOnlyList<SpeakerTally> Tallies)
{
    /// <summary>No evidence (a file that could not be read).</summary>
    public static SpeakerEvidence None { get; } = new([], [], []);
}

/// <summary>Two names.</summary>
/// <param name="First">The first name.</param>
/// <param name="Second">The second name.</param>
public sealed record NamePair(string First, string Second);

/// <summary>What one speaker said on one day.</summary>
/// <param name="Speaker">The raw nick.</param>
/// <param name="Messages">Text and link messages.</param>
/// <param name="Questions">Of them, those that read like a question (the model-free guess).</param>
/// <param name="Characters">Their characters.</param>
public sealed record SpeakerTally(string Speaker, int Messages, int Questions, int Characters);
