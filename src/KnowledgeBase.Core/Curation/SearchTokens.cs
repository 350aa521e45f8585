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

    /// <summary>The text stored in the FTS5 table: the tokens that carry letters or digits, joined with spaces.</summary>
    /// <param name="tokens">Tokens from a tokenizer.</param>
    /// <returns>Space-joined tokens.</returns>
    public static string IndexText(IEnumerable<string> tokens) =>
        string.Join(' ', tokens.Select(Normalize).Where(t => t.Length > 0));

    /// <summary>
    /// An FTS5 query that matches every token of <paramref name="tokens"/> (each quoted, so no token is read as an
    /// operator), or <see langword="null"/> when nothing searchable is left.
    /// </summary>
    /// <param name="tokens">The query's tokens, from the same tokenizer as the index.</param>
    /// <returns>The MATCH expression, or <see langword="null"/>.</returns>
    public static string? MatchQuery(IEnumerable<string> tokens)
    {
        var terms = tokens.Select(Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

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
