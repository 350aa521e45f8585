using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// Dense word vectors learned from the chat itself: positive pointwise mutual information (PPMI) of words that occur
/// near each other, reduced by a seeded truncated SVD (the count-based equivalent of word2vec, Levy and Goldberg 2014).
/// Words that keep the same company (备付金 and 存管, 牌照 and 资质) get vectors pointing the same way.
/// </summary>
internal sealed class WordVectors
{
    private readonly Dictionary<string, float[]> _vectors;

    /// <summary>Vectors as learned (or read back from a file).</summary>
    /// <param name="vectors">Unit vectors by word, all of length <paramref name="dimensions"/>.</param>
    /// <param name="dimensions">Their length.</param>
    internal WordVectors(Dictionary<string, float[]> vectors, int dimensions)
    {
        _vectors = vectors;
        Dimensions = dimensions;
    }

    /// <summary>Length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>How many words have a vector.</summary>
    public int Count => _vectors.Count;

    /// <summary>Every word with its vector, in ordinal word order.</summary>
    public IEnumerable<KeyValuePair<string, float[]>> Entries => _vectors.OrderBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>The unit vector of a word, or null when the word was too rare to learn one.</summary>
    /// <param name="word">The word.</param>
    public float[]? this[string word] => _vectors.GetValueOrDefault(word);

    /// <summary>Learns vectors from word sequences.</summary>
    /// <param name="sequences">Word sequences; words within <paramref name="window"/> positions of each other co-occur.</param>
    /// <param name="window">Co-occurrence window; a pair d positions apart counts 1/d, as word2vec's shrinking window does on average.</param>
    /// <param name="minCount">Words seen fewer times get no vector.</param>
    /// <param name="dimensions">Vector length (fewer when the vocabulary is too small for it).</param>
    /// <param name="seed">Seed of the randomized SVD: the same sequences and seed give the same vectors.</param>
    /// <returns>The vectors; none when the sequences have too few distinct words.</returns>
    public static WordVectors Learn(IReadOnlyList<IReadOnlyList<string>> sequences, int window, int minCount, int dimensions, int seed)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in sequences.SelectMany(s => s))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        // Sorted, so that word ids, and with them every sum below, do not depend on hash order.
        var vocabulary = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var rank = Math.Min(dimensions, vocabulary.Length - 1);
        if (rank < 2)
        {
            return new WordVectors(new Dictionary<string, float[]>(StringComparer.Ordinal), 0);
        }

        var rows = Ppmi(CoOccurrences(sequences, vocabulary, window), vocabulary.Length);
        var dense = Reduce(rows, vocabulary.Length, rank, seed);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            // A word with no positive association (it only ever met everything equally) has nothing to say.
            if (rows[i].Count > 0)
            {
                vectors[vocabulary[i]] = dense[i];
            }
        }

        return new WordVectors(vectors, rank);
    }

    /// <summary>Distance-weighted co-occurrence counts of word id pairs, both orders, keyed by <see cref="Key"/>.</summary>
    private static Dictionary<long, float> CoOccurrences(IReadOnlyList<IReadOnlyList<string>> sequences, string[] vocabulary, int window)
    {
        var index = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            index[vocabulary[i]] = i;
        }

        var pairs = new Dictionary<long, float>();
        foreach (var sequence in sequences)
        {
            var ids = sequence.Select(w => index.GetValueOrDefault(w, -1)).ToArray();
            for (var i = 0; i < ids.Length; i++)
            {
                for (var j = i + 1; j < Math.Min(ids.Length, i + 1 + window) && ids[i] >= 0; j++)
                {
                    if (ids[j] < 0 || ids[j] == ids[i])
                    {
                        continue;
                    }

                    var weight = 1f / (j - i);
                    // One hash lookup per update instead of a read and a write.
                    CollectionsMarshal.GetValueRefOrAddDefault(pairs, Key(ids[i], ids[j]), out _) += weight;
                    CollectionsMarshal.GetValueRefOrAddDefault(pairs, Key(ids[j], ids[i]), out _) += weight;
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// Each word's row of positive PMI values, columns ascending. The context distribution is smoothed (power 0.75),
    /// which keeps rare contexts from getting the largest PMI.
    /// </summary>
    private static List<(int Column, float Value)>[] Ppmi(Dictionary<long, float> pairs, int size)
    {
        var rowMass = new double[size];
        var contextMass = new double[size];
        // Sorted by key (row, then column), so that the sums below do not depend on hash order.
        var keys = pairs.Keys.ToArray();
        Array.Sort(keys);
        var ordered = keys.Select(k => new KeyValuePair<long, float>(k, pairs[k])).ToArray();
        foreach (var (key, value) in ordered)
        {
            rowMass[Row(key)] += value;
            contextMass[Column(key)] += value;
        }

        var smoothed = contextMass.Select(c => Math.Pow(c, 0.75)).ToArray();
        var smoothedTotal = smoothed.Sum();
        var rows = Enumerable.Range(0, size).Select(_ => new List<(int, float)>()).ToArray();
        foreach (var (key, value) in ordered)
        {
            var pmi = Math.Log(value * smoothedTotal / (rowMass[Row(key)] * smoothed[Column(key)]));
            if (pmi > 0)
            {
                rows[Row(key)].Add((Column(key), (float)pmi));
            }
        }

        return rows;
    }

    /// <summary>The top <paramref name="rank"/> singular directions of the PPMI rows (ML.NET's randomized PCA, uncentred), each row then of unit length.</summary>
    private static float[][] Reduce(List<(int Column, float Value)>[] rows, int size, int rank, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(SparseRow));
        schema[nameof(SparseRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var data = ml.Data.LoadFromEnumerable(
            rows.Select(r => new SparseRow { Features = new VBuffer<float>(size, r.Count, r.Select(p => p.Value).ToArray(), r.Select(p => p.Column).ToArray()) }),
            schema);
        var pipeline = ml.Transforms.ProjectToPrincipalComponents("Dense", nameof(SparseRow.Features), rank: rank, ensureZeroMean: false, seed: seed)
            .Append(ml.Transforms.NormalizeLpNorm("Unit", "Dense"));
        return pipeline.Fit(data).Transform(data).GetColumn<VBuffer<float>>("Unit").Select(v => v.DenseValues().ToArray()).ToArray();
    }

    private static long Key(int row, int column) => ((long)row << 32) | (uint)column;

    private static int Row(long key) => (int)(key >> 32);

    private static int Column(long key) => (int)(key & 0xFFFFFFFF);

    /// <summary>ML.NET row: one word's sparse PPMI row; its size is declared by a schema definition at load time.</summary>
    private sealed class SparseRow
    {
        public VBuffer<float> Features { get; set; }
    }
}
