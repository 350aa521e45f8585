using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Gathers, day by day and safely from parallel workers, the evidence a <see cref="SpeakerDirectory"/> needs:
/// nick pairs of merged exports, who speaks right after being mentioned, and how much each speaker says and asks.
/// </summary>
public sealed class SpeakerDirectoryBuilder
{
    private const int FollowWindowMessages = 6;
    private static readonly TimeSpan FollowWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), int> _aliases = [];
    private readonly Dictionary<(string, string), int> _answeredAfterMention = [];
    private readonly Dictionary<string, int> _mentionCounts = [];
    private readonly Dictionary<string, SpeakerProfile> _profiles = new(StringComparer.Ordinal);

    /// <summary>Adds the evidence of one day.</summary>
    /// <param name="messages">The day's messages in file order.</param>
    public void Observe(IReadOnlyList<ChatMessage> messages) => Add(Collect(messages));

    /// <summary>Adds the evidence of every chat log of a corpus, the files read side by side.</summary>
    /// <param name="corpusRoot">The corpus folder.</param>
    /// <returns>The full paths of the files read.</returns>
    public IReadOnlyList<string> ObserveCorpus(string corpusRoot)
    {
        var root = Path.GetFullPath(corpusRoot);
        var reader = new ChatLogReader();
        var files = ChatLogFinder.Find(root).Files;
        Parallel.ForEach(files, file => Observe(reader.ReadFile(root, file.FullPath).Day.Messages));
        return files.Select(f => Path.GetFullPath(f.FullPath)).ToList();
    }

    /// <summary>The evidence one day gives, on its own (what an incremental build keeps per file).</summary>
    /// <param name="messages">The day's messages in file order.</param>
    /// <returns>The day's nick pairs and mention follow-ups.</returns>
    public static SpeakerEvidence Collect(IReadOnlyList<ChatMessage> messages)
    {
        var aliases = new List<NamePair>();
        foreach (var (first, twin) in new DuplicateExportMerger().AliasPairs(messages))
        {
            aliases.Add(new NamePair(NameKey.Of(first), NameKey.Of(twin)));
        }

        var follows = new List<NamePair>();
        for (var i = 0; i < messages.Count; i++)
        {
            foreach (var mention in messages[i].Mentions)
            {
                var responder = FirstOtherSpeaker(messages, i);
                if (responder is not null)
                {
                    follows.Add(new NamePair(NameKey.Of(mention), NameKey.Of(responder)));
                }
            }
        }

        var tallies = messages
            .Where(m => m.Kind is MessageKind.Text or MessageKind.Link)
            .GroupBy(m => m.Speaker.Raw, StringComparer.Ordinal)
            .Select(g => new SpeakerTally(g.Key, g.Count(), g.Count(m => QuestionFeaturizer.LooksLikeQuestion(m.Text)), g.Sum(m => m.Text.Length)))
            .ToList();
        return new SpeakerEvidence(aliases, follows, tallies);
    }

    /// <summary>Adds evidence collected by <see cref="Collect"/>; the order days are added in does not matter.</summary>
    /// <param name="evidence">One day's evidence.</param>
    public void Add(SpeakerEvidence evidence)
    {
        lock (_gate)
        {
            foreach (var (a, b) in evidence.Aliases)
            {
                _aliases[(a, b)] = _aliases.GetValueOrDefault((a, b)) + 1;
                _aliases[(b, a)] = _aliases.GetValueOrDefault((b, a)) + 1;
            }

            foreach (var (mention, speaker) in evidence.Follows)
            {
                _answeredAfterMention[(mention, speaker)] = _answeredAfterMention.GetValueOrDefault((mention, speaker)) + 1;
                _mentionCounts[mention] = _mentionCounts.GetValueOrDefault(mention) + 1;
            }

            foreach (var tally in evidence.Tallies)
            {
                _profiles[tally.Speaker] = _profiles.GetValueOrDefault(tally.Speaker, SpeakerProfile.Unknown).Add(tally);
            }
        }
    }

    /// <summary>Freezes the evidence into a directory.</summary>
    /// <returns>The directory.</returns>
    public SpeakerDirectory Build()
    {
        lock (_gate)
        {
            return new SpeakerDirectory(_aliases, _answeredAfterMention, _mentionCounts, _profiles);
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
