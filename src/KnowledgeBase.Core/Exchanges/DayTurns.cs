using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// A day prepared for the exchange models: export duplicates folded, every turn segmented once, mentions and quotes
/// resolved to the day's speakers.
/// </summary>
internal sealed class DayTurns
{
    /// <summary>How many turns back a repeat of another member's words counts as an echo (<see cref="Turn.Echo"/>).</summary>
    public const int EchoTurns = 10;

    private readonly Dictionary<int, int> _indexByLine = [];
    private readonly int[] _spokenBefore;

    private DayTurns(
        ChatDay day, IReadOnlyList<Turn> turns, IReadOnlyList<IReadOnlyList<string>> addressees, IReadOnlyList<string?> quoted, IReadOnlyList<float[]> profiles)
    {
        Day = day;
        Turns = turns;
        Addressees = addressees;
        Quoted = quoted;
        Profiles = profiles;
        var spoken = new Dictionary<string, int>(StringComparer.Ordinal);
        var spokenBefore = new int[turns.Count];
        foreach (var turn in turns)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(spoken, turn.Speaker, out _);
            spokenBefore[turn.Index] = count++;
            _indexByLine[turn.Message.Source.Line] = turn.Index;
            foreach (var duplicate in turn.Duplicates)
            {
                _indexByLine[duplicate.Line] = turn.Index;
            }
        }

        _spokenBefore = spokenBefore;
    }

    public ChatDay Day { get; }

    /// <summary>For each turn, how many turns its speaker had before it that day.</summary>
    public IReadOnlyList<int> SpokenBefore => _spokenBefore;

    public IReadOnlyList<Turn> Turns { get; }

    /// <summary>For each turn, the speakers its @mentions resolve to.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Addressees { get; }

    /// <summary>For each turn, the speaker its quote resolves to, if any.</summary>
    public IReadOnlyList<string?> Quoted { get; }

    /// <summary>
    /// For each turn, its speaker's <see cref="SpeakerProfile.Features"/> (what they say and ask across the corpus),
    /// computed once per speaker of the day: the detector reads them for every candidate, the linker for every pair.
    /// </summary>
    public IReadOnlyList<float[]> Profiles { get; }

    /// <summary>The turn holding a header line (the line of either twin of a merged message).</summary>
    public int? IndexOfLine(int line) => _indexByLine.TryGetValue(line, out var index) ? index : null;

    public static DayTurns Prepare(ChatDay day, ChineseSegmenter segmenter, SpeakerDirectory directory, MessageEmbedder embedder)
    {
        var messages = day.Messages;
        var twins = new DuplicateExportMerger().FindTwins(messages);
        var duplicates = new Dictionary<int, List<SourceRef>>();
        for (var i = 0; i < twins.Length; i++)
        {
            if (twins[i] >= 0)
            {
                var first = Root(twins, i);
                if (!duplicates.TryGetValue(first, out var list))
                {
                    duplicates[first] = list = [];
                }

                list.Add(messages[i].Source);
            }
        }

        var turns = new List<Turn>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (twins[i] >= 0)
            {
                continue;
            }

            var message = messages[i];
            // Both come from one (cached) segmentation of the text.
            var tokens = string.Join(' ', segmenter.Segment(message.Text));
            var words = segmenter.ContentWords(message.Text);
            var domain = words.Count(segmenter.IsDomainTerm);
            turns.Add(new Turn(turns.Count, message, duplicates.TryGetValue(i, out var d) ? d : [], tokens, words, domain, embedder.Embed(words))
            {
                Echo = Echoes(turns, message),
            });
        }

        // Everyone seen on the day (under any of their nicks) can be addressed.
        var speakers = SpeakerDirectory.Candidates(messages.Select(m => m.Speaker.Raw).Distinct());
        var addressees = new List<IReadOnlyList<string>>(turns.Count);
        var quoted = new List<string?>(turns.Count);
        var canonical = CanonicalSpeakers(messages, twins);
        foreach (var turn in turns)
        {
            addressees.Add(turn.Message.Mentions
                .Select(m => directory.Resolve(m, speakers))
                .OfType<string>()
                .Select(s => canonical.GetValueOrDefault(s, s))
                .Distinct()
                .ToList());
            var quote = turn.Message.Quote;
            var resolved = quote is null ? null : directory.Resolve(quote.Name, speakers);
            quoted.Add(resolved is null ? null : canonical.GetValueOrDefault(resolved, resolved));
        }

        var profiles = turns.Select(t => t.Speaker).Distinct().ToDictionary(s => s, s => directory.Profile(s).Features());
        return new DayTurns(day, turns, addressees, quoted, turns.Select(t => profiles[t.Speaker]).ToList());
    }

    private static bool Echoes(List<Turn> earlier, ChatMessage message)
    {
        if (message.Text.Length == 0)
        {
            return false;
        }

        for (var j = earlier.Count - 1; j >= Math.Max(0, earlier.Count - EchoTurns); j--)
        {
            var before = earlier[j].Message;
            if (before.Speaker.Raw != message.Speaker.Raw && string.Equals(before.Text, message.Text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Twin nicks map to the nick of the first copy, the one turns carry.
    private static Dictionary<string, string> CanonicalSpeakers(IReadOnlyList<ChatMessage> messages, int[] twins)
    {
        var votes = new Dictionary<(string Twin, string First), int>();
        for (var i = 0; i < twins.Length; i++)
        {
            if (twins[i] >= 0)
            {
                var key = (messages[i].Speaker.Raw, messages[Root(twins, i)].Speaker.Raw);
                votes[key] = votes.GetValueOrDefault(key) + 1;
            }
        }

        return votes
            .GroupBy(v => v.Key.Twin)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Value).ThenBy(v => v.Key.First, StringComparer.Ordinal).First().Key.First);
    }

    private static int Root(int[] twins, int i)
    {
        while (twins[i] >= 0)
        {
            i = twins[i];
        }

        return i;
    }
}
