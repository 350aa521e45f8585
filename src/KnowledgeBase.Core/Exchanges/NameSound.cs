namespace KnowledgeBase.Core.Exchanges;

/// <summary>A name spelled as it sounds (<see cref="Romanisation.Of"/>).</summary>
/// <param name="Spelling">Lower-case Latin letters and digits, retroflex initials folded.</param>
/// <param name="Syllables">How many of them spell Chinese characters.</param>
internal readonly record struct NameSound(string Spelling, int Syllables)
{
    /// <summary>A name that could not be spelled.</summary>
    public static NameSound None { get; } = new(string.Empty, 0);

    /// <summary>
    /// True when two names sound alike: the same spelling, or one is the end of the other (a given name without the
    /// surname). At least one must be written in Chinese characters (two Latin names are compared by spelling
    /// elsewhere), and the shorter must be two syllables or more, or five letters when written in Latin letters: a single
    /// syllable names too many people.
    /// </summary>
    /// <param name="other">The other name.</param>
    public bool IsLike(NameSound other)
    {
        if (Spelling.Length == 0 || other.Spelling.Length == 0 || Syllables + other.Syllables == 0)
        {
            return false;
        }

        var (shorter, longer) = Spelling.Length <= other.Spelling.Length ? (this, other) : (other, this);
        var longEnough = shorter.Syllables >= 2 || (shorter.Syllables == 0 && shorter.Spelling.Length >= 5);
        return longEnough && longer.Spelling.EndsWith(shorter.Spelling, StringComparison.Ordinal);
    }
}
