using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Escapes untrusted chat text for Markdown that MkDocs, Docusaurus (MDX) and Confluence all render as plain text:
/// HTML and JSX characters become entities, Markdown punctuation gets a backslash, block markers at a line start are
/// neutralised; in answers and questions the chat's http(s) links become Markdown links.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>One line of inline text (newlines become spaces).</summary>
    public static string Inline(string text) => LineStart(Escape(string.Join(' ', Lines(text))));

    /// <summary>
    /// As <see cref="Inline"/>, with the links chat carries (a bare http(s) address, a shared card's
    /// <c>[title](url)</c>) written as Markdown links. A backslash escape or an entity inside a bare address would
    /// stay in the address wherever a renderer links addresses by itself (GFM, Markdig), so the address goes into a
    /// link's destination as it is, and only its label is escaped. Not for text that is itself a link's label.
    /// </summary>
    public static string InlineLinked(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var (part, url) in ChatLinks.Split(string.Join(' ', Lines(text))))
        {
            _ = url is null
                ? builder.Append(Escape(part))
                : builder.Append('[').Append(Escape(part)).Append("](").Append(Destination(url)).Append(')');
        }

        return LineStart(builder.ToString());
    }

    /// <summary>Multi-line text as paragraphs, one per non-blank line, its links as Markdown links.</summary>
    public static string Paragraphs(string text) => string.Join("\n\n", Lines(text).Select(InlineLinked));

    /// <summary>A YAML double-quoted scalar for front matter.</summary>
    public static string YamlString(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in string.Join(' ', Lines(text)))
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ when char.IsControl(c) => builder.Append(' '),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '{' => builder.Append("&#123;"),
                '}' => builder.Append("&#125;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~' or '$' => builder.Append('\\').Append(c),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    // What a line must not start with once escaped: MDX reads a paragraph that starts with "import" or "export" as
    // JavaScript (an entity for its first letter is the same letter to every Markdown renderer, and no keyword to MDX),
    // and a list marker, thematic break or setext underline would make it a block.
    private static string LineStart(string escaped)
    {
        if (escaped.StartsWith("import", StringComparison.Ordinal) || escaped.StartsWith("export", StringComparison.Ordinal))
        {
            return (escaped[0] == 'i' ? "&#105;" : "&#101;") + escaped[1..];
        }

        return BlockStart().IsMatch(escaped) ? BlockStart().Replace(escaped, m => m.Groups[1].Value + "\\" + m.Groups[2].Value, 1) : escaped;
    }

    // A link destination takes the address as it is, but for the characters a destination or MDX would read as markup;
    // the address has no space, quote, bracket or parenthesis (ChatLinks stops before them).
    private static string Destination(string url) =>
        url.Replace("\\", "%5C", StringComparison.Ordinal)
            .Replace("{", "%7B", StringComparison.Ordinal)
            .Replace("}", "%7D", StringComparison.Ordinal)
            .Replace("`", "%60", StringComparison.Ordinal);

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    // A list marker, thematic break or setext underline at the start of a line: "- a", "+ a", "1. a", "1) a", "===".
    [GeneratedRegex(@"^(\d*)([-+=.)])", RegexOptions.CultureInvariant)]
    private static partial Regex BlockStart();
}
