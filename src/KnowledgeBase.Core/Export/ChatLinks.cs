using System.Text.RegularExpressions;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Export;

/// <summary>The links chat messages carry, found the same way for the HTML pages and the Markdown pages.</summary>
internal static class ChatLinks
{
    // A Markdown link or image with an http(s) target (its title may hold the placeholder of masked personal data, such as
    // [手机号], each as the masker writes it), else a bare http(s) address up to a space, a quote, a bracket, an @ or a CJK
    // character or punctuation mark: chat glues words and mentions to a link ("见https://example.com/a这里",
    // "https://x.cn/p@张三"), far more often than an address holds Chinese or an @.
    private static readonly Regex Link = new(
        $$"""(?<image>!)?\[(?<title>(?:[^\[\]]|{{Placeholders()}}){1,300})\]\((?<url>https?://[^\s()<>"']+)\)|(?<bare>https?://[^\s<>"'()@\u2018-\u201F\u2026\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+)""",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>
    /// Splits one line into its text and its links, in order: a shared card or an image (<c>[title](url)</c>,
    /// <c>![time](url)</c>) and a bare address. Only <c>http</c> and <c>https</c> count. Text parts have a null
    /// <c>Url</c>; a link's label is its title, <c>图片 </c> and the title for an image, or the address itself.
    /// </summary>
    public static IEnumerable<(string Text, string? Url)> Split(string line)
    {
        var at = 0;
        foreach (Match link in Link.Matches(line))
        {
            if (link.Index > at)
            {
                yield return (line[at..link.Index], null);
            }

            var url = link.Groups["url"].Success ? link.Groups["url"].Value : link.Groups["bare"].Value;
            var title = link.Groups["title"].Success ? link.Groups["title"].Value : url;
            yield return (link.Groups["image"].Success ? "图片 " + title : title, url);
            at = link.Index + link.Length;
        }

        if (at < line.Length)
        {
            yield return (line[at..], null);
        }
    }

    private static string Placeholders() =>
        "(?:" + string.Join('|', Enum.GetValues<PersonalDataKind>().Select(kind => Regex.Escape(PersonalDataMasker.Placeholder(kind)))) + ")";
}
