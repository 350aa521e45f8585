namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// How the chat writes words that segmentation lower-cased. <see cref="ChineseSegmenter.Segment"/> lower-cases ASCII
/// letters so that ERP and erp count as one word; a keyword shown to a reader is spelled as the texts it was taken from
/// spell it most often (ERP, P2P, 卡BIN, iOS), the earliest spelling winning a tie. Counts add up over calls of
/// <see cref="Count"/>, so one spelling can be chosen for a whole build.
/// </summary>
public sealed class WrittenForm
{
    // Per word, lower-cased: each spelling's count, in the order the spellings were first seen.
    private readonly Dictionary<string, List<(string Spelling, int Count)>> _spellings = new(StringComparer.Ordinal);

    /// <summary>Each word as <paramref name="texts"/> spell it most often; a word without ASCII letters, or not found, stays as it is.</summary>
    /// <param name="words">Words from <see cref="ChineseSegmenter"/>.</param>
    /// <param name="texts">The texts they were taken from.</param>
    /// <returns>The words, in the same order; the same list when none has ASCII letters.</returns>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> words, IEnumerable<string> texts)
    {
        if (!words.Any(HasLetters))
        {
            return words;
        }

        var forms = new WrittenForm();
        forms.Count(words, texts);
        return forms.Of(words);
    }

    /// <summary>Counts how <paramref name="texts"/> spell each of <paramref name="words"/> that has ASCII letters.</summary>
    /// <param name="words">Words, in any case.</param>
    /// <param name="texts">Texts that may hold them.</param>
    public void Count(IEnumerable<string> words, IEnumerable<string> texts)
    {
        var keys = words.Where(HasLetters).Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        foreach (var text in texts.Select(ChineseSegmenter.FoldFullWidth))
        {
            foreach (var key in keys)
            {
                CountIn(key, text);
            }
        }
    }

    /// <summary>The words as counted: each spelled as most often seen, a word never seen as it is.</summary>
    /// <param name="words">Words, in any case.</param>
    /// <returns>The words, in the same order.</returns>
    public IReadOnlyList<string> Of(IReadOnlyList<string> words) => words.Select(Of).ToList();

    /// <summary>The word as counted: spelled as most often seen, or as it is when never seen.</summary>
    /// <param name="word">A word, in any case.</param>
    /// <returns>Its spelling.</returns>
    public string Of(string word)
    {
        if (!HasLetters(word) || !_spellings.TryGetValue(word.ToLowerInvariant(), out var spellings))
        {
            return word;
        }

        var best = spellings[0];
        foreach (var spelling in spellings)
        {
            if (spelling.Count > best.Count)
            {
                best = spelling;
            }
        }

        return best.Spelling;
    }

    private void CountIn(string key, string text)
    {
        for (var at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(key, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!StandsAlone(text, at, key.Length))
            {
                continue;
            }

            var spelling = text.Substring(at, key.Length);
            if (!_spellings.TryGetValue(key, out var spellings))
            {
                _spellings[key] = spellings = [];
            }

            var known = spellings.FindIndex(s => string.Equals(s.Spelling, spelling, StringComparison.Ordinal));
            if (known >= 0)
            {
                spellings[known] = (spellings[known].Spelling, spellings[known].Count + 1);
            }
            else
            {
                spellings.Add((spelling, 1));
            }
        }
    }

    // app in "Apple Pay" is another word: a match whose ASCII edge runs on into more ASCII letters or digits is not the word.
    private static bool StandsAlone(string text, int at, int length) =>
        !(char.IsAsciiLetterOrDigit(text[at]) && at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])) &&
        !(char.IsAsciiLetterOrDigit(text[at + length - 1]) && at + length < text.Length && char.IsAsciiLetterOrDigit(text[at + length]));

    private static bool HasLetters(string word) => word.AsSpan().ContainsAnyInRange('a', 'z') || word.AsSpan().ContainsAnyInRange('A', 'Z');
}
