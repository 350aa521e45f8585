using System.Buffers;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Finds <c>@name</c> mentions. WeChat puts U+2005 after a picked name; the export often lost it to <c>?</c>,
/// so a mention ends at white space (U+2005 included), at a <c>?</c> after the name, at CJK or ASCII punctuation,
/// or at the end of the text. Names keep their <c>-</c>, <c>_</c>, <c>~</c>, brackets and <c>&amp;</c>.
/// </summary>
public static class MentionParser
{
    /// <summary>Longest name kept; a mention typed without a separator would otherwise swallow the sentence.</summary>
    public const int MaxNameLength = 40;

    // How long the rest of a nick cut at a space or at lost emoji may be (NickEnd), and what it never holds: sentence
    // punctuation, another mention, a line break, or a character of a question (吗, 呢, 怎么, 什么, 哪, 谁 …); nor does it
    // start with a particle ("多谢@亚楠 的分享?").
    private const int MaxNickTail = 16;
    private static readonly SearchValues<char> NickTailStops = SearchValues.Create("?\u2005，。！？：；,!;:@\n「」");
    private static readonly SearchValues<char> NotNickStarts = SearchValues.Create(" 的给是在和把被");
    private static readonly SearchValues<char> QuestionWordChars = SearchValues.Create("吗呢吧么嘛啥怎什哪谁否没能会可请问");

    private static readonly SearchValues<char> Terminators = SearchValues.Create("?@，。！？：；、,:;\"“”「」[]【】<>");

    // A character before '@' that makes it part of a word, an e-mail address or a URL rather than a mention, when an
    // ASCII name follows (1042026665@qq.com, user@host); a Chinese name after it is a mention typed without a space
    // (看UX@英—现金贷—产品). After a colon it is a mention either way (主讲嘉宾:@雪鹰-快捷通-架构).
    private static readonly SearchValues<char> WordBefore = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/=+%&");

    /// <summary>
    /// Where a picked name really ends when <see cref="Find"/> stopped short of it: nicks hold spaces (<c>@冯威-微保科技- COO?</c>,
    /// <c>@网联 张腕越?</c>) and lost emoji (<c>@张于刚-支付产品??-杭州?</c>), and the name found stops at both. The rest of the
    /// nick runs, within a few characters and without sentence punctuation or a character of a question, to the single
    /// <c>?</c> (or U+2005) WeChat put after it with the message going on right after; or, when it holds a nick's separator
    /// (<see cref="NickSeparators.PartsOrUnderscore"/>), to two spaces (<c>@Summer 梁夏-丰瑞祥-GM-BJ  恩恩</c>). <c>@张三 你怎么看?</c>,
    /// <c>@张三 在吗?</c> and <c>多谢@亚楠 的分享?</c> hold no nick.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="end">Where the found name ends (the index after it).</param>
    /// <returns>The index of the separator after the nick, or <paramref name="end"/> when the name found is the nick.</returns>
    public static int NickEnd(string text, int end)
    {
        var from = end;
        if (from < text.Length && text[from] == ' ')
        {
            from++;
        }
        else if (text.AsSpan(from).StartsWith("??", StringComparison.Ordinal))
        {
            while (from < text.Length && text[from] == '?')
            {
                from++;
            }
        }
        else
        {
            return end;
        }

        var rest = text.AsSpan(from, Math.Min(MaxNickTail + 2, text.Length - from));
        var stop = rest.IndexOfAny(NickTailStops);
        var doubleSpace = rest.IndexOf("  ", StringComparison.Ordinal);
        if (stop >= 1 && stop <= MaxNickTail && (doubleSpace < 0 || doubleSpace > stop) && text[from + stop] is '?' or '\u2005'
            && from + stop + 1 < text.Length && !char.IsWhiteSpace(text[from + stop + 1]) && text[from + stop + 1] is not ('?' or '？')
            && IsNickTail(rest[..stop]))
        {
            return from + stop;
        }

        if (doubleSpace >= 1 && doubleSpace <= MaxNickTail && (stop < 0 || stop > doubleSpace) && rest[..doubleSpace].ContainsAny(NickSeparators.StrongOrUnderscore)
            && IsNickTail(rest[..doubleSpace]))
        {
            return from + doubleSpace;
        }

        return end;
    }

    private static bool IsNickTail(ReadOnlySpan<char> tail) => !tail.ContainsAny(QuestionWordChars) && !NotNickStarts.Contains(tail[0]);

    /// <summary>Returns the mentioned names in order of first appearance, without <c>@</c> and duplicates.</summary>
    /// <param name="text">Decoded message text.</param>
    /// <returns>The names; empty when there are none.</returns>
    public static IReadOnlyList<string> Find(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        List<string>? names = null;
        for (; at >= 0 && at < text.Length; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && WordBefore.Contains(text[at - 1]) && (at + 1 >= text.Length || char.IsAscii(text[at + 1])))
            {
                continue;
            }

            var start = at + 1;
            var end = start;

            // Leading '?' stand for emoji lost from the name itself ("@??项志文-平安互金").
            while (end < text.Length && text[end] == '?')
            {
                end++;
            }

            var first = end;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && !Terminators.Contains(text[end]))
            {
                end++;
            }

            if (end == first)
            {
                continue;
            }

            var name = text[start..Math.Min(end, start + MaxNameLength)];
            names ??= [];
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }

            at = end - 1;
        }

        return names is null ? [] : names.AsReadOnly();
    }
}
