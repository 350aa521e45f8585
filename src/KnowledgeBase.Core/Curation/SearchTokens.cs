using System.Globalization;
using System.Text;

namespace KnowledgeBase.Core.Curation;

/// <summary>Search tokens for the FTS5 index, and FTS5 queries built from them.</summary>
public static class SearchTokens
{
    /// <summary>
    /// A tokenizer without a dictionary: each CJK character alone, runs of letters and digits lower-cased, everything
    /// else dropped. Used by tests and when no segmenter is given.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The tokens in order.</returns>
    public static IReadOnlyList<string> Characters(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                Flush(word, tokens);
                tokens.Add(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                Flush(word, tokens);
            }
        }

        Flush(word, tokens);
        return tokens;
    }

    /// <summary>
    /// The text stored in the FTS5 table: the tokens that carry letters or digits, then every CJK character of the
    /// text on its own, joined with spaces. The characters let a query find a word the segmenter cut differently in
    /// the stored text (see <see cref="MatchQuery"/>).
    /// </summary>
    /// <param name="tokens">Tokens of <paramref name="text"/> from a tokenizer.</param>
    /// <param name="text">The text itself.</param>
    /// <returns>Space-joined tokens, then characters.</returns>
    public static string IndexText(IEnumerable<string> tokens, string text) =>
        string.Join(' ', tokens.Select(Normalize).Where(t => t.Length > 0).Concat(Characters(text).Where(IsCjk)));

    /// <summary>
    /// An FTS5 query that matches every token of <paramref name="tokens"/>: a token as a whole, or a CJK word as the
    /// phrase of its characters. Each is quoted, so no token is read as an operator. <see langword="null"/> when
    /// nothing searchable is left.
    /// </summary>
    /// <param name="tokens">The query's tokens, from the same tokenizer as the index.</param>
    /// <returns>The MATCH expression, or <see langword="null"/>.</returns>
    public static string? MatchQuery(IEnumerable<string> tokens)
    {
        var terms = tokens.Select(Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        return string.Join(" AND ", terms.Select(term =>
        {
            var characters = Characters(term);
            return characters.Count > 1 && characters.All(IsCjk)
                ? $"({Quote(term)} OR {Quote(string.Join(' ', characters))})"
                : Quote(term);
        }));
    }

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static bool IsCjk(string token) => token.EnumerateRunes().Count() == 1 && IsCjk(token.EnumerateRunes().First());

    // Keep only letters and digits, as FTS5's unicode61 tokenizer would split on anything else.
    private static string Normalize(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var rune in token.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return builder.ToString();
    }

    private static void Flush(StringBuilder word, List<string> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        tokens.Add(word.ToString());
        word.Clear();
    }

    private static bool IsCjk(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter && rune.Value is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF;
}
