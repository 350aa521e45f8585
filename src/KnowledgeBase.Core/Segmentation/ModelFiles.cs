using System.Globalization;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>Reads and checks the files a <see cref="ChineseSegmenter"/> is built from.</summary>
internal static class ModelFiles
{
    /// <summary>The files of jieba.NET's <c>Resources/</c> that segmentation and TF-IDF read.</summary>
    public static readonly IReadOnlyList<string> JiebaResourceFiles =
    [
        "dict.txt",
        "prob_trans.json",
        "prob_emit.json",
        "char_state_tab.json",
        "pos_prob_start.json",
        "pos_prob_trans.json",
        "pos_prob_emit.json",
        "idf.txt",
    ];

    /// <summary>Throws <see cref="FileNotFoundException"/> naming <paramref name="path"/> when it does not exist.</summary>
    /// <param name="path">The file that must exist.</param>
    /// <param name="what">What the file is, for the message.</param>
    public static void Require(string path, string what)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return;
        }

        // jieba.NET itself would load an empty dictionary and segment every text into single characters
        throw new FileNotFoundException($"The {what} was not found: {fullPath}", fullPath);
    }

    /// <summary>Reads a user dictionary: one <c>word frequency tag</c> per line, blank lines allowed.</summary>
    /// <param name="path">The dictionary file.</param>
    /// <returns>The words in file order.</returns>
    /// <exception cref="SegmenterException">A line is malformed or a word is listed twice.</exception>
    public static IReadOnlyList<UserWord> ReadUserDictionary(string path)
    {
        var words = new List<UserWord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var word = ParseUserWord(line.Trim())
                ?? throw new SegmenterException($"{path}:{lineNumber}: expected 'word frequency tag' (frequency a positive integer, tag in a-z), got '{line}'");
            if (!seen.Add(word.Word))
            {
                throw new SegmenterException($"{path}:{lineNumber}: '{word.Word}' is listed twice");
            }

            words.Add(word);
        }

        return words;
    }

    /// <summary>Reads a stop-word list: one word per line, blank lines allowed, compared case-insensitively.</summary>
    /// <param name="path">The stop-word file.</param>
    /// <returns>The words, lower-cased, in file order.</returns>
    /// <exception cref="SegmenterException">A line holds more than one word.</exception>
    public static IReadOnlyList<string> ReadStopWords(string path)
    {
        var words = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var word = line.Trim();
            if (word.Length == 0)
            {
                continue;
            }

            if (word.AsSpan().ContainsAny(' ', '\t'))
            {
                throw new SegmenterException($"{path}:{lineNumber}: expected one stop word per line, got '{line}'");
            }

            words.Add(word.ToLowerInvariant());
        }

        return words;
    }

    private static UserWord? ParseUserWord(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            return null;
        }

        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var frequency) || frequency <= 0)
        {
            return null;
        }

        return fields[2].All(char.IsAsciiLetterLower) ? new UserWord(fields[0], frequency, fields[2]) : null;
    }
}
