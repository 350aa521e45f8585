using System.Collections.Frozen;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Nicks known to be one person: on days merged from two exports every message appears twice, once under each of its
/// speaker's nicks (<c>北京一张泽雄</c> and <c>张泽雄-民生金服 项目总监</c>). A pair counts only when each nick's twins
/// are mostly the other's, so a name that stands for several people across exports, such as <c>我</c> (whoever
/// exported the log), is never tied to one of them; chance repeats (the same <c>签到</c> from two people within two
/// seconds) are too few to count. Both nicks of a pair are then shown as the one that says more about the person.
/// </summary>
internal static class SpeakerIdentities
{
    // Twins of a pair, at least; a chance repeat rarely happens twice to the same two people.
    private const int MinimumPairs = 3;

    // Share of a nick's twins that are the other nick's, at least, on both sides.
    private const double MinimumShare = 0.8;

    /// <summary>For each nick of a pair, the speaker (parsed from the pair's better nick) its messages are attributed to.</summary>
    /// <param name="aliases">Twin counts by <see cref="NameKey"/> pair, both directions.</param>
    /// <param name="profiles">Every raw nick seen, with how much it said.</param>
    /// <returns>Raw nick to attributed speaker; nicks of no pair are absent.</returns>
    public static FrozenDictionary<string, Speaker> From(
        IReadOnlyDictionary<(string, string), int> aliases,
        IReadOnlyDictionary<string, SpeakerProfile> profiles)
    {
        var partners = aliases
            .GroupBy(p => p.Key.Item1, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Total: g.Sum(p => p.Value), Top: g.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).First()))
            .Where(p => p.Top.Value >= MinimumPairs && p.Top.Value >= MinimumShare * p.Total)
            .ToDictionary(p => p.Key, p => p.Top.Key.Item2, StringComparer.Ordinal);

        // The raw nicks under each key, the most used first: the pair's nick is shown from that one.
        var nicksOfKey = profiles
            .GroupBy(p => NameKey.Of(p.Key), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(p => p.Value.Messages).ThenBy(p => p.Key, StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);

        var attributed = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        foreach (var (key, partner) in partners)
        {
            if (!partners.TryGetValue(partner, out var back) || back != key
                || !nicksOfKey.TryGetValue(key, out var own) || !nicksOfKey.TryGetValue(partner, out var other))
            {
                continue;
            }

            var shown = SpeakerParser.Parse(SaysMore(own[0], other[0]) ? own[0].Key : other[0].Key);
            foreach (var (raw, _) in own)
            {
                attributed[raw] = shown with { Raw = raw };
            }
        }

        return attributed.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // The nick that says more about its person: more parts (company, role, city), then the longer name, then the one used
    // more; ties go to the first in ordinal order, so both nicks of a pair choose the same.
    private static bool SaysMore(KeyValuePair<string, SpeakerProfile> a, KeyValuePair<string, SpeakerProfile> b)
    {
        var (first, second) = (SpeakerParser.Parse(a.Key), SpeakerParser.Parse(b.Key));
        var byParts = Parts(first).CompareTo(Parts(second));
        if (byParts != 0)
        {
            return byParts > 0;
        }

        var byName = NameLength(first).CompareTo(NameLength(second));
        if (byName != 0)
        {
            return byName > 0;
        }

        var byUse = a.Value.Messages.CompareTo(b.Value.Messages);
        return byUse != 0 ? byUse > 0 : string.CompareOrdinal(a.Key, b.Key) < 0;
    }

    private static int Parts(Speaker speaker) => new[] { speaker.Company, speaker.Role, speaker.City }.Count(p => !string.IsNullOrWhiteSpace(p));

    private static int NameLength(Speaker speaker) => speaker.Name.Replace("?", string.Empty, StringComparison.Ordinal).Trim().Length;
}
