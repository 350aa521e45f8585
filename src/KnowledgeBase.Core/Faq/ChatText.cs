using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Faq;

/// <summary>Removes what a reader of an FAQ does not need from a chat message: @mentions, emoji codes, greetings.</summary>
internal static partial class ChatText
{
    // Longest first, so that 请教各位大神 goes before 请教 can leave 各位大神 behind.
    private static readonly string[] Openers =
    [
        "跟大家请教一个问题", "跟大家请教个问题", "请教大家一个问题", "请教大家一个", "请教各位一个问题", "请教一个问题",
        "请教个问题", "请教各位大神", "请教各位大佬", "请教各位大牛", "请教各位", "请教大家", "请教一下", "请教下", "请教",
        "问大家一个问题", "问各位一个问题", "问下各位一个问题", "问一下各位", "问下各位", "问下大家", "问一下大家",
        "问个小白问题", "问个问题", "问个题", "问一个问题", "问一下", "问下", "麻烦问一下", "麻烦问下", "咨询一下", "咨询下",
        "各位大神", "各位大佬", "各位大牛", "各位老师", "各位朋友", "各位同学", "各位前辈", "各位好", "各位",
        "大家好", "大家", "大神们", "大佬们", "你好", "您好", "hello", "hi", "请问一下", "请问下", "请问", "问题：", "问题:",
    ];

    private static readonly HashSet<string> Chatter = new(StringComparer.OrdinalIgnoreCase)
    {
        "嗯", "嗯嗯", "恩", "恩恩", "是的", "是", "对", "对的", "对对", "对啊", "对呀", "好", "好的", "好滴", "ok", "okay",
        "谢谢", "多谢", "感谢", "谢谢大家", "谢谢各位", "哈哈", "哈哈哈", "哈哈哈哈", "呵呵", "嘿嘿", "明白", "明白了",
        "懂了", "了解", "了解了", "收到", "赞", "厉害", "牛", "学习了", "受教了", "有道理", "同问", "+1", "1",
    };

    /// <summary>The text with @mentions (not the <c>@</c> of an e-mail address), WeChat emoji codes, lost-emoji question marks and extra spaces removed.</summary>
    /// <param name="text">Message text.</param>
    /// <param name="mentions">Names the reader found mentioned (without <c>@</c>).</param>
    /// <returns>The cleaned text.</returns>
    public static string Clean(string text, IReadOnlyList<string> mentions)
    {
        foreach (var mention in mentions.Where(m => m.Length > 0).OrderByDescending(m => m.Length))
        {
            text = RemoveMention(text, mention);
        }

        var withoutListed = text;
        text = Mention().Replace(text, m => IsAddressAt(withoutListed, m.Index) ? m.Value : " ");
        text = EmojiCode().Replace(text, " ");
        text = LostEmoji().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>The text without the greetings and openers that start a question, such as 请教各位大神 or 大家好.</summary>
    /// <param name="text">Cleaned text.</param>
    /// <returns>The text from its first word of substance; empty when it was only a greeting.</returns>
    public static string StripOpeners(string text)
    {
        // A '?' before the first word is what is left of an emoji or of a mention's separator; a comma there, of a cut.
        text = text.TrimStart('?', ' ', '，', ',', '；', ';', '。', '、');
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            foreach (var opener in Openers)
            {
                if (text.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
                {
                    text = text[opener.Length..].TrimStart(' ', '，', ',', '：', ':', '！', '!', '。', '.', '、', '~', '～', '？', '?');
                    changed = true;
                    break;
                }
            }
        }

        return text;
    }

    /// <summary>Whether the text is only an acknowledgement, a laugh or thanks.</summary>
    /// <param name="text">Cleaned text.</param>
    /// <returns>True for chatter.</returns>
    public static bool IsChatter(string text) =>
        Chatter.Contains(text.Trim().TrimEnd('。', '.', '!', '！', '~', '～', '，', ','));

    /// <summary>Joins pieces of one thought: a separator only where a piece does not end with punctuation.</summary>
    /// <param name="pieces">Cleaned pieces in order.</param>
    /// <returns>One text.</returns>
    public static string Join(IEnumerable<string> pieces)
    {
        var text = new System.Text.StringBuilder();
        foreach (var piece in pieces.Where(p => p.Length > 0))
        {
            if (text.Length > 0 && !IsClosingPunctuation(text[^1]))
            {
                text.Append('，');
            }

            text.Append(piece);
        }

        return text.ToString();
    }

    // "@name" with the U+2005 or '?' that ended it; names never hold '@', so occurrences cannot overlap.
    private static string RemoveMention(string text, string name)
    {
        var mention = "@" + name;
        var at = text.IndexOf(mention, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var cleaned = new System.Text.StringBuilder(text.Length);
        var from = 0;
        for (; at >= 0; at = text.IndexOf(mention, at + 1, StringComparison.Ordinal))
        {
            if (IsAddressAt(text, at))
            {
                continue;
            }

            var end = at + mention.Length;
            if (end < text.Length && text[end] is '\u2005' or '?')
            {
                end++;
            }

            cleaned.Append(text, from, at - from).Append(' ');
            from = end;
            at = end - 1;
        }

        return cleaned.Append(text, from, text.Length - from).ToString();
    }

    // The '@' of an e-mail address (1042026665@qq.com) is glued to a local-part character and followed by a dotted ASCII
    // domain; it must survive so that masking still sees the address. A mention glued to ASCII text (666@英—现金贷—产品)
    // has no such domain and is still a mention.
    private static bool IsAddressAt(string text, int at) =>
        at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '_' or '%' or '+' or '-')
        && AddressDomain().IsMatch(text.AsSpan(at));

    private static bool IsClosingPunctuation(char c) => c is '。' or '？' or '！' or '，' or '；' or '.' or '?' or '!' or ',' or ';' or '：' or ':';

    // Mentions the reader did not list, only where a separator shows where the name ends.
    [GeneratedRegex(@"@[^\s@\u2005]{1,40}?(?=[\s\u2005?？,，:：])")]
    private static partial Regex Mention();

    // Looser than the masker's address pattern, so that whatever the masker would mask is kept for it.
    [GeneratedRegex(@"^@[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex AddressDomain();

    // WeChat emoji codes ([微笑], [坏笑], [OK]); not the text of a Markdown link or image ([对账规范](url), ![图](url)).
    [GeneratedRegex(@"\[[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,4}\](?!\()")]
    private static partial Regex EmojiCode();

    // Emoji lost in the export became runs of '?' (???♂?); two or more in a row are never a real question mark.
    [GeneratedRegex(@"[?？]{2,}|[?]\u2642[?]?|[?]\u2640[?]?")]
    private static partial Regex LostEmoji();

    [GeneratedRegex(@"[ \t\u3000\u00a0]+|\n+")]
    private static partial Regex Spaces();
}
