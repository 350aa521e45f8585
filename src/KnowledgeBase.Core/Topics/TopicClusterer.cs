using System.Runtime.InteropServices;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace KnowledgeBase.Core.Topics;

/// <summary>
/// Groups exchanges into topics: each exchange becomes a TF-IDF bag of its question and answer content words
/// (payment-domain terms counted extra) projected to a small dense LSA space, joined with the mean of word vectors
/// learned from the exchanges themselves, and the result is clustered with seeded k-means.
/// The topic count is the smallest whose silhouette comes close to the best over a range, clusters above
/// <see cref="TopicClustererOptions.MaxTopicShare"/> are split, and each topic is named by its c-TF-IDF keywords.
/// The same exchanges and options always give the same topics, in any input order.
/// </summary>
public sealed class TopicClusterer
{
    private static readonly char[] WordSeparators = [' '];

    private readonly ChineseSegmenter _segmenter;
    private readonly TopicClustererOptions _options;

    /// <summary>Creates a clusterer.</summary>
    /// <param name="segmenter">Segmenter giving content words and domain terms.</param>
    /// <param name="options">Settings; defaults when null.</param>
    public TopicClusterer(ChineseSegmenter segmenter, TopicClustererOptions? options = null)
    {
        _segmenter = segmenter;
        _options = options ?? new TopicClustererOptions();
        if (_options.TopicCount is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "TopicCount must be at least 1.");
        }

        if (_options.MinTopics < 1 || _options.MaxTopics < _options.MinTopics)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Need 1 <= MinTopics <= MaxTopics.");
        }
    }

    /// <summary>Clusters the exchanges into topics.</summary>
    /// <param name="exchanges">Exchanges to cluster; their order does not change the result.</param>
    /// <param name="previous">
    /// The previous build's topics of the same output, or <see langword="null"/>. When it clustered at least
    /// <see cref="TopicClustererOptions.ContinueMinShare"/> of the exchanges (and no count is fixed), its topics are
    /// continued (<see cref="Continue"/>) instead of chosen afresh, so that a few days added move no exchange's topic.
    /// </param>
    /// <returns>Topics largest first and the exchanges with their topic ids set.</returns>
    public TopicClusteringResult Cluster(IReadOnlyList<Exchange> exchanges, PreviousTopics? previous = null)
    {
        if (exchanges.Count == 0)
        {
            return new TopicClusteringResult([], [], new TopicCountSelection(0, _options.TopicCount is not null, new Dictionary<int, double>(), 0));
        }

        // Work in a canonical order so that the caller's order cannot change the clustering. The order is by content
        // (file, then the first question's time, speaker and text), not by id or line: ids hash the line, so a message
        // added at the top of a day would reshuffle that day's exchanges and, through k-means, move unrelated topics.
        var order = Enumerable.Range(0, exchanges.Count)
            .OrderBy(i => exchanges[i].Path, StringComparer.Ordinal)
            .ThenBy(i => FirstMessage(exchanges[i])?.Time ?? DateTime.MinValue)
            .ThenBy(i => FirstMessage(exchanges[i])?.Speaker.Raw ?? "", StringComparer.Ordinal)
            .ThenBy(i => FirstMessage(exchanges[i])?.Body ?? "", StringComparer.Ordinal)
            .ThenBy(i => exchanges[i].Id, StringComparer.Ordinal)
            .ToArray();
        var names = ExchangeWords.Names(exchanges, _segmenter);
        // Segmenting is independent per exchange: both cores share it, in canonical order.
        var documents = order.AsParallel().AsOrdered().Select(i => ExchangeWords.From(exchanges[i], _segmenter, names)).ToArray();

        var lsa = Lsa(documents);
        var vectors = WithWordVectors(documents, lsa);
        var (assignment, selection) = Continue(previous, [.. order.Select(i => exchanges[i])], lsa, vectors);
        var splits = SplitOversized(vectors, assignment);
        var clusters = RankClusters(assignment, documents.Length);

        var labeler = new TopicLabeler(_segmenter, _options.KeywordsPerTopic);
        var keywords = labeler.Keywords(clusters.Select(members => members.Select(i => documents[i]).ToArray()).ToArray());

        var topics = new Topic[clusters.Count];
        var topicOf = new string[exchanges.Count];
        for (var c = 0; c < clusters.Count; c++)
        {
            var id = TopicId(c, clusters.Count);
            topics[c] = new Topic(id, TopicLabeler.Label(keywords[c]), keywords[c], clusters[c].Length);
            foreach (var member in clusters[c])
            {
                topicOf[order[member]] = id;
            }
        }

        var labelled = exchanges.Select((exchange, i) => exchange with { TopicId = topicOf[i] }).ToArray();
        return new TopicClusteringResult(topics, labelled, selection with { Splits = splits });
    }

    // The question: context before it (what a question follows up on) is not what the exchange is.
    private static ChatMessage? FirstMessage(Exchange exchange) =>
        exchange.Questions.FirstOrDefault() ?? (exchange.Messages.Count == 0 ? null : exchange.Messages[0].Message);

    /// <summary>The id of the topic at a rank: <c>t01</c>, <c>t02</c>, … (wider when there are 100 or more).</summary>
    /// <param name="rank">0-based rank by size.</param>
    /// <param name="count">Number of topics.</param>
    /// <returns>The id.</returns>
    internal static string TopicId(int rank, int count) =>
        "t" + (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length), '0');

    /// <summary>
    /// Each exchange as a unit vector: its LSA vector, joined with its mean word vector when
    /// <see cref="TopicClustererOptions.WordVectorWeight"/> is above 0 and there are enough exchanges to learn word vectors
    /// from (the two parts weighed 1 to that weight).
    /// </summary>
    /// <param name="documents">The exchanges' words.</param>
    /// <param name="lsa">Their LSA vectors (<see cref="Lsa"/>).</param>
    /// <returns>The vectors k-means clusters.</returns>
    internal float[][] WithWordVectors(IReadOnlyList<ExchangeWords> documents, float[][] lsa)
    {
        if (_options.WordVectorWeight <= 0 || documents.Count < _options.WordVectorMinExchanges)
        {
            return lsa;
        }

        // Learned from an even spread of the exchanges (all of them, up to the sample size), in canonical order.
        var sample = Sample([.. documents], _options.WordVectorSampleSize);
        var words = WordVectors.Learn(
            [.. sample.SelectMany(d => new[] { d.Question, d.Answer }).Where(part => part.Count > 0)],
            _options.WordVectorWindow,
            _options.WordVectorMinCount,
            _options.WordVectorDimensions,
            _options.Seed);
        if (words.Count == 0)
        {
            return lsa;
        }

        var embedded = ExchangeEmbedding.Of(documents, words, _options.QuestionWeight, _options.Seed);
        var weight = (float)Math.Sqrt(_options.WordVectorWeight);
        // Both parts are unit vectors: scaling one by sqrt(w) makes it count w times the other in squared distances.
        return lsa.Zip(embedded, (a, b) => VectorMath.Unit([.. a, .. b.Select(x => x * weight)])).ToArray();
    }

    /// <summary>
    /// Each exchange as a unit vector in a small dense space: TF-IDF bags of its question (words and word pairs), answer
    /// and domain terms, weighted, projected by LSA.
    /// </summary>
    internal float[][] Lsa(IReadOnlyList<ExchangeWords> documents)
    {
        var ml = new MLContext(_options.Seed);
        var rows = documents.Select(d => d.ToRow(_options)).ToArray();
        var parts = Parts(rows);
        if (parts.Count == 0)
        {
            // Nothing tells the exchanges apart: one point for all.
            return documents.Select(_ => (float[])[1f]).ToArray();
        }

        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        foreach (var (column, ngrams, _) in parts)
        {
            pipeline = pipeline
                // The words are already cut by jieba and joined with spaces: split on the spaces.
                .Append(ml.Transforms.Text.TokenizeIntoWords(column + "Words", column, WordSeparators))
                // n-gram extraction works on key-typed tokens: build the vocabulary.
                .Append(ml.Transforms.Conversion.MapValueToKey(column + "Words"))
                // TF-IDF damps the words every exchange uses; word pairs keep phrases such as 备付金 存管 together.
                .Append(ml.Transforms.Text.ProduceNgrams(column + "Bag", column + "Words", ngramLength: ngrams, useAllLengths: true, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
                // Unit length per part, so that the part weights, not text length, decide each part's say.
                .Append(ml.Transforms.NormalizeLpNorm(column + "Bag"));
        }

        var bags = parts.SelectMany(p => Enumerable.Repeat(p.Column + "Bag", p.Weight)).ToArray();
        pipeline = pipeline
            // One sparse vector per exchange; a part repeated w times weighs sqrt(w) in the cosine.
            .Append(ml.Transforms.Concatenate("Bag", bags))
            // Unit length, so that LSA sees directions, not lengths.
            .Append(ml.Transforms.NormalizeLpNorm("Bag"));

        var vocabulary = rows.SelectMany(r => new[] { r.Question, r.Answer, r.Domain })
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Count();
        var rank = Math.Min(_options.Dimensions, Math.Min(documents.Count - 1, vocabulary - 1));
        pipeline = rank >= 2
            // LSA: the top singular directions (no centring) merge words used in the same exchanges, so short questions
            // that share no word but share neighbours meet; dense vectors also avoid the one-giant-cluster pull of sparse bags.
            ? pipeline.Append(ml.Transforms.ProjectToPrincipalComponents("Dense", "Bag", rank: rank, ensureZeroMean: false, seed: _options.Seed))
            // Too few exchanges or words to project: cluster the bags themselves.
            : pipeline.Append(ml.Transforms.CopyColumns("Dense", "Bag"));
        pipeline = pipeline
            // Unit length again: k-means on unit vectors clusters by cosine.
            .Append(ml.Transforms.NormalizeLpNorm("Features", "Dense"));

        var data = ml.Data.LoadFromEnumerable(rows);
        var transformed = pipeline.Fit(data).Transform(data);
        return transformed.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
    }

    /// <summary>The text parts that have at least one word, with their n-gram length and weight.</summary>
    private List<(string Column, int Ngrams, int Weight)> Parts(ExchangeTextRow[] rows)
    {
        var parts = new List<(string, int, int)>();
        if (rows.Any(r => r.Question.Length > 0))
        {
            parts.Add((nameof(ExchangeTextRow.Question), 2, Math.Max(1, _options.QuestionWeight)));
        }

        // Answers are longer and chattier than questions: single words only.
        if (_options.IncludeAnswers && rows.Any(r => r.Answer.Length > 0))
        {
            parts.Add((nameof(ExchangeTextRow.Answer), 1, 1));
        }

        // Domain terms a second time, so that they outweigh everyday words.
        if (_options.DomainTermWeight > 0 && rows.Any(r => r.Domain.Length > 0))
        {
            parts.Add((nameof(ExchangeTextRow.Domain), 1, _options.DomainTermWeight));
        }

        return parts;
    }

    /// <summary>
    /// Clusters with the fixed count, or tries counts on a grid over the range and keeps the smallest whose silhouette
    /// comes within <see cref="TopicClustererOptions.SilhouetteTolerance"/> of the best: past the knee, more topics only
    /// split hairs.
    /// </summary>
    /// <param name="countVectors">
    /// The vectors whose silhouette chooses the count: the LSA vectors. Word vectors smooth the distances until the
    /// silhouette is flat over the whole range (0.25 to 0.27 on the corpus from 8 to 60 topics), so that a knee there
    /// would be noise.
    /// </param>
    /// <param name="vectors">The vectors clustered with the chosen count.</param>
    internal (int[] Assignment, TopicCountSelection Selection) ChooseClusters(float[][] countVectors, float[][] vectors)
    {
        var n = vectors.Length;
        if (_options.TopicCount is int fixedCount)
        {
            var k = Math.Min(fixedCount, n);
            return (KMeans(vectors, k, _options.Restarts), new TopicCountSelection(k, true, new Dictionary<int, double>(), 0));
        }

        var low = Math.Min(_options.MinTopics, n);
        var high = Math.Max(low, Math.Min(_options.MaxTopics, n / Math.Max(1, _options.MinExchangesPerTopic)));
        if (low == high)
        {
            return (KMeans(vectors, low, _options.Restarts), new TopicCountSelection(low, false, new Dictionary<int, double>(), 0));
        }

        var step = Math.Max(1, (high - low) / Math.Max(1, _options.CountsTried - 1));
        var counts = Enumerable.Range(0, ((high - low) / step) + 1).Select(i => low + (i * step)).ToArray();
        var silhouettes = new double[counts.Length];
        var sample = Sample(countVectors, _options.SelectionSampleSize);
        // Each count is clustered with its own seeded context, so trying them in parallel changes nothing but the time.
        Parallel.For(0, counts.Length, i => silhouettes[i] = Silhouette.Mean(sample, KMeans(sample, counts[i], 1), counts[i]));
        var scores = new SortedDictionary<int, double>(counts.Zip(silhouettes).ToDictionary(p => p.First, p => p.Second));

        var best = scores.Values.Max();
        var chosen = scores.First(s => s.Value >= best - _options.SilhouetteTolerance).Key;
        return (KMeans(vectors, chosen, _options.Restarts), new TopicCountSelection(chosen, false, scores, 0));
    }

    /// <summary>
    /// The previous build's topics, continued: every exchange that build clustered keeps its topic (found by its first
    /// question, or its id), an exchange an older build had (a day put back) gets that topic back while it is continued,
    /// and each new exchange joins the topic whose centre (the mean of its exchanges' vectors in this build) is nearest,
    /// as one assignment step of k-means would place it. Topics therefore do not shift under exchanges that were already
    /// there when a few days are added; the count and the centres are chosen afresh once too few exchanges are known.
    /// </summary>
    /// <param name="previous">The previous build's topics; <see langword="null"/> or empty chooses afresh.</param>
    /// <param name="exchanges">The exchanges, in the order of <paramref name="vectors"/>.</param>
    /// <param name="lsa">Their LSA vectors, which choose the count when topics are chosen afresh.</param>
    /// <param name="vectors">The vectors k-means clusters.</param>
    /// <returns>
    /// The clusters and how they were chosen: continued, or afresh (<see cref="ChooseClusters"/>) when there is no
    /// previous build, a count is fixed, or the previous build had too few of the exchanges.
    /// </returns>
    internal (int[] Assignment, TopicCountSelection Selection) Continue(PreviousTopics? previous, IReadOnlyList<Exchange> exchanges, float[][] lsa, float[][] vectors)
    {
        if (previous is null || previous.IsEmpty || vectors.Length == 0)
        {
            return ChooseClusters(lsa, vectors);
        }

        var latest = exchanges.Select(previous.LatestTopicOf).ToArray();
        var continued = latest.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var topicOf = exchanges.Select((exchange, i) => latest[i] ?? previous.EarlierTopicOf(exchange, continued)).ToArray();
        var known = topicOf.Count(t => t is not null);
        if (_options.TopicCount is not null || known < _options.ContinueMinShare * vectors.Length)
        {
            var (fresh, selection) = ChooseClusters(lsa, vectors);
            return (fresh, selection with { Known = known });
        }

        var members = Enumerable.Range(0, vectors.Length)
            .Where(i => topicOf[i] is not null)
            .GroupBy(i => topicOf[i]!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var cluster = members.Select((g, c) => (g.Key, c)).ToDictionary(p => p.Key, p => p.c, StringComparer.Ordinal);
        var centres = members.Select(g => Mean([.. g.Select(i => vectors[i])])).ToArray();
        var assignment = new int[vectors.Length];
        Parallel.For(0, vectors.Length, i => assignment[i] = topicOf[i] is { } topic ? cluster[topic] : Nearest(vectors[i], centres));
        return (assignment, new TopicCountSelection(members.Length, false, new Dictionary<int, double>(), 0) { Continued = true, Known = known });
    }

    // The nearest centre by Euclidean distance, as k-means measures it; a tie goes to the first.
    private static int Nearest(float[] vector, float[][] centres)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var c = 0; c < centres.Length; c++)
        {
            var distance = 0.0;
            var centre = centres[c];
            for (var d = 0; d < vector.Length; d++)
            {
                var delta = (double)vector[d] - centre[d];
                distance += delta * delta;
            }

            if (distance < bestDistance)
            {
                best = c;
                bestDistance = distance;
            }
        }

        return best;
    }

    // The mean in double precision, summed in the vectors' (canonical) order.
    private static float[] Mean(float[][] vectors)
    {
        var sum = new double[vectors[0].Length];
        foreach (var vector in vectors)
        {
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += vector[d];
            }
        }

        return [.. sum.Select(x => (float)(x / vectors.Length))];
    }

    /// <summary>At most <paramref name="size"/> items, evenly spread over the (canonically ordered) input.</summary>
    private static T[] Sample<T>(T[] items, int size)
    {
        if (size <= 0 || items.Length <= size)
        {
            return items;
        }

        return Enumerable.Range(0, size).Select(i => items[(int)((long)i * items.Length / size)]).ToArray();
    }

    /// <summary>Splits the largest cluster in two while it holds more than <see cref="TopicClustererOptions.MaxTopicShare"/>.</summary>
    /// <returns>How many splits were made.</returns>
    internal int SplitOversized(float[][] vectors, int[] assignment)
    {
        var limit = Math.Max(2, (int)Math.Floor(_options.MaxTopicShare * vectors.Length));
        var splits = 0;
        var next = assignment.Max() + 1;
        // Each split shrinks a cluster, so the loop ends; the bound only guards against a split that moves nothing.
        for (var guard = 0; guard < vectors.Length; guard++)
        {
            var largest = assignment.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            if (largest.Count() <= limit)
            {
                break;
            }

            var members = Enumerable.Range(0, assignment.Length).Where(i => assignment[i] == largest.Key).ToArray();
            var halves = KMeans(members.Select(i => vectors[i]).ToArray(), 2, 1);
            if (halves.All(h => h == halves[0]))
            {
                break;
            }

            for (var j = 0; j < members.Length; j++)
            {
                if (halves[j] == 1)
                {
                    assignment[members[j]] = next;
                }
            }

            next++;
            splits++;
        }

        return splits;
    }

    /// <summary>Seeded k-means (k-means++ starts, one thread); of several restarts the tightest clustering is kept.</summary>
    /// <returns>The cluster of each vector, 0..k-1.</returns>
    internal int[] KMeans(float[][] vectors, int k, int restarts)
    {
        // k-means needs k distinct points to start from (exchanges with the same words are the same point).
        k = Math.Min(k, vectors.Select(v => Convert.ToBase64String(MemoryMarshal.AsBytes(v.AsSpan()))).Distinct(StringComparer.Ordinal).Count());
        if (k <= 1)
        {
            return new int[vectors.Length];
        }

        // Each restart has its own seeded context, so running them on both cores changes nothing but the time; the
        // first of the tightest wins, as it would one after the other.
        var runs = new (int[] Assignment, double Spread)[Math.Max(1, restarts)];
        Parallel.For(0, runs.Length, restart => runs[restart] = KMeansOnce(vectors, k, _options.Seed + restart));
        var best = runs[0];
        foreach (var run in runs.Skip(1))
        {
            if (run.Spread < best.Spread)
            {
                best = run;
            }
        }

        return best.Assignment;
    }

    private static (int[] Assignment, double Spread) KMeansOnce(float[][] vectors, int k, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(ExchangeVectorRow));
        schema[nameof(ExchangeVectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vectors[0].Length);
        var data = ml.Data.LoadFromEnumerable(vectors.Select(v => new ExchangeVectorRow { Features = v }), schema);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(ExchangeVectorRow.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            // One thread: the order of floating-point sums, and so the result, is then fixed.
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 300,
            OptimizationTolerance = 1e-7f,
        });
        var predictions = ml.Data.CreateEnumerable<ClusterPredictionRow>(trainer.Fit(data).Transform(data), reuseRowObject: false).ToList();
        var assignment = predictions.Select(p => (int)p.Cluster - 1).ToArray();
        var spread = predictions.Sum(p => (double)p.Distances[p.Cluster - 1]);
        return (assignment, spread);
    }

    /// <summary>Members of each non-empty cluster, largest first; ties by the smallest member index.</summary>
    private static List<int[]> RankClusters(int[] assignment, int count) =>
        Enumerable.Range(0, count)
            .GroupBy(i => assignment[i])
            .Select(g => g.ToArray())
            .OrderByDescending(m => m.Length)
            .ThenBy(m => m[0])
            .ToList();
}
