using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// Cuts out what jieba would break: emoji and other characters beyond the BMP (jieba splits surrogate pairs
/// into halves), WeChat emoji codes such as <c>[捂脸]</c> and <c>[OK]</c>, and URLs.
/// </summary>
internal static partial class ProtectedTokenSplitter
{
    // Besides surrogates, the code units that join an emoji into one grapheme: ZWJ, variation selectors, keycap.
    private static readonly SearchValues<char> EmojiJoiners = SearchValues.Create("\u200D\uFE0E\uFE0F\u20E3");

    /// <summary>Splits <paramref name="text"/> into protected tokens and plain runs, in order, losing nothing.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The pieces; concatenated they give <paramref name="text"/> back.</returns>
    public static IReadOnlyList<TextPiece> Split(string text)
    {
        var pieces = new List<TextPiece>();
        var start = 0;
        var mayHaveCodeOrUrl = text.Contains('[') || text.Contains("http", StringComparison.OrdinalIgnoreCase);
        IEnumerable<Match> matches = mayHaveCodeOrUrl ? ProtectedPattern().Matches(text) : [];
        foreach (var match in matches)
        {
            AddPlain(pieces, text, start, match.Index - start);
            pieces.Add(new TextPiece(match.Value, IsProtected: true));
            start = match.Index + match.Length;
        }

        AddPlain(pieces, text, start, text.Length - start);
        return pieces;
    }

    /// <summary>True for a WeChat emoji code such as <c>[捂脸]</c>, <c>[强]</c> or <c>[ThumbsUp]</c>.</summary>
    /// <param name="token">A token.</param>
    /// <returns>Whether the whole token is one code.</returns>
    public static bool IsWeChatEmojiCode(string token) => WeChatEmojiCodePattern().IsMatch(token);

    /// <summary>True for a URL token.</summary>
    /// <param name="token">A token.</param>
    /// <returns>Whether the token starts with <c>http://</c> or <c>https://</c>.</returns>
    public static bool IsUrl(string token) =>
        token.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static void AddPlain(List<TextPiece> pieces, string text, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        var span = text.AsSpan(start, length);
        if (!MayHoldEmoji(span))
        {
            pieces.Add(new TextPiece(text.Substring(start, length), IsProtected: false));
            return;
        }

        var plainStart = 0;
        var position = 0;
        while (position < span.Length)
        {
            var clusterLength = StringInfo.GetNextTextElementLength(span[position..]);
            var cluster = span.Slice(position, clusterLength);
            if (clusterLength > 1 && MayHoldEmoji(cluster))
            {
                if (position > plainStart)
                {
                    pieces.Add(new TextPiece(span[plainStart..position].ToString(), IsProtected: false));
                }

                pieces.Add(new TextPiece(cluster.ToString(), IsProtected: true));
                plainStart = position + clusterLength;
            }

            position += clusterLength;
        }

        if (plainStart < span.Length)
        {
            pieces.Add(new TextPiece(span[plainStart..].ToString(), IsProtected: false));
        }
    }

    private static bool MayHoldEmoji(ReadOnlySpan<char> span) =>
        span.ContainsAnyInRange('\uD800', '\uDFFF') || span.ContainsAny(EmojiJoiners);

    // URLs stop at spaces, CJK and the brackets of Markdown links; trailing sentence punctuation is left out.
    [GeneratedRegex(@"https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]*[A-Za-z0-9\-_~/#=&%+]|\[(?:[\u4E00-\u9FFF]{1,4}|[A-Z][A-Za-z]{1,11})\]", RegexOptions.CultureInvariant)]
    private static partial Regex ProtectedPattern();

    [GeneratedRegex(@"^\[(?:[\u4E00-\u9FFF]{1,4}|[A-Z][A-Za-z]{1,11})\]$", RegexOptions.CultureInvariant)]
    private static partial Regex WeChatEmojiCodePattern();
}
