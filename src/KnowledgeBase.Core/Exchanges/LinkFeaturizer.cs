using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Evidence that a later message answers a question: hard links (an @mention of the asker, a quote of the asker) and
/// soft ones (time gap, turn distance, speaker alternation, word overlap, answer cues, the asker's thanks after it).
/// </summary>
internal static class LinkFeaturizer
{
    public const int Count = 39 + SpeakerProfile.FeatureCount;

    /// <summary>How far after a question an answer is looked for.</summary>
    public const int WindowTurns = 40;

    /// <summary>How long after a question an answer is looked for.</summary>
    public const double WindowSeconds = 2 * 3600;

    /// <summary>Hard links (mention or quote of the asker) are followed further.</summary>
    public const int HardWindowTurns = 300;

    public static IEnumerable<int> Candidates(DayTurns day, QuestionGroup question)
    {
        var turns = day.Turns;
        var start = turns[question.Last];
        var end = Math.Min(turns.Count, question.Last + 1 + HardWindowTurns);
        for (var j = question.Last + 1; j < end; j++)
        {
            if (question.Turns.Contains(j))
            {
                continue;
            }

            var near = j - question.Last <= WindowTurns && turns[j].Seconds - start.Seconds <= WindowSeconds;
            if (near || IsHardLink(day, question, j))
            {
                yield return j;
            }
        }
    }

    public static bool IsHardLink(DayTurns day, QuestionGroup question, int candidate) =>
        day.Turns[candidate].Speaker != question.Asker
        && (day.Addressees[candidate].Contains(question.Asker) || day.Quoted[candidate] == question.Asker);

    public static float[] Featurize(DayTurns day, QuestionGroup question, int candidate, TurnScores scores)
    {
        var turns = day.Turns;
        var c = turns[candidate];
        var q = turns[question.Last];
        var text = c.Message.Text;
        var f = new float[Count];
        f[0] = Log(candidate - question.Last);
        f[1] = Log(Math.Max(0, c.Seconds - q.Seconds));
        f[2] = Flag(day.Addressees[candidate].Contains(question.Asker));
        f[3] = Flag(day.Addressees[candidate].Count > 0 && !day.Addressees[candidate].Contains(question.Asker));
        f[4] = Flag(day.Quoted[candidate] == question.Asker);
        f[5] = Flag(day.Quoted[candidate] is not null && day.Quoted[candidate] != question.Asker);
        f[6] = c.Message.Quote is null ? 0 : (float)QuoteOverlap(c.Message.Quote.QuotedText, question, day);
        f[7] = Flag(c.Speaker == question.Asker);
        f[8] = (float)WordOverlap.Jaccard(question.WordSet, c.WordSet);
        f[9] = c.WordSet.Count(question.WordSet.Contains);
        f[10] = Log(text.Length);
        f[11] = Flag(c.LooksLikeQuestion);
        f[12] = ChatCues.AnswerCount(text);
        f[13] = Flag(ChatCues.IsAck(text));
        f[14] = Flag(ChatCues.IsThanks(text));
        f[15] = Flag(c.Message.Kind != MessageKind.Text);

        var questionsBetween = 0;
        var speakerBefore = 0;
        var askerBetween = 0;
        double competitor = 0;
        double speakerOverlap = 0;
        var others = new HashSet<string>();
        var addressesBystander = false;
        float strongestQuestionBetween = 0;
        float closestQuestionBetween = 0;
        for (var j = question.Last + 1; j < candidate; j++)
        {
            var between = turns[j];
            if (between.Speaker != question.Asker)
            {
                strongestQuestionBetween = Math.Max(strongestQuestionBetween, scores.Question[j]);
                if (scores.Question[j] >= 0.3f)
                {
                    closestQuestionBetween = Math.Max(closestQuestionBetween, MessageEmbedder.Cosine(between.Vector, c.Vector));
                }
            }

            if (between.Speaker == c.Speaker)
            {
                speakerBefore++;
                speakerOverlap = Math.Max(speakerOverlap, WordOverlap.Jaccard(question.WordSet, between.WordSet));
            }

            if (between.Speaker != question.Asker)
            {
                others.Add(between.Speaker);
                addressesBystander |= day.Addressees[candidate].Contains(between.Speaker) || day.Quoted[candidate] == between.Speaker;
            }

            if (between.Speaker == question.Asker)
            {
                askerBetween++;
            }

            if (between.Speaker != question.Asker && between.LooksLikeQuestion)
            {
                questionsBetween++;
                competitor = Math.Max(competitor, WordOverlap.Jaccard(between.WordSet, c.WordSet));
            }
        }

        f[16] = questionsBetween;
        f[17] = Flag(speakerBefore == 0);
        f[18] = speakerBefore;
        f[19] = Flag(AskerAcknowledgesAfter(day, question.Asker, candidate));
        f[20] = Flag(candidate > 0 && turns[candidate - 1].Speaker == question.Asker);
        f[21] = c.Message.Mentions.Count;
        f[22] = ChatCues.JokeCount(text);
        f[23] = ChatCues.MetaCount(text);
        f[24] = askerBetween;
        f[25] = (float)competitor;
        f[26] = c.DomainTerms;
        // An answerer continuing: their earlier message in this stretch was on the question's subject.
        f[27] = (float)speakerOverlap;
        // Talking to someone else who joined after the question: a side conversation, or a reply to another answerer.
        f[28] = Flag(addressesBystander && !day.Addressees[candidate].Contains(question.Asker));
        f[29] = others.Count;
        var previous = candidate > 0 ? turns[candidate - 1] : null;
        // The asker just asked again or clarified: the next message likely answers that.
        f[30] = Flag(previous is not null && previous.Speaker == question.Asker && previous.LooksLikeQuestion);
        // The second part of a multi-message answer.
        f[31] = Flag(previous is not null && previous.Speaker == c.Speaker && previous.Index > question.Last
            && WordOverlap.Jaccard(question.WordSet, previous.WordSet) > 0);
        // The detector's own view: a message that opens a new question rarely answers an old one, and a strong new
        // question in between draws the answers after it.
        f[32] = scores.Question[candidate];
        f[33] = strongestQuestionBetween;
        // Does the text read like an answer at all (facts, advice), whatever question it answers?
        f[34] = scores.Answer[candidate];
        // What the words mean, not just which: an answer on the question's subject in other words, and a newer
        // question between them that the candidate is closer to.
        f[35] = MessageEmbedder.Cosine(question.Vector, c.Vector);
        f[36] = closestQuestionBetween;
        // How sure the detector is that the question is one at all, and how many messages the asker spread it over: the
        // linker learns on the detector's false questions too, which nothing answers.
        f[37] = question.Turns.Max(t => scores.Question[t]);
        f[38] = question.Turns.Count;
        // Who speaks: regulars who talk much and ask little are the ones who answer.
        day.Profiles[candidate].CopyTo(f, 39);
        return f;
    }

    private static double QuoteOverlap(string quoted, QuestionGroup question, DayTurns day)
    {
        if (quoted.Length == 0)
        {
            return 0;
        }

        // The quote usually copies (the start of) the question message.
        var best = 0.0;
        foreach (var index in question.Turns)
        {
            var text = day.Turns[index].Message.Text;
            var probe = quoted.Length > 12 ? quoted[..12] : quoted;
            if (text.Contains(probe, StringComparison.Ordinal))
            {
                return 1;
            }

            var shared = quoted.Distinct().Count(text.Contains);
            best = Math.Max(best, (double)shared / Math.Max(1, quoted.Distinct().Count()));
        }

        return best;
    }

    private static bool AskerAcknowledgesAfter(DayTurns day, string asker, int candidate)
    {
        var end = Math.Min(day.Turns.Count, candidate + 4);
        for (var j = candidate + 1; j < end; j++)
        {
            var turn = day.Turns[j];
            if (turn.Speaker == asker && (ChatCues.IsThanks(turn.Message.Text) || ChatCues.IsAck(turn.Message.Text)))
            {
                return true;
            }
        }

        return false;
    }

    private static float Flag(bool value) => value ? 1f : 0f;

    private static float Log(double value) => (float)Math.Log(1 + value);
}
