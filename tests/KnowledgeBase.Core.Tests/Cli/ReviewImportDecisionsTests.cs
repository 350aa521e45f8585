using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Curation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// <c>kb review import</c> of a curated faq.json into a store that already has its entries: a decision in the file
/// applies where the store has a candidate, the store's own decision stays where it has one, and both are said.
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
        Assert.Equal($"3 entries -> {db}: 0 new, 0 changed, 0 moved, 0 missing, 0 changed since review, 2 decisions imported\n", stdout);
        Assert.Equal(
            $"kb review import: 1 of the decisions in {curated} differs from those already in {db}, which stay: e-refund (rejected in the file, approved in the store)\n",
            stderr);
        var statuses = KbProcess.Run("review", "list", "--db", db).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length > 2)
            .ToDictionary(cells => cells[0], cells => cells[1]);
        Assert.Equal(("rejected", "approved", "approved"), (statuses["e-settle"], statuses["e-refund"], statuses["e-license"]));
    }

    private string Write(string name, Dictionary<string, string> statuses)
    {
        var document = CurationFixture.Build();
        document = document with { Entries = document.Entries.Select(e => e with { Status = statuses.GetValueOrDefault(e.Id, "candidate") }).ToList() };
        var path = Path.Combine(work, name);
        new FaqJsonWriter().WriteFile(document, path);
        return path;
    }
}
