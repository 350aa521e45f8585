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
    private readonly IReadOnlyDictionary<string, DateOnly> daysOfFiles;

    /// <summary>Creates a builder.</summary>
    /// <param name="template">The template, or null for relative links.</param>
    /// <param name="daysOfFiles">
    /// The day each file's messages are dated with (<see cref="DaysOfFiles"/>), for <c>{date}</c> where the file name
    /// has no <c>yyyy-MM-dd</c> (a day named by its front matter only); null for none.
    /// </param>
    /// <exception cref="ArgumentException">The template names a placeholder other than path, line, group and date.</exception>
    public SourceLinkBuilder(string? template = null, IReadOnlyDictionary<string, DateOnly>? daysOfFiles = null)
    {
        var problem = Problem(template);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(template));
        }

        this.template = template;
        this.daysOfFiles = daysOfFiles ?? new Dictionary<string, DateOnly>(StringComparer.Ordinal);
    }

    /// <summary>The day of each file a knowledge base quotes: the date of its messages (the file name's day, else its front matter's).</summary>
    /// <param name="document">The knowledge base.</param>
    /// <returns>Day by path relative to the input root.</returns>
    public static IReadOnlyDictionary<string, DateOnly> DaysOfFiles(KnowledgeBaseDocument document)
    {
        var days = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var message in document.Exchanges.SelectMany(e => e.Messages))
        {
            var day = DateOnly.FromDateTime(message.Message.Time);
            days.TryAdd(message.Message.Source.Path, day);
            foreach (var duplicate in message.Duplicates)
            {
                days.TryAdd(duplicate.Path, day);
            }
        }

        return days;
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
            _ => DayOf(source.Path),
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

    // The file name's day, else the day its messages are dated with, else empty.
    private string DayOf(string path)
    {
        var named = DateOf(path);
        return named.Length > 0 || !daysOfFiles.TryGetValue(path, out var day) ? named : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
