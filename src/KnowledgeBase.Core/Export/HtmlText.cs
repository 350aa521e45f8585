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
    public static string Lines(string text) =>
        string.Join("<br>\n", text.Replace("\r", string.Empty, StringComparison.Ordinal).Trim().Split('\n').Select(l => Escape(l.TrimEnd())));
}
