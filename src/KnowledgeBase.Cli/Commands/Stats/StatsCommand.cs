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
        var results = new ConcurrentBag<(ChatLogReadResult Result, SameDayFile? SameDay)>();
        Parallel.ForEach(found.Files, file =>
        {
            var loaded = reader.Load(root, file.FullPath);
            var result = loaded.Failure ?? reader.Read(loaded.RelativePath, loaded.Content!);
            results.Add((result, loaded.Content is null ? null : new SameDayFile(loaded.RelativePath, result.Day.Date, SameDayFile.HashOf(loaded.Content))));
            foreach (var problem in result.Problems)
            {
                problems.Add(problem);
            }
        });

        // The same rules as kb build: a copy of a group and day already read is skipped, and only chat logs count as read.
        var copies = SameDayFiles.Check(results.Select(r => r.SameDay).OfType<SameDayFile>().ToList());
        foreach (var problem in copies.Problems)
        {
            problems.Add(problem);
        }

        foreach (var problem in problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line))
        {
            Terminal.Problem(problem.ToString());
        }

        // As in kb build: an export's pages are not chat logs.
        foreach (var left in found.LeftOut)
        {
            Console.Error.WriteLine(
                $"kb stats: note: {Path.Join(settings.Input, left.Path)} holds a kb export (.kb-export): not searched for chat logs " +
                $"({left.ChatLogFiles} *.md/*.markdown file(s) there not read)");
        }

        var kept = results.Where(r => !copies.Skipped.Contains(r.Result.Day.Path)).ToList();
        var read = kept.Where(r => r.Result.Day.IsChatLog).ToList();
        var days = read.Select(r => r.Result.Day).ToList();
        var dated = days.Where(d => d.Date != DateOnly.MinValue).ToList();
        var messages = days.SelectMany(d => d.Messages).ToList();
        var stats = new CorpusStats(
            Files: days.Count,
            SkippedFiles: found.Files.Count - days.Count + found.UnfollowedChatLogs,
            Days: dated.Select(d => (d.Group, d.Date)).Distinct().Count(),
            UndatedFiles: kept.Count(r => r.Result.Day.Date == DateOnly.MinValue),
            Groups: days.GroupBy(d => d.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key.Length == 0 ? "(root)" : g.Key, g => g.Sum(d => d.Messages.Count)),
            Messages: messages.Count,
            HeaderLines: read.Sum(r => r.Result.HeaderLines),
            ByKind: Enum.GetValues<MessageKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => messages.Count(m => m.Kind == k)),
            Speakers: messages.Select(m => m.Speaker.Raw).Distinct().Count(),
            First: dated.Count == 0 ? null : dated.Min(d => d.Date).ToString("yyyy-MM-dd"),
            Last: dated.Count == 0 ? null : dated.Max(d => d.Date).ToString("yyyy-MM-dd"),
            Problems: InputProblem.Total(problems));

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(stats, JsonOptions));
        }
        else
        {
            var rows = new List<(string Name, string Count)>
            {
                ("files", $"{stats.Files} read, {stats.SkippedFiles} skipped"),
                ("days", stats.Days == 0 ? "0" : $"{stats.Days} ({stats.First} to {stats.Last})"),
            };
            if (stats.UndatedFiles > 0)
            {
                rows.Add(("undated files", $"{stats.UndatedFiles} (not in days)"));
            }

            rows.AddRange(stats.Groups.Select(g => ($"group {g.Key}", $"{g.Value} messages")));
            rows.Add(("messages", $"{stats.Messages} (header lines {stats.HeaderLines})"));
            rows.AddRange(stats.ByKind.Select(k => ($"  {k.Key}", $"{k.Value}")));
            rows.Add(("speakers", $"{stats.Speakers}"));
            rows.Add(("problems", $"{stats.Problems}"));
            Write(rows);
        }

        return stats.Problems > 0 ? ExitCodes.InputProblems : ExitCodes.Ok;
    }

    // A table for a person at a terminal; with stdout redirected, tab-separated "name<TAB>count" lines, as kb topics writes.
    private static void Write(List<(string Name, string Count)> rows)
    {
        if (Console.IsOutputRedirected)
        {
            foreach (var (name, count) in rows)
            {
                Console.Out.WriteLine($"{Tsv.Field(name.Trim())}\t{Tsv.Field(count)}");
            }

            return;
        }

        var table = new Table().AddColumns("", "count");
        foreach (var (name, count) in rows)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(count));
        }

        AnsiConsole.Write(table);
    }

    private sealed record CorpusStats(
        int Files,
        int SkippedFiles,
        int Days,
        int UndatedFiles,
        IReadOnlyDictionary<string, int> Groups,
        int Messages,
        int HeaderLines,
        IReadOnlyDictionary<string, int> ByKind,
        int Speakers,
        string? First,
        string? Last,
        int Problems);
}
