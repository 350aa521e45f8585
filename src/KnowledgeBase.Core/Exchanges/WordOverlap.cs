namespace KnowledgeBase.Core.Exchanges;

/// <summary>Overlap of two bags of content words.</summary>
internal static class WordOverlap
{
    public static double Jaccard(HashSet<string> left, HashSet<string> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
        var shared = 0;
        foreach (var word in small)
        {
            if (large.Contains(word))
            {
                shared++;
            }
        }

        return (double)shared / (left.Count + right.Count - shared);
    }
}
