using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Turns a message's source (path and header line) into a link: a <c>--source-url</c> template with <c>{path}</c>,
/// <c>{line}</c>, <c>{group}</c> and <c>{date}</c>, or a relative <c>path#Lline</c> link. Values are percent-encoded
/// (the path segment by segment), so links stay valid in Markdown and HTML whatever the file is called.
/// </summary>
public sealed partial class SourceLinkBuilder
{
    private static readonly string[] Placeholders = ["path", "line", "group", "date"];
    private readonly string? template;

    /// <summary>Creates a builder.</summary>
    /// <param name="template">The template, or null for relative links.</param>
    /// <exception cref="ArgumentException">The template names a placeholder other than path, line, group and date.</exception>
    public SourceLinkBuilder(string? template = null)
    {
        var problem = Problem(template);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(template));
        }

        this.template = template;
    }

    /// <summary>What is wrong with a template, or null when it is usable.</summary>
    /// <param name="template">The template, or null for relative links.</param>
    /// <returns>A message naming the unknown placeholder, or null.</returns>
    public static string? Problem(string? template)
    {
        if (template is null)
        {
            return null;
        }

        var unknown = PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).FirstOrDefault(p => !Placeholders.Contains(p));
        return unknown is null
            ? null
            : $"unknown placeholder {{{unknown}}} in the source URL template (use {{path}}, {{line}}, {{group}}, {{date}})";
    }

    /// <summary>The link to a message's header line.</summary>
    /// <param name="source">Path relative to the input root and 1-based line.</param>
    /// <returns>The URL.</returns>
    public string Link(SourceRef source)
    {
        var path = string.Join('/', source.Path.Split('/').Select(Uri.EscapeDataString));
        var line = source.Line.ToString(CultureInfo.InvariantCulture);
        if (template is null)
        {
            return $"{path}#L{line}";
        }

        return PlaceholderPattern().Replace(template, m => m.Groups[1].Value switch
        {
            "path" => path,
            "line" => line,
            "group" => Uri.EscapeDataString(GroupOf(source.Path)),
            _ => DateOf(source.Path),
        });
    }

    /// <summary>The chat group of a path: its first folder (<c>proddev</c> in <c>proddev/2018-03-05-chat.markdown</c>), or empty.</summary>
    /// <param name="path">Path relative to the input root.</param>
    /// <returns>The group.</returns>
    public static string GroupOf(string path) => ChatGroup.Of(path);

    /// <summary>The day of a path: the <c>yyyy-MM-dd</c> in its file name, or empty.</summary>
    /// <param name="path">Path relative to the input root.</param>
    /// <returns>The date text.</returns>
    public static string DateOf(string path)
    {
        var match = DatePattern().Match(path[(path.LastIndexOf('/') + 1)..]);
        return match.Success ? match.Value : string.Empty;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
