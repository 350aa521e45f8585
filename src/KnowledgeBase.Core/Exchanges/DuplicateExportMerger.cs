using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Some days were merged from two exports of the same group: each message then appears twice with the same text,
/// within a second or two and at most three messages apart (pairs may cross), once under the display name and once
/// under the group nickname. This folds each such pair into one message that keeps both header lines, and reports
/// the name pairs as evidence of who is who.
/// </summary>
public sealed class DuplicateExportMerger
{
    private const int MaxSecondsApart = 2;
    private const int MaxMessagesApart = 3;

    /// <summary>Finds the twin of every repeated message.</summary>
    /// <param name="messages">A day's messages in file order.</param>
    /// <returns>For each message, the index of the earlier message it repeats, or -1.</returns>
    public int[] FindTwins(IReadOnlyList<ChatMessage> messages)
    {
        var twinOf = new int[messages.Count];
        Array.Fill(twinOf, -1);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Body.Length == 0)
            {
                continue;
            }

            for (var j = Math.Max(0, i - MaxMessagesApart); j < i; j++)
            {
                var earlier = messages[j];
                if (twinOf[j] < 0
                    && earlier.Speaker.Raw != message.Speaker.Raw
                    && Math.Abs((message.Time - earlier.Time).TotalSeconds) <= MaxSecondsApart
                    && earlier.Body == message.Body
                    && !IsTwinTarget(twinOf, j, i))
                {
                    twinOf[i] = j;
                    break;
                }
            }
        }

        return twinOf;
    }

    /// <summary>The name pairs (first speaker, twin speaker) seen on a day, one per merged message.</summary>
    /// <param name="messages">A day's messages in file order.</param>
    /// <returns>Pairs of nicks that name the same person.</returns>
    public IEnumerable<(string First, string Twin)> AliasPairs(IReadOnlyList<ChatMessage> messages)
    {
        var twins = FindTwins(messages);
        for (var i = 0; i < twins.Length; i++)
        {
            if (twins[i] >= 0)
            {
                yield return (messages[twins[i]].Speaker.Raw, messages[i].Speaker.Raw);
            }
        }
    }

    // A message already chosen as the twin of another message between j and i cannot be matched twice.
    private static bool IsTwinTarget(int[] twinOf, int j, int i)
    {
        for (var k = j + 1; k < i; k++)
        {
            if (twinOf[k] == j)
            {
                return true;
            }
        }

        return false;
    }
}
