using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// The messages that help a reader follow an exchange without answering it (role <c>context</c> in faq.json): what the
/// asker adds while the answers come in (a detail, a screenshot, a "那如果…" back), the earlier message an answer
/// replies to by @mention or quote, and the asker's thanks or "明白了" right after the last answer. Only an answered
/// exchange has these, only from between its question and its last answer (and that one acknowledgement after it),
/// and never a message another exchange of the day asks or answers with. Any exchange whose question points back
/// (这个公司…, 那就是…, 他们…) also keeps the message it follows up on (<see cref="FollowedUp"/>), whatever else that
/// message does: without it the question says nothing to a reader.
/// </summary>
internal static partial class ThreadContext
{
    /// <summary>How many turns after the last answer the asker's acknowledgement may come.</summary>
    public const int AcknowledgementTurns = 5;

    // How many turns and seconds back the message a question follows up on (its referent, FollowedUp) may be. Not
    // ExchangeFinder's FollowUpTurns and FollowUpSeconds, which bound the asker's own next round of one question.
    private const int ReferentTurns = 3;
    private const int ReferentSeconds = 180;

    /// <summary>The context turns of each exchange, ascending, in the order of <paramref name="exchanges"/>.</summary>
    /// <param name="day">The day.</param>
    /// <param name="exchanges">Every exchange found on the day.</param>
    public static IReadOnlyList<IReadOnlyList<int>> Of(DayTurns day, IReadOnlyList<FoundExchange> exchanges)
    {
        var taken = exchanges.SelectMany(e => e.Question.Turns.Concat(e.Answers)).ToHashSet();
        return exchanges.Select(e => Of(day, e, taken)).ToList();
    }

    private static IReadOnlyList<int> Of(DayTurns day, FoundExchange exchange, HashSet<int> taken)
    {
        var followedUp = FollowedUp(day, exchange.Question);
        if (exchange.Answers.Count == 0)
        {
            return followedUp is int only ? [only] : [];
        }

        var asker = exchange.Question.Asker;
        var first = exchange.Question.First;
        var last = exchange.Answers.Max();
        var context = new SortedSet<int>();
        if (followedUp is int referent)
        {
            context.Add(referent);
        }

        for (var j = first + 1; j < last; j++)
        {
            if (day.Turns[j].Speaker == asker && CanBeContext(day, j, taken))
            {
                context.Add(j);
            }
        }

        foreach (var answer in exchange.Answers)
        {
            if (RepliedTo(day, answer, asker, first) is int target && CanBeContext(day, target, taken))
            {
                context.Add(target);
            }
        }

        for (var j = last + 1; j <= Math.Min(day.Turns.Count - 1, last + AcknowledgementTurns); j++)
        {
            if (day.Turns[j].Speaker == asker)
            {
                var text = day.Turns[j].Message.Text;
                if ((ChatCues.IsThanks(text) || ChatCues.IsAck(text)) && CanBeContext(day, j, taken))
                {
                    context.Add(j);
                }

                break;
            }
        }

        return context.ToList();
    }

    /// <summary>
    /// The message a question that points back follows up on: the latest message before it, a few turns and minutes back
    /// at most, that says something (three words or more, not an echo), by another member, and shares a word with the
    /// question ("A公司拿了牌照" before "这个公司有支付牌照吗？"). Chatter in between is passed over; a message sharing
    /// nothing, or the asker's own, means the thread is not there.
    /// </summary>
    internal static int? FollowedUp(DayTurns day, QuestionGroup question)
    {
        var first = day.Turns[question.First];
        if (!PointsBack().IsMatch(first.Message.Text))
        {
            return null;
        }

        for (var j = question.First - 1; j >= Math.Max(0, question.First - ReferentTurns); j--)
        {
            var turn = day.Turns[j];
            if (first.Seconds - turn.Seconds > ReferentSeconds)
            {
                return null;
            }

            if (turn.Echo || turn.Message.Kind is not (MessageKind.Text or MessageKind.Link) || turn.Words.Count < 3)
            {
                continue;
            }

            // The asker's own message before it is their question asked a first time or a lead-in of their own, not the thread
            // they follow up on.
            return turn.Speaker != question.Asker && turn.Words.Any(question.WordSet.Contains) ? j : null;
        }

        return null;
    }

    /// <summary>
    /// The message an answer replies to when it calls on someone other than the asker: that speaker's latest message
    /// between the question and the answer.
    /// </summary>
    private static int? RepliedTo(DayTurns day, int answer, string asker, int first)
    {
        var target = day.Quoted[answer] ?? (day.Addressees[answer].Count == 1 ? day.Addressees[answer][0] : null);
        if (target is null || target == asker || target == day.Turns[answer].Speaker)
        {
            return null;
        }

        for (var j = answer - 1; j > first; j--)
        {
            if (day.Turns[j].Speaker == target)
            {
                return j;
            }
        }

        return null;
    }

    private static bool CanBeContext(DayTurns day, int index, HashSet<int> taken)
    {
        var turn = day.Turns[index];
        return !taken.Contains(index) && !turn.Echo && turn.Message.Kind is MessageKind.Text or MessageKind.Link or MessageKind.Image;
    }

    // A question that starts (after mentions and a sound such as 嗯) with 这, 那, 他, 她, 它 or 你说的 points back at
    // something said before; not 这边, 这里, 这两天 and other words of here and now.
    [GeneratedRegex(@"^(?:@\S+[\s\u2005?]*)*[嗯哦噢呃唉，,。\s]*(?:(?!这边|这里|这两天|这几天|这段时间|这周|这个月|这年头|那时|那会)[这那他她它]|你说的|你们说的|您说的)", RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();
}
