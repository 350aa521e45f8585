using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Gathers, day by day and safely from parallel workers, the evidence a <see cref="SpeakerDirectory"/> needs:
/// nick pairs of merged exports and who speaks right after being mentioned.
/// </summary>
public sealed class SpeakerDirectoryBuilder
{
    private const int FollowWindowMessages = 6;
    private static readonly TimeSpan FollowWindow = TimeSpan.FromMinutes(10);

    private readonly DuplicateExportMerger _merger = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), int> _aliases = [];
    private readonly Dictionary<(string, string), int> _answeredAfterMention = [];
    private readonly Dictionary<string, int> _mentionCounts = [];

    /// <summary>Adds the evidence of one day.</summary>
    /// <param name="messages">The day's messages in file order.</param>
    public void Observe(IReadOnlyList<ChatMessage> messages)
    {
        var aliases = new List<(string, string)>();
        foreach (var (first, twin) in _merger.AliasPairs(messages))
        {
            var (a, b) = (NameKey.Of(first), NameKey.Of(twin));
            aliases.Add((a, b));
            aliases.Add((b, a));
        }

        var follows = new List<(string Mention, string Speaker)>();
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            foreach (var mention in message.Mentions)
            {
                var responder = FirstOtherSpeaker(messages, i);
                if (responder is not null)
                {
                    follows.Add((NameKey.Of(mention), NameKey.Of(responder)));
                }
            }
        }

        lock (_gate)
        {
            foreach (var pair in aliases)
            {
                _aliases[pair] = _aliases.GetValueOrDefault(pair) + 1;
            }

            foreach (var follow in follows)
            {
                _answeredAfterMention[follow] = _answeredAfterMention.GetValueOrDefault(follow) + 1;
                _mentionCounts[follow.Mention] = _mentionCounts.GetValueOrDefault(follow.Mention) + 1;
            }
        }
    }

    /// <summary>Freezes the evidence into a directory.</summary>
    /// <returns>The directory.</returns>
    public SpeakerDirectory Build()
    {
        lock (_gate)
        {
            return new SpeakerDirectory(_aliases, _answeredAfterMention, _mentionCounts);
        }
    }

    private static string? FirstOtherSpeaker(IReadOnlyList<ChatMessage> messages, int index)
    {
        var mentioner = messages[index].Speaker.Raw;
        var end = Math.Min(messages.Count, index + 1 + FollowWindowMessages);
        for (var j = index + 1; j < end; j++)
        {
            if (messages[j].Time - messages[index].Time > FollowWindow)
            {
                return null;
            }

            if (messages[j].Speaker.Raw != mentioner)
            {
                return messages[j].Speaker.Raw;
            }
        }

        return null;
    }
}
