namespace KnowledgeBase.Core.Exchanges;

/// <summary>A speaker a mention may address, with its normalised keys computed once.</summary>
/// <param name="Raw">The raw nick.</param>
/// <param name="Key">The normalised nick.</param>
/// <param name="NameKey">The normalised name part of the nick.</param>
public sealed record SpeakerCandidate(string Raw, string Key, string NameKey)
{
    /// <summary>The name part as it sounds.</summary>
    internal NameSound Sound { get; } = Romanisation.Of(NameKey);
}
