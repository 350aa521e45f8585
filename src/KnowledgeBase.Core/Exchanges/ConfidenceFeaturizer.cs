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
