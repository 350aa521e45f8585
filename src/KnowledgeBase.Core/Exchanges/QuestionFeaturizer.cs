using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Numeric cues of "this message opens a domain question": question marks and words, request phrasing, domain
/// vocabulary, length, and what happens around it (is it a reply, does anyone answer it).
/// </summary>
internal static class QuestionFeaturizer
{
    public const int Count = 36 + SpeakerProfile.FeatureCount;
    private const int Neighbours = 3;
    private const int LookAhead = 8;
    private const double SameBurstSeconds = 120;
    private const int RoundTurns = 30;

    public static float[] Featurize(DayTurns day, int index)
    {
        var turns = day.Turns;
        var turn = turns[index];
        var message = turn.Message;
        var text = message.Text;
        var f = new float[Count];
        f[0] = Flag(ChatCues.HasFullWidthQuestionMark(text));
        f[1] = Flag(ChatCues.EndsWithQuestionMark(text));
        f[2] = Flag(ChatCues.HasQuestionParticle(text));
        f[3] = ChatCues.InterrogativeCount(text);
        f[4] = ChatCues.RequestCount(text);
        f[5] = ChatCues.AnswerCount(text);
        f[6] = Flag(ChatCues.IsThanks(text));
        f[7] = Flag(ChatCues.IsAck(text));
        f[8] = ChatCues.MetaCount(text);
        f[9] = ChatCues.JokeCount(text);
        f[10] = turn.DomainTerms;
        f[11] = turn.Words.Count == 0 ? 0 : (float)turn.DomainTerms / turn.Words.Count;
        f[12] = Log(text.Length);
        f[13] = message.Mentions.Count;
        f[14] = Flag(message.Kind == MessageKind.Text);
        f[15] = Flag(message.Quote is not null);

        var previous = index > 0 ? turns[index - 1] : null;
        f[16] = Flag(previous is not null && previous.Speaker == turn.Speaker && turn.Seconds - previous.Seconds <= SameBurstSeconds);
        f[17] = Flag(previous is not null && previous.Speaker != turn.Speaker && previous.LooksLikeQuestion);
        f[18] = previous is null ? Log(3600) : Log(Math.Max(0, turn.Seconds - previous.Seconds));
        var next = index + 1 < turns.Count ? turns[index + 1] : null;
        f[19] = Flag(next is not null && next.Speaker == turn.Speaker && next.Seconds - turn.Seconds <= SameBurstSeconds);

        var end = Math.Min(turns.Count, index + 1 + LookAhead);
        var addressed = 0;
        double overlap = 0;
        var others = new HashSet<string>();
        for (var j = index + 1; j < end; j++)
        {
            var later = turns[j];
            if (later.Speaker == turn.Speaker)
            {
                continue;
            }

            others.Add(later.Speaker);
            if (day.Addressees[j].Contains(turn.Speaker) || day.Quoted[j] == turn.Speaker)
            {
                addressed++;
            }

            overlap = Math.Max(overlap, WordOverlap.Jaccard(turn.WordSet, later.WordSet));
        }

        f[20] = addressed;
        f[21] = (float)overlap;
        f[22] = others.Count;
        f[23] = Flag(MentionsRecentSpeaker(day, index));
        f[24] = Log(turn.Words.Count);
        f[25] = Flag(message.Kind is MessageKind.Image or MessageKind.Emoji or MessageKind.System or MessageKind.Empty);

        // A message deep in an ongoing discussion of the same words is a reply, rarely a new question.
        double before = 0;
        for (var j = Math.Max(0, index - LookAhead); j < index; j++)
        {
            if (turns[j].Speaker != turn.Speaker)
            {
                before = Math.Max(before, WordOverlap.Jaccard(turn.WordSet, turns[j].WordSet));
            }
        }

        var spoken = day.SpokenBefore[index];

        var answerCues = 0;
        for (var j = index + 1; j < end; j++)
        {
            if (turns[j].Speaker != turn.Speaker && ChatCues.AnswerCount(turns[j].Message.Text) > 0 && !turns[j].LooksLikeQuestion)
            {
                answerCues++;
            }
        }

        f[26] = (float)before;
        f[27] = Log(spoken);
        f[28] = Flag(message.Mentions.Count > 0 && turn.LooksLikeQuestion);
        f[29] = answerCues;
        // Arguing or checking ("不是…吗", "…吧？") and asking about someone's own case ("你们…") are replies, rarely new questions.
        f[30] = ChatCues.RhetoricalCount(text);
        f[31] = ChatCues.SecondPersonCount(text);
        // The asker of a recent question speaking again after others replied: a next round ("…的情况呢？") or a challenge.
        f[32] = Flag(AsksAgainAfterReplies(day, index));
        // "…呢" asks "and what about X?", the way a follow-up round starts.
        f[33] = Flag(ChatCues.EndsWithWhatAbout(text));
        // Meaning against the neighbours: a reply stays on the subject of what others just said, a new question leaves
        // it; and the replies after a question stay on its subject.
        f[34] = ClosestByOthers(day, index, -1);
        f[35] = ClosestByOthers(day, index, +1);
        // Who asks: regulars who talk much and ask little mostly answer; newcomers ask.
        day.Profiles[index].CopyTo(f, 36);
        return f;
    }

    /// <summary>The largest cosine between a turn and the nearest <see cref="Neighbours"/> turns of other speakers in one direction.</summary>
    private static float ClosestByOthers(DayTurns day, int index, int direction)
    {
        var turns = day.Turns;
        var turn = turns[index];
        float closest = 0;
        var seen = 0;
        for (var j = index + direction; j >= 0 && j < turns.Count && seen < Neighbours; j += direction)
        {
            if (turns[j].Speaker != turn.Speaker)
            {
                closest = Math.Max(closest, MessageEmbedder.Cosine(turn.Vector, turns[j].Vector));
                seen++;
            }
        }

        return closest;
    }

    /// <summary>A cheap, model-free guess used for context features (how many questions are open in between).</summary>
    public static bool LooksLikeQuestion(string text) =>
        ChatCues.HasFullWidthQuestionMark(text) || ChatCues.EndsWithQuestionMark(text) || ChatCues.HasQuestionParticle(text)
        || (ChatCues.InterrogativeCount(text) > 0 && text.Length >= 6);

    // The speaker asked something (as the cheap guess sees it) within the last RoundTurns turns, and someone else spoke since.
    private static bool AsksAgainAfterReplies(DayTurns day, int index)
    {
        var speaker = day.Turns[index].Speaker;
        var othersSpoke = false;
        for (var j = index - 1; j >= Math.Max(0, index - RoundTurns); j--)
        {
            var turn = day.Turns[j];
            if (turn.Speaker != speaker)
            {
                othersSpoke = true;
            }
            else if (turn.LooksLikeQuestion)
            {
                return othersSpoke;
            }
        }

        return false;
    }

    // A message addressed to someone who just spoke is a reply (or a clarification back), rarely a new question.
    private static bool MentionsRecentSpeaker(DayTurns day, int index)
    {
        var addressees = day.Addressees[index];
        var quoted = day.Quoted[index];
        if (addressees.Count == 0 && quoted is null)
        {
            return false;
        }

        for (var j = Math.Max(0, index - 10); j < index; j++)
        {
            var speaker = day.Turns[j].Speaker;
            if (addressees.Contains(speaker) || quoted == speaker)
            {
                return true;
            }
        }

        return false;
    }

    private static float Flag(bool value) => value ? 1f : 0f;

    private static float Log(double value) => (float)Math.Log(1 + value);
}
