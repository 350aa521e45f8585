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

    private static readonly SearchValues<char> Terminators = SearchValues.Create("?@，。！？：；、,:;\"“”「」[]【】<>");

    // A character before '@' that makes it part of a word, an e-mail address or a URL rather than a mention, when an
    // ASCII name follows (1042026665@qq.com, user@host); a Chinese name after it is a mention typed without a space
    // (看UX@英—现金贷—产品). After a colon it is a mention either way (主讲嘉宾:@雪鹰-快捷通-架构).
    private static readonly SearchValues<char> WordBefore = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/=+%&");

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
