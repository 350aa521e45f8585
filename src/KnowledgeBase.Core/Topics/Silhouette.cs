namespace KnowledgeBase.Core.Topics;

/// <summary>Mean silhouette of a clustering of unit vectors under cosine distance.</summary>
internal static class Silhouette
{
    /// <summary>Most points scored; above it an evenly spaced, deterministic sample is scored against all points.</summary>
    private const int SampleLimit = 2000;

    /// <summary>Mean silhouette in [-1, 1]; higher is better. Points alone in their cluster score 0.</summary>
    /// <param name="vectors">Unit vectors.</param>
    /// <param name="assignment">Cluster of each vector, 0..k-1.</param>
    /// <param name="k">Number of clusters.</param>
    /// <returns>The mean silhouette.</returns>
    public static double Mean(float[][] vectors, int[] assignment, int k)
    {
        var n = vectors.Length;
        var sizes = new int[k];
        foreach (var c in assignment)
        {
            sizes[c]++;
        }

        var step = Math.Max(1, n / SampleLimit);
        var total = 0.0;
        var scored = 0;
        var sums = new double[k];
        for (var i = 0; i < n; i += step)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sums[assignment[j]] += 1.0 - Dot(vectors[i], vectors[j]);
                }
            }

            scored++;
            var own = assignment[i];
            if (sizes[own] <= 1)
            {
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            if (double.IsFinite(b))
            {
                total += (b - a) / Math.Max(a, b);
            }
        }

        return scored == 0 ? 0 : total / scored;
    }

    private static double Dot(float[] x, float[] y)
    {
        var sum = 0.0;
        for (var d = 0; d < x.Length; d++)
        {
            sum += x[d] * y[d];
        }

        return sum;
    }
}
