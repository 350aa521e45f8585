namespace KnowledgeBase.Core.Topics;

/// <summary>How the number of topics was chosen.</summary>
/// <param name="Chosen">The k-means cluster count kept, before oversized clusters were split.</param>
/// <param name="FromOverride">True when the count was given in the options rather than chosen from the data.</param>
/// <param name="Scores">Mean silhouette (cosine) of every count tried, by count; empty for an override.</param>
/// <param name="Splits">How many oversized clusters were split in two afterwards.</param>
public sealed record TopicCountSelection(int Chosen, bool FromOverride, IReadOnlyDictionary<int, double> Scores, int Splits)
{
    /// <summary>True when the previous build's topics were continued (<see cref="Chosen"/> of them) rather than chosen afresh.</summary>
    public bool Continued { get; init; }

    /// <summary>How many of the exchanges the previous (or an older) build of the output had clustered: they keep their topics when <see cref="Continued"/>.</summary>
    public int Known { get; init; }
}
