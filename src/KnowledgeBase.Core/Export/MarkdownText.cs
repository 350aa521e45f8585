using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Escapes untrusted chat text for Markdown that MkDocs, Docusaurus (MDX) and Confluence all render as plain text:
/// HTML and JSX characters become entities, Markdown punctuation gets a backslash, block markers at a line start are
/// neutralised.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>One line of inline text (newlines become spaces).</summary>
    public static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in string.Join(' ', Lines(text)))
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

        var escaped = builder.ToString();
        // MDX reads a paragraph that starts with "import" or "export" as JavaScript; an entity for its first letter is
        // the same letter to every Markdown renderer, and no keyword to MDX.
        if (escaped.StartsWith("import", StringComparison.Ordinal) || escaped.StartsWith("export", StringComparison.Ordinal))
        {
            return (escaped[0] == 'i' ? "&#105;" : "&#101;") + escaped[1..];
        }

        return BlockStart().IsMatch(escaped) ? BlockStart().Replace(escaped, m => m.Groups[1].Value + "\\" + m.Groups[2].Value, 1) : escaped;
    }

    /// <summary>Multi-line text as paragraphs, one per non-blank line.</summary>
    public static string Paragraphs(string text) => string.Join("\n\n", Lines(text).Select(Inline));

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

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    // A list marker, thematic break or setext underline at the start of a line: "- a", "+ a", "1. a", "1) a", "===".
    [GeneratedRegex(@"^(\d*)([-+=.)])", RegexOptions.CultureInvariant)]
    private static partial Regex BlockStart();
}
