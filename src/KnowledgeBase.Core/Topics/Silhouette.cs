using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Topics;

/// <summary>
/// Simplified silhouette of a clustering of unit vectors under cosine distance: for each point, a is the distance to its
/// own centroid and b the distance to the nearest other centroid, scored (b - a) / max(a, b). It ranks cluster counts
/// like the full silhouette at O(n·k) instead of O(n²) cost.
/// </summary>
internal static class Silhouette
{
    /// <summary>Mean simplified silhouette in [-1, 1]; higher is better. Points alone in their cluster score 0.</summary>
    /// <param name="vectors">Unit vectors.</param>
    /// <param name="assignment">Cluster of each vector, 0..k-1.</param>
    /// <param name="k">Number of clusters.</param>
    /// <returns>The mean silhouette.</returns>
    public static double Mean(float[][] vectors, int[] assignment, int k)
    {
        var n = vectors.Length;
        if (n == 0)
        {
            return 0;
        }

        var dimension = vectors[0].Length;
        var centroids = new double[k][];
        var sizes = new int[k];
        for (var c = 0; c < k; c++)
        {
            centroids[c] = new double[dimension];
        }

        for (var i = 0; i < n; i++)
        {
            sizes[assignment[i]]++;
            var centroid = centroids[assignment[i]];
            for (var d = 0; d < dimension; d++)
            {
                centroid[d] += vectors[i][d];
            }
        }

        foreach (var centroid in centroids)
        {
            Normalize(centroid);
        }

        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var own = assignment[i];
            if (sizes[own] <= 1)
            {
                continue;
            }

            var a = 1.0 - VectorMath.Dot(vectors[i], centroids[own]);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, 1.0 - VectorMath.Dot(vectors[i], centroids[c]));
                }
            }

            var scale = Math.Max(a, b);
            if (double.IsFinite(b) && scale > 0)
            {
                total += (b - a) / scale;
            }
        }

        return total / n;
    }

    private static void Normalize(double[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => x * x));
        if (norm == 0)
        {
            return;
        }

        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] /= norm;
        }
    }
}
