using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Export;

/// <summary>HTML escaping of untrusted chat text: nothing in a message can open a tag, an attribute or a script.</summary>
internal static class HtmlText
{
    // A Markdown link or image with an http(s) target (its title may hold the placeholder of masked personal data, such as
    // [手机号], each as the masker writes it), else a bare http(s) address up to a space, a quote, a bracket, an @ or a CJK
    // character or punctuation mark: chat glues words and mentions to a link ("见https://example.com/a这里",
    // "https://x.cn/p@张三"), far more often than an address holds Chinese or an @.
    private static readonly Regex Link = new(
        $$"""(?<image>!)?\[(?<title>(?:[^\[\]]|{{Placeholders()}}){1,300})\]\((?<url>https?://[^\s()<>"']+)\)|(?<bare>https?://[^\s<>"'()@\u2018-\u201F\u2026\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+)""",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>Text for an element or a quoted attribute value.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Multi-line text, escaped, with line breaks kept as <c>&lt;br&gt;</c>.</summary>
    public static string Lines(string text) => JoinLines(text, Escape);

    /// <summary>
    /// As <see cref="Lines"/>, with the links chat messages carry made clickable: a shared card or an image
    /// (<c>[title](url)</c>, <c>![time](url)</c>) and a bare address. Only <c>http</c> and <c>https</c> become links,
    /// every part is escaped, and a link gives the page it opens no hold on this one (<c>rel="nofollow noopener noreferrer"</c>).
    /// </summary>
    public static string LinkedLines(string text) => JoinLines(text, Linked);

    private static string JoinLines(string text, Func<string, string> line) =>
        string.Join("<br>\n", text.Replace("\r", string.Empty, StringComparison.Ordinal).Trim().Split('\n').Select(l => line(l.TrimEnd())));

    private static string Linked(string line)
    {
        var builder = new StringBuilder(line.Length + 64);
        var at = 0;
        foreach (Match link in Link.Matches(line))
        {
            builder.Append(Escape(line[at..link.Index]));
            var url = link.Groups["url"].Success ? link.Groups["url"].Value : link.Groups["bare"].Value;
            var title = link.Groups["title"].Success ? link.Groups["title"].Value : url;
            var label = link.Groups["image"].Success ? "图片 " + title : title;
            builder.Append("<a href=\"").Append(Escape(url)).Append("\" rel=\"nofollow noopener noreferrer\">").Append(Escape(label)).Append("</a>");
            at = link.Index + link.Length;
        }

        return builder.Append(Escape(line[at..])).ToString();
    }

    private static string Placeholders() =>
        "(?:" + string.Join('|', Enum.GetValues<PersonalDataKind>().Select(kind => Regex.Escape(PersonalDataMasker.Placeholder(kind)))) + ")";
}
