using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace KnowledgeBase.Core.Topics;

/// <summary>
/// Groups exchanges into topics: each exchange becomes a TF-IDF bag of its question and answer content words
/// (payment-domain terms counted extra), projected to a small dense LSA space and clustered with seeded k-means;
/// the topic count is chosen by silhouette and clusters above <see cref="TopicClustererOptions.MaxTopicShare"/>
/// are split. The same exchanges and options always give the same topics.
/// </summary>
public sealed class TopicClusterer
{
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
    /// <returns>Topics largest first and the exchanges with their topic ids set.</returns>
    public TopicClusteringResult Cluster(IReadOnlyList<Exchange> exchanges)
    {
        if (exchanges.Count == 0)
        {
            return new TopicClusteringResult([], [], new TopicCountSelection(0, _options.TopicCount is not null, new Dictionary<int, double>(), 0));
        }

        // Work in a canonical order so that the caller's order cannot change the clustering.
        var order = Enumerable.Range(0, exchanges.Count)
            .OrderBy(i => exchanges[i].Id, StringComparer.Ordinal)
            .ThenBy(i => exchanges[i].Path, StringComparer.Ordinal)
            .ToArray();
        var documents = order.Select(i => ExchangeWords.From(exchanges[i], _segmenter)).ToArray();

        var vectors = Vectorize(documents);
        var (assignment, selection) = ChooseClusters(vectors);
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

    /// <summary>The id of the topic at a rank: <c>t01</c>, <c>t02</c>, … (wider when there are 100 or more).</summary>
    /// <param name="rank">0-based rank by size.</param>
    /// <param name="count">Number of topics.</param>
    /// <returns>The id.</returns>
    internal static string TopicId(int rank, int count) =>
        "t" + (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length), '0');

    internal float[][] Vectorize(IReadOnlyList<ExchangeWords> documents)
    {
        var ml = new MLContext(_options.Seed);
        var rows = documents.Select(d => d.ToRow(_options)).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var rank = Math.Min(_options.Dimensions, documents.Count - 1);

        IEstimator<ITransformer> pipeline = ml.Transforms.Text.TokenizeIntoWords("QuestionWords", nameof(ExchangeTextRow.Question), [' '])
            // n-gram extraction works on key-typed tokens: build the question vocabulary.
            .Append(ml.Transforms.Conversion.MapValueToKey("QuestionWords"))
            // Word pairs keep phrases such as 备付金 存管 together; TF-IDF damps words every exchange uses.
            .Append(ml.Transforms.Text.ProduceNgrams("QuestionBag", "QuestionWords", ngramLength: 2, useAllLengths: true, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            // Unit length per part, so that the weights below, not text length, set each part's say.
            .Append(ml.Transforms.NormalizeLpNorm("QuestionBag"))
            // Answers and domain terms are tokenised the same way, on their own vocabularies.
            .Append(ml.Transforms.Text.TokenizeIntoWords("AnswerWords", nameof(ExchangeTextRow.Answer), [' ']))
            // Key-typed answer tokens for the n-gram bag.
            .Append(ml.Transforms.Conversion.MapValueToKey("AnswerWords"))
            // Answers are longer and chattier: single words only.
            .Append(ml.Transforms.Text.ProduceNgrams("AnswerBag", "AnswerWords", ngramLength: 1, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            // Unit length per part.
            .Append(ml.Transforms.NormalizeLpNorm("AnswerBag"))
            // Domain terms of question and answer, a second time, so that they outweigh everyday words.
            .Append(ml.Transforms.Text.TokenizeIntoWords("DomainWords", nameof(ExchangeTextRow.Domain), [' ']))
            // Key-typed domain tokens for the bag.
            .Append(ml.Transforms.Conversion.MapValueToKey("DomainWords"))
            // Domain terms as a TF-IDF bag of their own.
            .Append(ml.Transforms.Text.ProduceNgrams("DomainBag", "DomainWords", ngramLength: 1, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            // Unit length per part.
            .Append(ml.Transforms.NormalizeLpNorm("DomainBag"))
            // One sparse vector per exchange; a part repeated w times weighs sqrt(w) in the cosine.
            .Append(ml.Transforms.Concatenate("Bag", BagColumns()))
            // Unit length: long answers must not dominate the projection.
            .Append(ml.Transforms.NormalizeLpNorm("Bag"));
        if (rank >= 2)
        {
            // LSA: project onto the top singular directions (no centring), so that synonyms used together meet.
            pipeline = pipeline.Append(ml.Transforms.ProjectToPrincipalComponents("Dense", "Bag", rank: rank, ensureZeroMean: false, seed: _options.Seed));
        }
        else
        {
            // Too few exchanges to project: keep the bag.
            pipeline = pipeline.Append(ml.Transforms.CopyColumns("Dense", "Bag"));
        }

        // Unit length again: k-means on unit vectors clusters by cosine.
        pipeline = pipeline.Append(ml.Transforms.NormalizeLpNorm("Features", "Dense"));

        var transformed = pipeline.Fit(data).Transform(data);
        return transformed.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
    }

    private string[] BagColumns() =>
        [
            .. Enumerable.Repeat("QuestionBag", Math.Max(1, _options.QuestionWeight)),
            .. _options.IncludeAnswers ? ["AnswerBag"] : Array.Empty<string>(),
            .. Enumerable.Repeat("DomainBag", Math.Max(0, _options.DomainTermWeight)),
        ];

    internal (int[] Assignment, TopicCountSelection Selection) ChooseClusters(float[][] vectors)
    {
        var n = vectors.Length;
        if (_options.TopicCount is int fixedCount)
        {
            var k = Math.Min(fixedCount, n);
            return (KMeans(vectors, k), new TopicCountSelection(k, true, new Dictionary<int, double>(), 0));
        }

        var low = Math.Min(_options.MinTopics, n);
        var high = Math.Min(_options.MaxTopics, Math.Max(low, n / 3));
        if (low == high || n < 3)
        {
            return (KMeans(vectors, low), new TopicCountSelection(low, false, new Dictionary<int, double>(), 0));
        }

        var scores = new SortedDictionary<int, double>();
        int[]? best = null;
        var bestScore = double.NegativeInfinity;
        var bestK = low;
        for (var k = low; k <= high; k++)
        {
            var assignment = KMeans(vectors, k);
            var score = Silhouette.Mean(vectors, assignment, k);
            scores[k] = score;
            if (score > bestScore)
            {
                (best, bestScore, bestK) = (assignment, score, k);
            }
        }

        return (best!, new TopicCountSelection(bestK, false, scores, 0));
    }

    internal int SplitOversized(float[][] vectors, int[] assignment)
    {
        var limit = Math.Max(2, (int)Math.Floor(_options.MaxTopicShare * vectors.Length));
        var splits = 0;
        var next = assignment.Max() + 1;
        // Each split shrinks a cluster, so the loop ends; the bound is a guard against a split that moves nothing.
        for (var guard = 0; guard < vectors.Length; guard++)
        {
            var largest = assignment.GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            if (largest.Count() <= limit)
            {
                break;
            }

            var members = Enumerable.Range(0, assignment.Length).Where(i => assignment[i] == largest.Key).ToArray();
            var halves = KMeans(members.Select(i => vectors[i]).ToArray(), 2);
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

    internal int[] KMeans(float[][] vectors, int k)
    {
        if (k <= 1 || vectors.Length <= 1)
        {
            return new int[vectors.Length];
        }

        var ml = new MLContext(_options.Seed);
        var dimension = vectors[0].Length;
        var schema = SchemaDefinition.Create(typeof(ExchangeVectorRow));
        schema[nameof(ExchangeVectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
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
        var model = trainer.Fit(data);
        return ml.Data.CreateEnumerable<ClusterPredictionRow>(model.Transform(data), reuseRowObject: false)
            .Select(p => (int)p.Cluster - 1)
            .ToArray();
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
