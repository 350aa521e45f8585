using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Topics;

/// <summary>
/// Exchanges as weighted means of their word vectors (smooth inverse frequency, Arora et al. 2017): each word weighed by
/// its IDF, the question's mean counting more than the answer's, and the direction all exchanges share removed.
/// </summary>
internal static class ExchangeEmbedding
{
    /// <summary>Embeds every exchange.</summary>
    /// <param name="documents">The exchanges' words.</param>
    /// <param name="words">Word vectors.</param>
    /// <param name="questionWeight">How many times the question's mean counts against the answer's.</param>
    /// <param name="seed">Seed of the power iteration that finds the shared direction.</param>
    /// <returns>One unit vector per exchange (all zeros when none of its words has a vector).</returns>
    public static float[][] Of(IReadOnlyList<ExchangeWords> documents, WordVectors words, double questionWeight, int seed)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in documents.SelectMany(d => d.Question.Concat(d.Answer).Distinct(StringComparer.Ordinal)))
        {
            documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
        }

        var vectors = documents.Select(d =>
        {
            var sum = new double[words.Dimensions];
            Accumulate(sum, d.Question, questionWeight);
            Accumulate(sum, d.Answer, 1);
            return VectorMath.Unit(sum);
        }).ToArray();
        return WithoutCommonDirection(vectors, seed);

        // Adds the part's IDF-weighted mean word vector, scaled by the part's weight.
        void Accumulate(double[] sum, IReadOnlyList<string> part, double weight)
        {
            foreach (var word in part)
            {
                if (words[word] is not { } vector)
                {
                    continue;
                }

                var scale = weight * Math.Log((double)documents.Count / documentFrequency[word]) / part.Count;
                for (var j = 0; j < sum.Length; j++)
                {
                    sum[j] += scale * vector[j];
                }
            }
        }
    }

    /// <summary>
    /// Removes from every vector its component along the first singular direction of them all (found by seeded power
    /// iteration): in chat that direction is chat itself, and it would pull every exchange towards every other.
    /// </summary>
    /// <param name="vectors">Unit (or zero) vectors of one length.</param>
    /// <param name="seed">Seed of the start vector.</param>
    /// <returns>The vectors without that component, of unit length again.</returns>
    internal static float[][] WithoutCommonDirection(float[][] vectors, int seed)
    {
        if (vectors.Length == 0 || vectors[0].Length == 0)
        {
            return vectors;
        }

        var random = new Random(seed);
        var direction = Enumerable.Range(0, vectors[0].Length).Select(_ => random.NextDouble() - 0.5).ToArray();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var next = new double[direction.Length];
            foreach (var vector in vectors)
            {
                var dot = VectorMath.Dot(vector, direction);
                for (var j = 0; j < next.Length; j++)
                {
                    next[j] += dot * vector[j];
                }
            }

            var norm = Math.Sqrt(next.Sum(x => x * x));
            if (norm == 0)
            {
                return vectors;
            }

            direction = next.Select(x => x / norm).ToArray();
        }

        return vectors.Select(v =>
        {
            var dot = VectorMath.Dot(v, direction);
            return VectorMath.Unit(v.Select((x, j) => x - (dot * direction[j])).ToArray());
        }).ToArray();
    }
}
