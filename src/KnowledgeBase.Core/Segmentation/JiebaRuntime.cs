using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// Guards jieba.NET's process-wide state. jieba reads its resource folder from a static setting once, keeps one
/// static word dictionary for the whole process, and its dictionary is a plain <see cref="Dictionary{TKey, TValue}"/>:
/// reading it from many threads is safe, writing it while another thread segments is not. So the folder is set once,
/// user words are added once, under one lock, and a word already added with the same frequency is never written again.
/// </summary>
internal static class JiebaRuntime
{
    // The only mutable statics here mirror jieba's own static dictionary; they cannot live in an instance.
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> AddedWords = new(StringComparer.Ordinal);
    private static string? s_resourcesDirectory;
    private static JiebaSegmenter? s_segmenter;

    /// <summary>
    /// Points jieba at <paramref name="jiebaResourcesDirectory"/> (first call only), adds the user words it does
    /// not have yet, and returns the one shared jieba segmenter.
    /// </summary>
    /// <param name="jiebaResourcesDirectory">jieba's <c>Resources/</c> folder, already checked to hold its files.</param>
    /// <param name="userWords">Words to add to jieba's dictionary.</param>
    /// <returns>The segmenter; its <c>Cut</c> is safe to call from many threads once this returns.</returns>
    /// <exception cref="SegmenterException">jieba was set up from another folder, or loaded an empty dictionary.</exception>
    public static JiebaSegmenter Initialize(string jiebaResourcesDirectory, IReadOnlyList<UserWord> userWords)
    {
        var fullPath = Path.GetFullPath(jiebaResourcesDirectory);
        lock (Gate)
        {
            if (s_segmenter is null)
            {
                // Must happen before any jieba type is touched: WordDictionary and Viterbi capture the paths in static initializers.
                ConfigManager.ConfigFileBaseDir = fullPath;
                if (WordDictionary.Instance.Total <= 0)
                {
                    throw new SegmenterException($"jieba.NET loaded no words from {Path.Combine(fullPath, "dict.txt")}");
                }

                s_resourcesDirectory = fullPath;
                s_segmenter = new JiebaSegmenter();
            }
            else if (!string.Equals(s_resourcesDirectory, fullPath, StringComparison.Ordinal))
            {
                throw new SegmenterException(
                    $"jieba.NET is already set up from {s_resourcesDirectory}; one process can use only one jieba resources folder, not also {fullPath}");
            }

            foreach (var word in userWords)
            {
                AddWord(s_segmenter, word.Word, word.Frequency, word.Tag);
            }

            return s_segmenter;
        }
    }

    /// <summary>
    /// Cuts and tags <paramref name="text"/> with jieba's part-of-speech tagger. Under the same lock as
    /// <see cref="Initialize"/>: on each cut the tagger copies the tags of newly added user words into its static tag
    /// table, a plain dictionary, so two cuts at once, or a cut while user words are added, could corrupt it.
    /// </summary>
    /// <param name="tagger">A tagger over the segmenter <see cref="Initialize"/> returned.</param>
    /// <param name="text">The text to tag.</param>
    /// <returns>The words with their tags, in order.</returns>
    public static IReadOnlyList<Pair> Tag(PosSegmenter tagger, string text)
    {
        lock (Gate)
        {
            return tagger.Cut(text, hmm: true).ToList();
        }
    }

    private static void AddWord(JiebaSegmenter jieba, string word, int frequency, string tag)
    {
        if (AddedWords.TryGetValue(word, out var added) && added == frequency)
        {
            return;
        }

        jieba.AddWord(word, frequency, tag);
        AddedWords[word] = frequency;
        if (!WordDictionary.Instance.ContainsWord(word))
        {
            throw new SegmenterException($"jieba.NET did not take the user word '{word}'");
        }
    }
}
