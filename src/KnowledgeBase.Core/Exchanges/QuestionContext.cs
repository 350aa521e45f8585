namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// The detector's second look at a message: how question-like its neighbours read, by the first stage's text score
/// (stacked sequential learning). A question asked while another is open is often a reply, a clarification or a
/// check; one that stands out from its surroundings opens something new.
/// </summary>
internal static class QuestionContext
{
    public const int Count = 7;

    private const int Near = 3;
    private const int Recent = 10;
    private const int Round = 30;
    private const int Local = 5;
    private const float Strong = 0.5f;

    /// <summary>The context features of turn <paramref name="index"/>.</summary>
    /// <param name="day">The day.</param>
    /// <param name="text">The first stage's text score of every turn (0 where a turn cannot open a question).</param>
    /// <param name="index">The turn.</param>
    public static float[] Featurize(DayTurns day, IReadOnlyList<float> text, int index)
    {
        var turns = day.Turns;
        var speaker = turns[index].Speaker;
        var f = new float[Count];
        var sinceStrong = Round + 1;
        for (var j = index - 1; j >= Math.Max(0, index - Round); j--)
        {
            var distance = index - j;
            if (turns[j].Speaker == speaker)
            {
                // The speaker's own recent question: this may be its next round, or a check of the answers.
                f[2] = Math.Max(f[2], text[j]);
                continue;
            }

            // Someone else's question just before: this message likely replies to it.
            if (distance <= Near)
            {
                f[0] = Math.Max(f[0], text[j]);
            }

            if (distance <= Recent)
            {
                f[1] = Math.Max(f[1], text[j]);
            }

            if (text[j] >= Strong && sinceStrong == Round + 1)
            {
                sinceStrong = distance;
            }
        }

        // Standing out: no other speaker's message nearby reads more like a question.
        var standsOut = true;
        for (var j = Math.Max(0, index - Local); j < Math.Min(turns.Count, index + Local + 1); j++)
        {
            if (j == index || turns[j].Speaker == speaker)
            {
                continue;
            }

            if (j > index && j - index <= Near)
            {
                // Someone asks right after: a question back, or a competing one.
                f[3] = Math.Max(f[3], text[j]);
            }

            standsOut &= text[j] <= text[index];
        }

        f[4] = standsOut ? 1f : 0f;
        f[5] = (float)Math.Log(1 + sinceStrong);

        // The speaker's own next message: a question spread over two messages, or taken back.
        for (var j = index + 1; j < Math.Min(turns.Count, index + 1 + Near); j++)
        {
            if (turns[j].Speaker == speaker)
            {
                f[6] = text[j];
                break;
            }
        }

        return f;
    }
}
