namespace KnowledgeBase.Core.Exchanges;

/// <summary>Overlap of two bags of content words.</summary>
internal static class WordOverlap
{
    public static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var left = a.ToHashSet(StringComparer.Ordinal);
        var right = b.ToHashSet(StringComparer.Ordinal);
        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }

    public static int Shared(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, bool> where)
    {
        var right = b.ToHashSet(StringComparer.Ordinal);
        return a.Distinct(StringComparer.Ordinal).Count(w => right.Contains(w) && where(w));
    }
}
