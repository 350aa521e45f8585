namespace KnowledgeBase.Core.Evaluation;

/// <summary>
/// Agreement between two labelings of the same items (predicted topic ids against gold topics), computed as
/// <c>score.py</c> does, term for term, so the results agree to the last few bits.
/// </summary>
public static class TopicAgreement
{
    /// <summary>
    /// Normalised mutual information with arithmetic-mean normalisation, natural logarithms:
    /// <c>2 I(X;Y) / (H(X) + H(Y))</c>; 0 when there are no items or both labelings have a single label.
    /// </summary>
    /// <param name="xs">First labeling; labels are compared as ordinal strings, <see langword="null"/> is a label of its own.</param>
    /// <param name="ys">Second labeling, same length.</param>
    /// <returns>A value in [0, 1]; 1 when the labelings partition the items identically.</returns>
    public static double NormalizedMutualInformation(IReadOnlyList<string?> xs, IReadOnlyList<string?> ys)
    {
        var (x, y) = Ids(xs, ys);
        int n = x.Length;
        if (n == 0)
        {
            return 0.0;
        }

        long[] cx = Counts(x), cy = Counts(y);
        double mi = 0.0;
        foreach (((int a, int b), long c) in PairCounts(x, y))
        {
            mi += (double)c / n * Math.Log((double)(c * n) / (cx[a] * cy[b]));
        }

        double hx = -Entropy(cx, n), hy = -Entropy(cy, n);
        return hx + hy == 0 ? 0.0 : 2 * mi / (hx + hy);
    }

    /// <summary>
    /// Adjusted Rand index, with <c>(Σ pairs - expected) / (mean of the marginal pair sums - expected)</c>; 0 for fewer
    /// than two items or when the denominator vanishes.
    /// </summary>
    /// <param name="xs">First labeling; labels are compared as ordinal strings, <see langword="null"/> is a label of its own.</param>
    /// <param name="ys">Second labeling, same length.</param>
    /// <returns>1 for identical partitions, about 0 for independent ones, negative below chance.</returns>
    public static double AdjustedRandIndex(IReadOnlyList<string?> xs, IReadOnlyList<string?> ys)
    {
        var (x, y) = Ids(xs, ys);
        int n = x.Length;
        if (n < 2)
        {
            return 0.0;
        }

        double sxy = 0.0, sx = 0.0, sy = 0.0;
        foreach ((_, long c) in PairCounts(x, y))
        {
            sxy += Comb(c);
        }

        foreach (long c in Counts(x))
        {
            sx += Comb(c);
        }

        foreach (long c in Counts(y))
        {
            sy += Comb(c);
        }

        double expected = sx * sy / Comb(n);
        double mean = (sx + sy) / 2;
        return mean == expected ? 0.0 : (sxy - expected) / (mean - expected);
    }

    private static double Comb(long k) => k * (k - 1) / 2.0;

    private static double Entropy(long[] counts, int n)
    {
        double sum = 0.0;
        foreach (long c in counts)
        {
            sum += (double)c / n * Math.Log((double)c / n);
        }

        return sum;
    }

    // Labels become ids in order of first appearance, so every sum runs in the order of Python's Counter.
    private static (int[] X, int[] Y) Ids(IReadOnlyList<string?> xs, IReadOnlyList<string?> ys)
    {
        if (xs.Count != ys.Count)
        {
            throw new ArgumentException($"labelings differ in length ({xs.Count} and {ys.Count})", nameof(ys));
        }

        return (Ids(xs), Ids(ys));
    }

    private static int[] Ids(IReadOnlyList<string?> labels)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int? nullId = null;
        int next = 0;
        var result = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            string? label = labels[i];
            if (label is null)
            {
                nullId ??= next++;
                result[i] = nullId.Value;
            }
            else if (!ids.TryGetValue(label, out result[i]))
            {
                result[i] = ids[label] = next++;
            }
        }

        return result;
    }

    private static long[] Counts(int[] ids)
    {
        var counts = new long[ids.Length == 0 ? 0 : ids.Max() + 1];
        foreach (int id in ids)
        {
            counts[id]++;
        }

        return counts;
    }

    // The joint counts in order of first appearance (a list beside the index: Dictionary promises no order).
    private static List<((int X, int Y) Pair, long Count)> PairCounts(int[] x, int[] y)
    {
        var index = new Dictionary<(int, int), int>();
        var counts = new List<((int, int), long)>();
        for (int i = 0; i < x.Length; i++)
        {
            if (index.TryGetValue((x[i], y[i]), out int at))
            {
                counts[at] = (counts[at].Item1, counts[at].Item2 + 1);
            }
            else
            {
                index[(x[i], y[i])] = counts.Count;
                counts.Add(((x[i], y[i]), 1));
            }
        }

        return counts;
    }
}
