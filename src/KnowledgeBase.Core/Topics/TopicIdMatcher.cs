using System.Globalization;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Topics;

/// <summary>
/// Keeps topic ids stable across builds of the same output. <see cref="TopicClusterer"/> numbers topics by size, so a
/// small input change would renumber most of them; instead each new topic takes the id of the previous topic it shares
/// the most exchanges with (one to one, greedily: the largest overlap first, ties to the larger new topic); a topic left
/// over takes, the same way, the id its exchanges last had in an older build (a day removed and put back), and a topic
/// that matches none gets a number never used before in that output. With no previous build the ids stay size ranks.
/// </summary>
public static class TopicIdMatcher
{
    /// <summary>Renames the build's topics (in <c>topics[]</c>, <c>exchanges[]</c> and <c>entries[]</c>) to stable ids.</summary>
    /// <param name="build">The document a build produced, topics numbered by size.</param>
    /// <param name="previous">The previous build's topics, or <see langword="null"/> for a fresh output.</param>
    /// <returns>The document with stable topic ids; the same instance when there is no previous build.</returns>
    public static KnowledgeBaseDocument KeepIds(KnowledgeBaseDocument build, PreviousTopics? previous)
    {
        if (previous is null || previous.IsEmpty || build.Topics.Count == 0)
        {
            return build;
        }

        var renamed = Match(build, previous);
        return build with
        {
            Topics = build.Topics.Select(t => t with { Id = renamed[t.Id] }).ToList(),
            Exchanges = build.Exchanges.Select(e => e.TopicId is { } id && renamed.TryGetValue(id, out var to) ? e with { TopicId = to } : e).ToList(),
            Entries = build.Entries.Select(e => renamed.TryGetValue(e.TopicId, out var to) ? e with { TopicId = to } : e).ToList(),
        };
    }

    /// <summary>The stable id of each of the build's topic ids.</summary>
    /// <param name="build">The build.</param>
    /// <param name="previous">The previous build's topics.</param>
    /// <returns>New id by the build's id.</returns>
    public static IReadOnlyDictionary<string, string> Match(KnowledgeBaseDocument build, PreviousTopics previous)
    {
        var rank = build.Topics.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        // An exchange is found in the previous build by its first question, or its id; in older builds, by its id.
        MatchByOverlap(build, rank, previous.LatestTopicOf, renamed, taken);
        MatchByOverlap(build, rank, exchange => previous.EarlierTopicOfExchange.GetValueOrDefault(exchange.Id), renamed, taken);

        var numbers = previous.UsedIds.Concat(renamed.Values).Select(Number).Where(n => n > 0).ToList();
        var next = numbers.Count == 0 ? 1 : numbers.Max() + 1;
        var width = Math.Max(2, previous.UsedIds.Where(id => Number(id) > 0).Select(id => id.Length - 1).DefaultIfEmpty(0).Max());
        foreach (var topic in build.Topics.Where(t => !renamed.ContainsKey(t.Id)))
        {
            renamed[topic.Id] = "t" + next++.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        }

        return renamed;
    }

    // Greedy one-to-one matching: the pair sharing the most exchanges first, ties to the larger new topic.
    private static void MatchByOverlap(
        KnowledgeBaseDocument build,
        Dictionary<string, int> rank,
        Func<Exchange, string?> previousTopicOf,
        Dictionary<string, string> renamed,
        HashSet<string> taken)
    {
        var overlaps = new Dictionary<(string New, string Old), int>();
        foreach (var exchange in build.Exchanges)
        {
            if (exchange.TopicId is { } topic && rank.ContainsKey(topic) && !renamed.ContainsKey(topic)
                && previousTopicOf(exchange) is { } old && !taken.Contains(old))
            {
                overlaps[(topic, old)] = overlaps.GetValueOrDefault((topic, old)) + 1;
            }
        }

        var pairs = overlaps
            .OrderByDescending(p => p.Value)
            .ThenByDescending(p => build.Topics[rank[p.Key.New]].ExchangeCount)
            .ThenBy(p => rank[p.Key.New])
            .ThenBy(p => p.Key.Old, StringComparer.Ordinal);
        foreach (var ((topic, old), _) in pairs)
        {
            if (!renamed.ContainsKey(topic) && taken.Add(old))
            {
                renamed[topic] = old;
            }
        }
    }

    // The number of an id of the form t01, t102; 0 for any other id.
    private static int Number(string id) =>
        id.Length > 1 && id[0] == 't' && id.Skip(1).All(char.IsAsciiDigit) && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
