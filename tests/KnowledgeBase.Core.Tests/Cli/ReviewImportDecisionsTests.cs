using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Curation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// <c>kb review import</c> of a curated faq.json into a store that already has its entries: a decision in the file
/// applies where the store has a candidate, the store's own decision stays where it has one, and both are said. An
/// export (anonymized, filtered) brings its decisions and nothing else.
/// </summary>
public sealed class ReviewImportDecisionsTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-import-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Import_applies_the_file_s_decisions_to_candidates_and_names_those_the_store_decided_otherwise()
    {
        var db = Path.Combine(work, "kb.db");
        Assert.Equal(0, KbProcess.Run("review", "import", Write("built.json", new()), "--db", db).ExitCode);
        Assert.Equal(0, KbProcess.Run("review", "approve", "e-refund", "--db", db, "--as", "alice").ExitCode);
        var curated = Write("curated.json", new() { ["e-settle"] = "rejected", ["e-refund"] = "rejected", ["e-license"] = "approved" });

        var (code, stdout, stderr) = KbProcess.Run("review", "import", curated, "--db", db);

        Assert.Equal(0, code);
        Assert.Equal($"3 entries -> {db}: decisions only, texts stay those of the store's latest build; 2 decisions imported\n", stdout);
        Assert.Equal(
            $"kb review import: 1 of the decisions in {curated} differs from those already in {db}, which stay: e-refund (rejected in the file, approved in the store)\n",
            stderr);
        var statuses = KbProcess.Run("review", "list", "--db", db).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length > 2)
            .ToDictionary(cells => cells[0], cells => cells[1]);
        Assert.Equal(("rejected", "approved", "approved"), (statuses["e-settle"], statuses["e-refund"], statuses["e-license"]));
    }

    [KbBuiltFact]
    public void Import_of_an_anonymized_filtered_export_brings_its_decisions_and_leaves_the_build_s_content_alone()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var db = Path.Combine(output, "kb.db");
        var before = KbProcess.Run("review", "list", "--db", db, "--missing").Stdout;
        var wiki = Path.Combine(work, "wiki");
        Assert.Equal(0, KbProcess.Run("export", "--format", "json", "--anonymize-speakers", "--answered-only", "--in", Path.Combine(output, "faq.json"), "--out", wiki).ExitCode);
        var exported = Path.Combine(wiki, "faq.json");
        var document = new FaqJsonReader().ReadFile(exported);
        Assert.True(document.Entries.Count < before.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "the export should leave unanswered entries out");
        var approved = document.Entries[0].Id;
        var elsewhere = document with
        {
            Entries = [document.Entries[0] with { Status = "approved" }, .. document.Entries.Skip(1), document.Entries[1] with { Id = "q-not-in-store", Status = "rejected" }],
        };
        new FaqJsonWriter().WriteFile(elsewhere, exported);

        var (code, stdout, stderr) = KbProcess.Run("review", "import", exported, "--db", db);

        Assert.Equal(0, code);
        Assert.EndsWith("decisions only, texts stay those of the store's latest build; 1 decision imported\n", stdout, StringComparison.Ordinal);
        Assert.Contains("not imported: q-not-in-store", stderr);
        var after = KbProcess.Run("review", "list", "--db", db, "--missing").Stdout;
        Assert.Equal(before.Replace($"{approved}\tcandidate\t", $"{approved}\tapproved\t", StringComparison.Ordinal).Split('\n').Select(Unversioned), after.Split('\n').Select(Unversioned));
        Assert.DoesNotContain("成员-", after, StringComparison.Ordinal);

        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);

        Assert.Equal(string.Empty, KbProcess.Run("review", "list", "--db", db, "--changed").Stdout);
    }

    [KbBuiltFact]
    public void An_anonymized_export_does_not_start_a_store()
    {
        var faq = Write("built.json", new());
        var wiki = Path.Combine(work, "wiki");
        Assert.Equal(0, KbProcess.Run("export", "--format", "json", "--anonymize-speakers", "--in", faq, "--out", wiki).ExitCode);
        var db = Path.Combine(work, "new.db");

        var (code, stdout, stderr) = KbProcess.Run("review", "import", Path.Combine(wiki, "faq.json"), "--db", db);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.StartsWith($"kb review import: the speakers in {Path.Combine(wiki, "faq.json")} are anonymized (成员-…): it is a kb export, not a build", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [KbBuiltFact]
    public void An_out_path_that_cannot_be_written_stops_the_import_before_any_decision_is_saved()
    {
        var db = Path.Combine(work, "kb.db");
        Assert.Equal(0, KbProcess.Run("review", "import", Write("built.json", new()), "--db", db).ExitCode);
        var curated = Write("curated.json", new() { ["e-settle"] = "rejected" });
        var before = KbProcess.Run("review", "list", "--db", db).Stdout;
        var file = Path.Combine(work, "afile");
        File.WriteAllText(file, "x");
        var folder = Directory.CreateDirectory(Path.Combine(work, "folder")).FullName;

        foreach (var (output, message) in new[]
        {
            (folder, $"--out {folder} is a folder, expected a file"),
            (Path.Combine(file, "faq.json"), $"--out {Path.Combine(file, "faq.json")}: {file} is a file, not a folder"),
            (db, "--out and --db name the same file"),
        })
        {
            var (code, stdout, stderr) = KbProcess.Run("review", "import", curated, "--db", db, "--out", output);

            Assert.Equal(before, KbProcess.Run("review", "list", "--db", db).Stdout);
            Assert.Equal((2, string.Empty), (code, stdout));
            Assert.Contains(message, stderr, StringComparison.Ordinal);
        }
    }

    // The version column counts changes, and an approval is one.
    private static string Unversioned(string row) => string.Join('\t', row.Split('\t').Where((_, i) => i != 4));

    private string Write(string name, Dictionary<string, string> statuses)
    {
        var document = CurationFixture.Build();
        document = document with { Entries = document.Entries.Select(e => e with { Status = statuses.GetValueOrDefault(e.Id, "candidate") }).ToList() };
        var path = Path.Combine(work, name);
        new FaqJsonWriter().WriteFile(document, path);
        return path;
    }
}
