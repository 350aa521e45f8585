using System.Text;

namespace KnowledgeBase.Core.Export;

/// <summary>HTML escaping of untrusted chat text: nothing in a message can open a tag, an attribute or a script.</summary>
internal static class HtmlText
{
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
        foreach (var (text, url) in ChatLinks.Split(line))
        {
            _ = url is null
                ? builder.Append(Escape(text))
                : builder.Append("<a href=\"").Append(Escape(url)).Append("\" rel=\"nofollow noopener noreferrer\">").Append(Escape(text)).Append("</a>");
        }

        return builder.ToString();
    }
}
