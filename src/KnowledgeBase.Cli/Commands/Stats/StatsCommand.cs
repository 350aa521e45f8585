using System.Collections.Concurrent;
using System.Text.Json;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Stats;

/// <summary><c>kb stats &lt;input-dir&gt;</c>: files, days, groups, messages by kind, speakers and problems.</summary>
internal sealed class StatsCommand : Command<StatsSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public override int Execute(CommandContext context, StatsSettings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(settings.Input);
        var found = ChatLogFinder.Find(root);
        var reader = new ChatLogReader();
        var problems = new ConcurrentBag<InputProblem>(found.Problems);
        var days = new ConcurrentBag<ChatDay>();
        var headers = 0;
        Parallel.ForEach(found.Files, file =>
        {
            var result = reader.ReadFile(root, file.FullPath);
            days.Add(result.Day);
            Interlocked.Add(ref headers, result.HeaderLines);
            foreach (var problem in result.Problems)
            {
                problems.Add(problem);
            }
        });

        foreach (var problem in problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line))
        {
            Terminal.Problem(problem.ToString());
        }

        var messages = days.SelectMany(d => d.Messages).ToList();
        var stats = new CorpusStats(
            Files: found.Files.Count,
            Days: days.Select(d => (d.Group, d.Date)).Distinct().Count(),
            Groups: days.GroupBy(d => d.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key.Length == 0 ? "(root)" : g.Key, g => g.Sum(d => d.Messages.Count)),
            Messages: messages.Count,
            HeaderLines: headers,
            ByKind: Enum.GetValues<MessageKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => messages.Count(m => m.Kind == k)),
            Speakers: messages.Select(m => m.Speaker.Raw).Distinct().Count(),
            First: days.IsEmpty ? null : days.Min(d => d.Date).ToString("yyyy-MM-dd"),
            Last: days.IsEmpty ? null : days.Max(d => d.Date).ToString("yyyy-MM-dd"),
            Problems: problems.Count);

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(stats, JsonOptions));
        }
        else
        {
            var table = new Table().AddColumns("", "count");
            table.AddRow("files", $"{stats.Files}");
            table.AddRow("days", stats.Days == 0 ? "0" : $"{stats.Days} ({stats.First} to {stats.Last})");
            foreach (var (group, count) in stats.Groups)
            {
                table.AddRow(Markup.Escape($"group {group}"), $"{count} messages");
            }

            table.AddRow("messages", $"{stats.Messages} (header lines {stats.HeaderLines})");
            foreach (var (kind, count) in stats.ByKind)
            {
                table.AddRow($"  {kind}", $"{count}");
            }

            table.AddRow("speakers", $"{stats.Speakers}");
            table.AddRow("problems", $"{stats.Problems}");
            AnsiConsole.Write(table);
        }

        return stats.Problems > 0 ? ExitCodes.InputProblems : ExitCodes.Ok;
    }

    private sealed record CorpusStats(
        int Files,
        int Days,
        IReadOnlyDictionary<string, int> Groups,
        int Messages,
        int HeaderLines,
        IReadOnlyDictionary<string, int> ByKind,
        int Speakers,
        string? First,
        string? Last,
        int Problems);
}
