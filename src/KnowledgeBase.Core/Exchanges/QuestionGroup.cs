using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>A question as the linker sees it: the asker's question turns and the words they use.</summary>
/// <param name="Turns">Indices of the question turns, ascending.</param>
/// <param name="Asker">The asker's nick.</param>
/// <param name="Words">Content words of all question turns.</param>
/// <param name="Vector">The embedding of the question turns together (the mean direction of theirs).</param>
internal sealed record QuestionGroup(IReadOnlyList<int> Turns, string Asker, IReadOnlyList<string> Words, float[] Vector)
{
    /// <summary>The words as a set, for overlap features.</summary>
    public HashSet<string> WordSet { get; } = Words.ToHashSet(StringComparer.Ordinal);

    public int First => Turns[0];

    public int Last => Turns[^1];

    public static QuestionGroup Of(DayTurns day, IReadOnlyList<int> turns) =>
        new(turns, day.Turns[turns[0]].Speaker, turns.SelectMany(t => day.Turns[t].Words).Distinct(StringComparer.Ordinal).ToList(), MeanVector(day, turns));

    // Made once per question here, not once per candidate answer the linker weighs against it.
    private static float[] MeanVector(DayTurns day, IReadOnlyList<int> turns)
    {
        if (turns.Count == 1)
        {
            return day.Turns[turns[0]].Vector;
        }

        var sum = new float[day.Turns[turns[^1]].Vector.Length];
        foreach (var index in turns)
        {
            var vector = day.Turns[index].Vector;
            for (var j = 0; j < sum.Length; j++)
            {
                sum[j] += vector[j];
            }
        }

        // Scaled in single precision: the shipped models were trained on these exact values, and `kb train` reproduces
        // them only with this rounding (VectorMath.Unit's double-precision norm moves the chosen question threshold).
        var norm = MathF.Sqrt(MessageEmbedder.Cosine(sum, sum));
        return norm == 0 ? sum : sum.Select(x => x / norm).ToArray();
    }
}
