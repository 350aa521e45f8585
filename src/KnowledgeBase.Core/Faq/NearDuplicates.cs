namespace KnowledgeBase.Core.Faq;

/// <summary>
/// Groups questions that ask the same thing, leader-style: in time order, each question joins the earliest group whose
/// first question it resembles (content-word Jaccard similarity at or above the threshold, higher for questions sharing
/// only a few words, or the same cleaned wording),
/// or starts a group of its own. A group's make-up depends only on questions asked before or in it, so adding later
/// days never splits, joins or renames the groups of earlier ones; and since topics move when the data grows, the
/// test does not look at them.
/// </summary>
internal static class NearDuplicates
{
    /// <summary>Groups the questions.</summary>
    /// <param name="asked">Questions in time order.</param>
    /// <param name="options">Threshold and minimum size.</param>
    /// <returns>Groups, each in time order, ordered by their first question.</returns>
    public static IReadOnlyList<IReadOnlyList<AskedQuestion>> Group(IReadOnlyList<AskedQuestion> asked, FaqEntryBuilderOptions options)
    {
        var groups = new List<List<AskedQuestion>>();
        var leadersByWord = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var leadersByWording = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var leadersBySource = new Dictionary<Domain.SourceRef, int>();
        foreach (var question in asked)
        {
            // One question message cited by two exchanges is one question, whatever its length.
            var group = leadersBySource.TryGetValue(question.Exchange.FirstQuestion.Source, out var bySource)
                ? bySource
                : FindGroup(question, groups, leadersByWord, leadersByWording, options);
            if (group >= 0)
            {
                groups[group].Add(question);
                continue;
            }

            groups.Add([question]);
            var index = groups.Count - 1;
            foreach (var word in question.Words)
            {
                if (!leadersByWord.TryGetValue(word, out var leaders))
                {
                    leadersByWord[word] = leaders = [];
                }

                leaders.Add(index);
            }

            leadersByWording.TryAdd(question.Question, index);
            leadersBySource.TryAdd(question.Exchange.FirstQuestion.Source, index);
        }

        return groups;
    }

    /// <summary>The earliest group whose leader the question repeats, or -1.</summary>
    private static int FindGroup(
        AskedQuestion question,
        List<List<AskedQuestion>> groups,
        Dictionary<string, List<int>> leadersByWord,
        Dictionary<string, int> leadersByWording,
        FaqEntryBuilderOptions options)
    {
        // The same wording (long enough not to be a chance match such as 为什么？) is the same question; the words that
        // stand in for a question of only a mention or emoji are no wording.
        if (question.Question.Length >= 8 && question.Question != QuestionText.Wordless && leadersByWording.TryGetValue(question.Question, out var same))
        {
            return same;
        }

        if (question.Words.Count < options.MinMergeWords)
        {
            return -1;
        }

        // Only leaders sharing a word can reach the threshold; the earliest that does wins. Counting shared words through
        // the postings gives each leader's overlap without intersecting sets.
        var shared = new Dictionary<int, int>();
        foreach (var word in question.Words)
        {
            if (leadersByWord.TryGetValue(word, out var leaders))
            {
                foreach (var leader in leaders)
                {
                    shared[leader] = shared.GetValueOrDefault(leader) + 1;
                }
            }
        }

        var best = -1;
        foreach (var (candidate, count) in shared)
        {
            var words = groups[candidate][0].Words.Count;
            var similarity = count / (double)(words + question.Words.Count - count);
            if ((best < 0 || candidate < best) && words >= options.MinMergeWords && similarity >= options.MergeThreshold
                && (count >= options.MinSharedWords || similarity >= options.CloseMergeThreshold))
            {
                best = candidate;
            }
        }

        return best;
    }
}
