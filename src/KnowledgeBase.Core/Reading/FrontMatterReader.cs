using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Parsers;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KnowledgeBase.Core.Reading;

/// <summary>The front matter of a file and the index of the first line after it.</summary>
internal sealed record FrontMatter(IReadOnlyDictionary<string, string> Values, int NextLine);

/// <summary>
/// Reads the YAML front matter: Markdig's front-matter extension cuts the block out of the file, YamlDotNet
/// reads it. Tabs after a key's colon (<c>tag:\t\t  [chat]</c>) are turned into spaces first; YAML that still
/// does not parse is reported and read again line by line as <c>key: value</c>.
/// </summary>
internal static class FrontMatterReader
{
    // Deeper than any real front matter; keeps hostile input from exhausting the stack.
    private const int MaxDepth = 16;

    // Longest front matter handed to YamlDotNet; the corpus's are 7 lines and under 200 characters.
    private const int MaxLines = 200;
    private const int MaxLength = 16_384;
    private const int MaxBrackets = 64;

    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>().AsReadOnly();

    /// <param name="text">The decoded file.</param>
    /// <param name="lines">Its lines.</param>
    /// <param name="firstHeader">Index of the first message header, or the line count when there is none.</param>
    /// <param name="problems">Where problems go.</param>
    public static FrontMatter Read(string text, List<TextLine> lines, int firstHeader, ProblemLog problems)
    {
        if (lines.Count == 0 || !IsFence(lines[0].In(text), '-'))
        {
            problems.Add(1, "no front matter: line 1 is not '---'");
            return new FrontMatter(None, 0);
        }

        // The front matter ends at its closing fence; a message header ends it too, so no message is ever lost in it.
        var close = 1;
        while (close < firstHeader && !IsFence(lines[close].In(text), '-') && !IsFence(lines[close].In(text), '.'))
        {
            close++;
        }

        if (close >= firstHeader)
        {
            problems.Add(1, firstHeader < lines.Count
                ? $"front matter not closed before the first message on line {firstHeader + 1}"
                : "front matter not closed");
            return new FrontMatter(ReadTolerantly(lines, 1, Math.Min(firstHeader, MaxLines + 1), text).AsReadOnly(), firstHeader);
        }

        // Real front matter is a few short lines; a huge block is not worth YamlDotNet's time.
        var block = text.AsSpan(lines[0].Start, lines[close].Start - lines[0].Start);
        if (close - 1 > MaxLines || block.Length > MaxLength)
        {
            problems.Add(1, $"front matter too long ({close - 1} lines, {block.Length} characters): first {MaxLines} lines read as 'key: value'");
            return new FrontMatter(ReadTolerantly(lines, 1, Math.Min(close, MaxLines + 1), text).AsReadOnly(), close + 1);
        }

        // YamlDotNet's scanner slows down quadratically with nested flow collections ("[[[[…").
        var brackets = block.Count('[') + block.Count('{');
        if (brackets > MaxBrackets)
        {
            problems.Add(1, $"front matter has {brackets} brackets, too many for a chat log's: read as 'key: value' lines");
            return new FrontMatter(ReadTolerantly(lines, 1, close, text).AsReadOnly(), close + 1);
        }

        var yaml = ExtractYaml(text, lines, close, out var yamlLines);
        var values = ReadYaml(yaml, yamlLines, problems) ?? ReadTolerantly(lines, 1, close, text);
        return new FrontMatter(values.AsReadOnly(), close + 1);
    }

    /// <summary>Front matter and plain paragraphs only: nothing else in the block matters, and nothing can nest.</summary>
    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseYamlFrontMatter();
        builder.BlockParsers.RemoveAll(parser => parser is not (YamlFrontMatterParser or ParagraphBlockParser));
        builder.InlineParsers.Clear();
        return builder.Build();
    }

    private static bool IsFence(ReadOnlySpan<char> line, char fence) =>
        line.TrimEnd(" \t").SequenceEqual([fence, fence, fence]);

    /// <summary>Lets Markdig find the front-matter block and returns its lines with tabs made safe for YAML.</summary>
    private static string ExtractYaml(string text, List<TextLine> lines, int close, out List<int> yamlLines)
    {
        var end = lines[close].Start + lines[close].Length;
        var document = Markdown.Parse(text[..end], Pipeline);
        yamlLines = [];
        var yaml = new StringBuilder();
        if (document.Count > 0 && document[0] is YamlFrontMatterBlock block)
        {
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines.Lines[i];
                yaml.Append(NormaliseTabs(line.Slice.ToString())).Append('\n');
                yamlLines.Add(line.Line + 1);
            }

            return yaml.ToString();
        }

        // Markdig agrees with the fence rules above, so this is only a safety net.
        for (var i = 1; i < close; i++)
        {
            yaml.Append(NormaliseTabs(lines[i].In(text).ToString())).Append('\n');
            yamlLines.Add(i + 1);
        }

        return yaml.ToString();
    }

    /// <summary>Turns tabs in the indentation and around the key's colon into spaces: YAML forbids tabs there.</summary>
    private static string NormaliseTabs(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal))
        {
            return line;
        }

        var chars = line.ToCharArray();
        var i = 0;
        while (i < chars.Length && chars[i] is ' ' or '\t')
        {
            chars[i++] = ' ';
        }

        var colon = Array.IndexOf(chars, ':', i);
        if (colon >= 0)
        {
            for (var j = colon + 1; j < chars.Length && chars[j] is ' ' or '\t'; j++)
            {
                chars[j] = ' ';
            }
        }

        for (var j = chars.Length - 1; j >= 0 && chars[j] is ' ' or '\t'; j--)
        {
            chars[j] = ' ';
        }

        return new string(chars);
    }

    private static Dictionary<string, string>? ReadYaml(string yaml, List<int> yamlLines, ProblemLog problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return values;
            }

            parser.Consume<DocumentStart>();
            if (!parser.TryConsume<MappingStart>(out _))
            {
                var start = parser.Current?.Start.Line ?? 1;
                problems.Add(FileLine(start, yamlLines), "broken front matter: not a list of 'key: value' lines");
                return null;
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var line = FileLine(parser.Current?.Start.Line ?? 1, yamlLines);
                var key = ReadNode(parser, 0);
                var value = ReadNode(parser, 0);
                if (!values.TryAdd(key, value))
                {
                    problems.Add(line, $"front matter key '{key}' repeated: first value kept");
                }
            }

            return values;
        }
        catch (YamlException e)
        {
            problems.Add(FileLine(e.Start.Line, yamlLines), $"broken front matter: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet also fails on some malformed input with InvalidOperationException or ArgumentException
            // ("Global tags must be valid URIs"); whatever it throws, the front matter is reported and read line by line.
            // Its words ("Operation is not valid due to the current state of the object") say nothing of the file.
            problems.Add(yamlLines.Count == 0 ? 1 : yamlLines[0], $"broken front matter: not valid YAML (an unclosed [, {{ or quote?), read line by line as 'key: value' ({e.Message.TrimEnd('.')})");
            return null;
        }
    }

    /// <summary>Reads a value as text: a scalar as is, a sequence joined with <c>,</c>, a mapping as <c>k: v, …</c>.</summary>
    private static string ReadNode(IParser parser, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, "front matter nested too deeply");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return scalar.Value;
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return "*" + alias.Value;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var items = new List<string>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, depth + 1));
            }

            return string.Join(',', items);
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            var pairs = new List<string>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, depth + 1);
                pairs.Add($"{key}: {ReadNode(parser, depth + 1)}");
            }

            return string.Join(", ", pairs);
        }

        var current = parser.Current;
        throw current is null
            ? new YamlException("front matter ends early")
            : new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name} in front matter");
    }

    private static int FileLine(long yamlLine, List<int> yamlLines) =>
        yamlLines.Count == 0 ? 1 : yamlLines[(int)Math.Clamp(yamlLine - 1, 0, yamlLines.Count - 1)];

    /// <summary>
    /// The fallback for front matter YAML cannot read: every <c>key: value</c> line, quotes and brackets
    /// stripped; other lines are skipped (the YAML problem is already reported).
    /// </summary>
    private static Dictionary<string, string> ReadTolerantly(List<TextLine> lines, int from, int to, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = from; i < to; i++)
        {
            var line = lines[i].In(text);
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[0] is ' ' or '\t' or '#')
            {
                continue;
            }

            var key = line[..colon].Trim().ToString();
            var value = line[(colon + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '[' && value[^1] == ']')
            {
                var items = value[1..^1].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                values.TryAdd(key, string.Join(',', items.Select(item => Unquote(item))));
            }
            else
            {
                values.TryAdd(key, Unquote(value.ToString()));
            }
        }

        return values;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')
            ? value[1..^1]
            : value;
}
