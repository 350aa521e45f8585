namespace KnowledgeBase.Core.Exchanges;

/// <summary>A question as the linker sees it: the asker's question turns and the words they use.</summary>
/// <param name="Turns">Indices of the question turns, ascending.</param>
/// <param name="Asker">The asker's nick.</param>
/// <param name="Words">Content words of all question turns.</param>
internal sealed record QuestionGroup(IReadOnlyList<int> Turns, string Asker, IReadOnlyList<string> Words)
{
    /// <summary>The words as a set, for overlap features.</summary>
    public HashSet<string> WordSet { get; } = Words.ToHashSet(StringComparer.Ordinal);

    public int First => Turns[0];

    public int Last => Turns[^1];

    public static QuestionGroup Of(DayTurns day, IReadOnlyList<int> turns) =>
        new(turns, day.Turns[turns[0]].Speaker, turns.SelectMany(t => day.Turns[t].Words).Distinct(StringComparer.Ordinal).ToList());
}
