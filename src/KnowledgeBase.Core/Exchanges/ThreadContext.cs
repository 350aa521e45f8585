using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// The messages that help a reader follow an exchange without answering it (role <c>context</c> in faq.json): what the
/// asker adds while the answers come in (a detail, a screenshot, a "那如果…" back), the earlier message an answer
/// replies to by @mention or quote, and the asker's thanks or "明白了" right after the last answer. Only an answered
/// exchange has context, only from between its question and its last answer (and that one acknowledgement after it),
/// and never a message another exchange of the day asks or answers with.
/// </summary>
internal static class ThreadContext
{
    /// <summary>How many turns after the last answer the asker's acknowledgement may come.</summary>
    public const int AcknowledgementTurns = 5;

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
        if (exchange.Answers.Count == 0)
        {
            return [];
        }

        var asker = exchange.Question.Asker;
        var first = exchange.Question.First;
        var last = exchange.Answers.Max();
        var context = new SortedSet<int>();
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
}
