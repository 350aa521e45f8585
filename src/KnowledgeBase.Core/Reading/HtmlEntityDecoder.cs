using System.Net;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Decodes HTML entities that the export tool escaped once or several times:
/// <c>&amp;amp;#183;</c> gives <c>·</c>, <c>&amp;amp;amp;quot;</c> gives <c>"</c>.
/// </summary>
public static class HtmlEntityDecoder
{
    /// <summary>Rounds of decoding at most; the corpus never nests deeper than <c>&amp;amp;amp;amp;</c>.</summary>
    public const int MaxRounds = 3;

    // C0 controls but tab and line feed, DEL, C1 controls, and the noncharacters U+FFFE and U+FFFF.
    private static readonly System.Buffers.SearchValues<char> NoText = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n')).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)) + "\uFFFE\uFFFF");

    /// <summary>Decodes <paramref name="text"/> repeatedly until it no longer changes, at most <see cref="MaxRounds"/> times.</summary>
    /// <param name="text">Text that may hold entities such as <c>&amp;amp;lt;</c>.</param>
    /// <returns>The decoded text; the same instance when it holds no <c>&amp;</c>.</returns>
    public static string Decode(string text)
    {
        var changed = false;
        for (var round = 0; round < MaxRounds && text.Contains('&', StringComparison.Ordinal); round++)
        {
            var decoded = WebUtility.HtmlDecode(text);
            if (string.Equals(decoded, text, StringComparison.Ordinal))
            {
                break;
            }

            text = decoded;
            changed = true;
        }

        // An entity for a control character (&#0;) or a noncharacter (&#xFFFF;) is no text: U+FFFD shows where it was,
        // as for such bytes in the file.
        return changed && text.AsSpan().IndexOfAny(NoText) >= 0 ? string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = NoText.Contains(source[i]) ? '\uFFFD' : source[i];
            }
        }) : text;
    }
}
