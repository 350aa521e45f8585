using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// Runs the real <c>kb build</c> and <c>kb review</c> on a copy of the sample, curates, changes the log the way re-exports
/// do and rebuilds: the analysts' work stays with the questions it was about.
/// </summary>
public sealed partial class RebuildCurationTests : IDisposable
{
    private const string Day = "2024-03-05-chat.markdown";

    private readonly string work = Directory.CreateTempSubdirectory("kb-rebuild-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void A_message_added_at_the_top_of_a_day_moves_its_entries_to_new_ids_with_their_decisions()
    {
        var (input, output, db) = Sample();
        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);
        var day = Entries(output).Where(e => e.Path.EndsWith(Day, StringComparison.Ordinal)).ToList();
        Assert.True(day.Count >= 3, "the sample's 03-05 day has entries");
        var (approved, rejected) = (day[0], day[1]);
        Assert.Equal(0, KbProcess.Run("review", "approve", approved.Id, "--db", db).ExitCode);
        Assert.Equal(0, KbProcess.Run("review", "note", approved.Id, "checked", "--db", db).ExitCode);
        Assert.Equal(0, KbProcess.Run("review", "reject", rejected.Id, "--db", db).ExitCode);
        // A fuller re-export: one message more before the first one of the day.
        var file = Path.Combine(input, "payexpert", Day);
        var lines = File.ReadAllLines(file).ToList();
        lines.InsertRange(lines.IndexOf("---", 1) + 1, ["> 07:59:00  苏晴  ", "   ", "大家早  ", "   "]);
        File.WriteAllLines(file, lines);

        var (code, _, stderr) = KbProcess.Run("build", input, "--out", output);

        Assert.Equal(0, code);
        var summary = Summary().Match(stderr);
        Assert.True(summary.Success, stderr);
        Assert.Equal(("0", day.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "0"), (summary.Groups["new"].Value, summary.Groups["moved"].Value, summary.Groups["missing"].Value));
        var after = Entries(output);
        var now = after.Single(e => e.Question == approved.Question);
        Assert.NotEqual(approved.Id, now.Id);
        Assert.Equal("approved", now.Status);
        Assert.Equal("rejected", after.Single(e => e.Question == rejected.Question).Status);
        var (_, history, _) = KbProcess.Run("review", "history", now.Id, "--db", db);
        Assert.Contains("build-reanchor", history, StringComparison.Ordinal);
        Assert.Contains("checked", history, StringComparison.Ordinal);
    }

    [KbBuiltFact]
    public void An_exchange_merged_into_an_entry_whose_day_is_removed_stays_in_faq_json()
    {
        var (input, output, db) = Sample();
        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);
        var entries = Entries(output);
        var source = entries.First(e => e.Path.EndsWith(Day, StringComparison.Ordinal));
        var target = entries.First(e => e.Path.EndsWith("2024-03-06-chat.markdown", StringComparison.Ordinal));
        Assert.Equal(0, KbProcess.Run("review", "merge", source.Id, target.Id, "--db", db).ExitCode);
        File.Move(Path.Combine(input, "payexpert", "2024-03-06-chat.markdown"), Path.Combine(work, "2024-03-06-chat.markdown"));

        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);

        using var faq = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "faq.json")));
        var held = faq.RootElement.GetProperty("entries").EnumerateArray().SelectMany(e => e.GetProperty("exchangeIds").EnumerateArray().Select(x => x.GetString())).ToHashSet();
        var found = faq.RootElement.GetProperty("exchanges").EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        Assert.All(found, x => Assert.Contains(x, held));
        Assert.Contains(Entries(output), e => e.Id == source.Id);
    }

    [KbBuiltFact]
    public void An_identical_copy_of_a_curated_day_under_a_shorter_name_is_the_one_skipped()
    {
        var (input, output, db) = Sample();
        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);
        var approved = Entries(output).First(e => e.Path.EndsWith(Day, StringComparison.Ordinal));
        Assert.Equal(0, KbProcess.Run("review", "approve", approved.Id, "--db", db).ExitCode);
        // The day saved again under a name that sorts first among copies (the day's date, shorter).
        File.Copy(Path.Combine(input, "payexpert", Day), Path.Combine(input, "payexpert", "2024-03-05.md"));

        var (code, _, stderr) = KbProcess.Run("build", input, "--out", output);

        // Built, with the copy reported as a problem of the input.
        Assert.Equal(1, code);
        Assert.Contains("payexpert/2024-03-05.md:1: same group and day (2024-03-05) as payexpert/2024-03-05-chat.markdown, and the same content: this copy is skipped", stderr, StringComparison.Ordinal);
        var summary = Summary().Match(stderr);
        Assert.True(summary.Success, stderr);
        Assert.Equal(("0", "0"), (summary.Groups["new"].Value, summary.Groups["missing"].Value));
        Assert.Equal("approved", Entries(output).Single(e => e.Id == approved.Id).Status);
    }

    [GeneratedRegex(@"review store .*: (?<new>\d+) new, \d+ changed, (?<moved>\d+) moved, (?<missing>\d+) no longer found")]
    private static partial Regex Summary();

    private (string Input, string Output, string Db) Sample()
    {
        var input = Path.Combine(work, "in");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        FolderCopy.All(sample, input);

        var output = Path.Combine(work, "out");
        return (input, output, Path.Combine(output, "kb.db"));
    }

    private static List<(string Id, string Status, string Question, string Path)> Entries(string output)
    {
        using var faq = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "faq.json")));
        return faq.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (
                e.GetProperty("id").GetString()!,
                e.GetProperty("status").GetString()!,
                e.GetProperty("question").GetString()!,
                e.GetProperty("sources")[0].GetProperty("path").GetString()!))
            .ToList();
    }
}
