using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Topics;

/// <summary>
/// Names topics with class-based TF-IDF (c-TF-IDF): a word scores high for a topic when many of the topic's exchanges
/// use it and few other topics do. Question words count double and payment-domain terms are boosted, because analysts
/// browse by domain concept. For the same reason a keyword should name a thing: a domain term or a word jieba tags as
/// noun-like. Chat verbs (推荐, 介绍, 解决) can be as characteristic of a cluster as its subject, and they only fill
/// the list when a topic has too few nouns.
/// </summary>
internal sealed class TopicLabeler
{
    private const double QuestionCount = 2.0;
    private const double AnswerCount = 1.0;
    private const double DomainBoost = 2.0;
    private const int MinKeywords = 3;
    private const int MaxKeywords = 6;

    private readonly ChineseSegmenter _segmenter;
    private readonly int _keywords;

    /// <summary>Creates a labeler.</summary>
    /// <param name="segmenter">Segmenter that knows the domain terms.</param>
    /// <param name="keywords">Keywords wanted per topic, clamped to 3..6.</param>
    public TopicLabeler(ChineseSegmenter segmenter, int keywords)
    {
        _segmenter = segmenter;
        _keywords = Math.Clamp(keywords, MinKeywords, MaxKeywords);
    }

    /// <summary>
    /// Keywords of every cluster: the words that can name a concept, most characteristic first, topped up with the
    /// most characteristic other words when there are too few. Never fewer keywords than the plain ranking gives.
    /// </summary>
    /// <param name="clusters">The words of each cluster's exchanges.</param>
    /// <returns>One keyword list per cluster, in the same order.</returns>
    public IReadOnlyList<string>[] Keywords(IReadOnlyList<IReadOnlyList<ExchangeWords>> clusters)
    {
        var counts = clusters.Select(CountWords).ToArray();
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var cluster in counts)
        {
            foreach (var (word, count) in cluster)
            {
                totals[word] = totals.GetValueOrDefault(word) + count;
            }
        }

        var averageMass = counts.Length == 0 ? 1.0 : Math.Max(1.0, counts.Average(c => c.Values.Sum()));
        // In how many of each cluster's exchanges a word is, and so in how many of all exchanges.
        var frequencies = clusters.Select(DocumentFrequencies).ToArray();
        var exchanges = clusters.Sum(c => c.Count);
        var spread = frequencies.SelectMany(f => f)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Rarity(g.Sum(p => p.Value), exchanges), StringComparer.Ordinal);
        return counts.Select((cluster, i) => Pick(cluster, totals, averageMass, spread, frequencies[i], clusters[i].Count)).ToArray();
    }

    /// <summary>A short label from the first three keywords, e.g. <c>二类户 · 账户体系 · 实名</c>.</summary>
    /// <param name="keywords">The topic's keywords.</param>
    /// <returns>The label.</returns>
    public static string Label(IReadOnlyList<string> keywords) =>
        keywords.Count == 0 ? "(无关键词)" : string.Join(" · ", keywords.Take(3));

    private IReadOnlyList<string> Pick(
        Dictionary<string, double> cluster, Dictionary<string, double> totals, double averageMass, Dictionary<string, double> rarity, Dictionary<string, int> frequency, int size)
    {
        var mass = Math.Max(1.0, cluster.Values.Sum());
        // A word few other topics use can top a mixed cluster from a handful of its exchanges (保理业务 in 5 of 307) and
        // name none of the rest: the share of the cluster's exchanges that use it weighs in too.
        var ranked = cluster
            .Select(pair => (Word: pair.Key, Score: Score(pair.Key, pair.Value, mass, totals[pair.Key], averageMass) * rarity.GetValueOrDefault(pair.Key, 1.0) * Math.Sqrt(frequency[pair.Key] / (double)size)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Word, StringComparer.Ordinal)
            .Select(s => s.Word)
            .ToArray();

        var chosen = new List<string>(_keywords);
        KeywordRules.Fill(chosen, ranked.Where(w => KeywordRules.NamesThing(_segmenter, w)), _keywords);
        KeywordRules.Fill(chosen, ranked, _keywords);

        // Taking nouns first can leave fewer words that do not contain one another than the plain ranking finds.
        var plain = new List<string>(_keywords);
        KeywordRules.Fill(plain, ranked, _keywords);
        return chosen.Count >= plain.Count ? chosen : plain;
    }

    /// <summary>
    /// ln(N/df) / ln(N): near 1 for a word few exchanges use, small for chat words such as 理解 or 问题 that most
    /// topics share; c-TF-IDF alone lets those through in a big collection.
    /// </summary>
    private static double Rarity(int documentFrequency, int exchanges) =>
        exchanges <= 1 ? 1.0 : Math.Log(exchanges / (double)documentFrequency) / Math.Log(exchanges);

    private double Score(string word, double count, double mass, double total, double averageMass)
    {
        var score = count / mass * Math.Log(1.0 + averageMass / total);
        return _segmenter.IsDomainTerm(word) ? score * DomainBoost : score;
    }

    /// <summary>Per word, in how many of the cluster's exchanges it is, in question or answer.</summary>
    private static Dictionary<string, int> DocumentFrequencies(IReadOnlyList<ExchangeWords> exchanges)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in exchanges.SelectMany(e => e.Question.Concat(e.Answer).Distinct(StringComparer.Ordinal)))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return counts;
    }

    /// <summary>Per word, in how many exchanges it appears: twice for a question word, once for an answer word.</summary>
    private static Dictionary<string, double> CountWords(IReadOnlyList<ExchangeWords> exchanges)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var exchange in exchanges)
        {
            var question = exchange.Question.ToHashSet(StringComparer.Ordinal);
            foreach (var word in question)
            {
                counts[word] = counts.GetValueOrDefault(word) + QuestionCount;
            }

            foreach (var word in exchange.Answer.Where(w => !question.Contains(w)).Distinct(StringComparer.Ordinal))
            {
                counts[word] = counts.GetValueOrDefault(word) + AnswerCount;
            }
        }

        return counts;
    }
}
