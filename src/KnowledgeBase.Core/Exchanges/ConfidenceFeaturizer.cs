namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// What the confidence model weighs once a day's questions are linked: the detector's view of the question together
/// with how the conversation took it up (how strongly and by how many it was answered, by @mention or quote, how soon)
/// and how crowded the stretch around it is with other questions. Probabilities enter as log-odds, so that a linear
/// model can weigh them.
/// </summary>
internal static class ConfidenceFeaturizer
{
    public const int Count = 17;

    /// <summary>Other questions this close (in turns) compete for the same answers.</summary>
    private const int NeighbourTurns = 10;

    /// <summary>Turns to the first answer when there is none.</summary>
    private const int NoAnswerDistance = 100;

    public static float[] Featurize(DayTurns day, IReadOnlyList<LinkedQuestion> linked, int index, TurnScores scores)
    {
        var question = linked[index];
        var group = question.Group;
        var f = new float[Count];
        f[0] = Logit(question.Probability);
        f[1] = group.Turns.Count;
        f[2] = Logit(question.Answered);
        f[3] = Logit(question.MaxLink);
        f[4] = question.SumLink;
        f[5] = question.StrongLinks;
        f[6] = question.HardLinks;
        f[7] = question.Answers.Count;
        f[8] = question.Answers.Select(a => day.Turns[a].Speaker).Where(s => s != group.Asker).Distinct(StringComparer.Ordinal).Count();
        f[9] = question.Answers.Count(a => day.Turns[a].Speaker == group.Asker);
        f[10] = Log(question.Answers.Count == 0 ? NoAnswerDistance : question.Answers[0] - group.Last);
        f[11] = question.Answers.Count == 0 ? 0 : question.Answers.Average(a => scores.Answer[a]);

        var neighbours = linked.Where((other, i) => i != index && Math.Abs(other.Group.First - group.First) <= NeighbourTurns).ToList();
        f[12] = neighbours.Count;
        f[13] = neighbours.Count == 0 ? 0 : neighbours.Max(n => n.Probability);
        f[14] = Log(day.Turns.Count);
        f[15] = Log(group.Turns.Sum(t => day.Turns[t].Message.Text.Length));
        f[16] = Logit(question.Exchange.Confidence);
        return f;
    }

    private static float Log(double value) => (float)Math.Log(1 + value);

    private static float Logit(double probability)
    {
        var p = Math.Clamp(probability, 1e-4, 1 - 1e-4);
        return (float)Math.Log(p / (1 - p));
    }
}

/// <summary>A candidate question after linking: its answers and how the linker saw the messages after it.</summary>
/// <param name="Group">The question.</param>
/// <param name="Probability">The detector's probability (the largest of its turns).</param>
/// <param name="Answers">The messages it was given as answers, ascending.</param>
/// <param name="Answered">P(at least one later message answers it) = 1 − Π(1 − link probability).</param>
/// <param name="MaxLink">The largest link probability of any later message.</param>
/// <param name="SumLink">The sum of the link probabilities.</param>
/// <param name="StrongLinks">Later messages with a link probability of at least one half.</param>
/// <param name="HardLinks">Later messages by others that @mention or quote the asker.</param>
internal sealed record LinkedQuestion(
    QuestionGroup Group, float Probability, IReadOnlyList<int> Answers, double Answered, float MaxLink, float SumLink, int StrongLinks, int HardLinks)
{
    /// <summary>The exchange, with P(question) × P(answered) as its confidence.</summary>
    public FoundExchange Exchange => new(Group, Answers, Probability * Answered);
}
