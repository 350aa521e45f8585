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

    /// <summary>Decodes <paramref name="text"/> repeatedly until it no longer changes, at most <see cref="MaxRounds"/> times.</summary>
    /// <param name="text">Text that may hold entities such as <c>&amp;amp;lt;</c>.</param>
    /// <returns>The decoded text; the same instance when it holds no <c>&amp;</c>.</returns>
    public static string Decode(string text)
    {
        for (var round = 0; round < MaxRounds && text.Contains('&', StringComparison.Ordinal); round++)
        {
            var decoded = WebUtility.HtmlDecode(text);
            if (string.Equals(decoded, text, StringComparison.Ordinal))
            {
                break;
            }

            text = decoded;
        }

        return text;
    }
}
