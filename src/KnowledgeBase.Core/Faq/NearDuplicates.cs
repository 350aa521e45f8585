namespace KnowledgeBase.Core.Faq;

/// <summary>
/// Groups questions that ask the same thing: same topic and a content-word Jaccard similarity at or above the threshold
/// (or the same cleaned wording), joined transitively.
/// </summary>
internal static class NearDuplicates
{
    /// <summary>Groups the questions.</summary>
    /// <param name="asked">Questions in time order.</param>
    /// <param name="options">Threshold and minimum size.</param>
    /// <returns>Groups, each in time order, ordered by their first question.</returns>
    public static IReadOnlyList<IReadOnlyList<AskedQuestion>> Group(IReadOnlyList<AskedQuestion> asked, FaqEntryBuilderOptions options)
    {
        var parent = Enumerable.Range(0, asked.Count).ToArray();
        foreach (var topic in Enumerable.Range(0, asked.Count).GroupBy(i => asked[i].Exchange.TopicId ?? string.Empty, StringComparer.Ordinal))
        {
            var members = topic.ToArray();
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    if (AreDuplicates(asked[members[x]], asked[members[y]], options))
                    {
                        Union(parent, members[x], members[y]);
                    }
                }
            }
        }

        return Enumerable.Range(0, asked.Count)
            .GroupBy(i => Find(parent, i))
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<AskedQuestion>)g.Order().Select(i => asked[i]).ToList())
            .ToList();
    }

    /// <summary>Jaccard similarity of two word sets; 0 when both are empty.</summary>
    /// <param name="a">One set.</param>
    /// <param name="b">The other.</param>
    /// <returns>|a ∩ b| / |a ∪ b|.</returns>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static bool AreDuplicates(AskedQuestion a, AskedQuestion b, FaqEntryBuilderOptions options)
    {
        // Same file, same question line: one question seen by two exchanges.
        if (a.Exchange.FirstQuestion.Source == b.Exchange.FirstQuestion.Source)
        {
            return true;
        }

        if (a.Question.Length >= 8 && string.Equals(a.Question, b.Question, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return a.Words.Count >= options.MinMergeWords
            && b.Words.Count >= options.MinMergeWords
            && Jaccard(a.Words, b.Words) >= options.MergeThreshold;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    // The smaller index becomes the root, so a group is named by its earliest question.
    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
