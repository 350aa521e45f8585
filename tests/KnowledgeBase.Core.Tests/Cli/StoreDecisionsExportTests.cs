using System.Text.Json;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Export;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// <c>kb review</c> changes only the store, so <c>kb export --in faq.json</c> takes each entry's status and edits from the
/// store (<c>--db</c>, or the kb.db beside the faq.json) and says how many differ; without a store it exports the faq.json as it is.
/// </summary>
public sealed class StoreDecisionsExportTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-export-store-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Kb_export_in_faq_json_uses_the_statuses_and_edits_of_the_review_store()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var faqJson = Path.Combine(output, "faq.json");
        var db = Path.Combine(output, "kb.db");
        var ids = EntryIds(faqJson);

        var (code, _, stderr) = KbProcess.Run("export", "--in", faqJson, "--out", Path.Combine(work, "fresh"));

        Assert.Equal(0, code);
        Assert.Contains($"0 of {ids.Count} entries differ from {faqJson}", stderr, StringComparison.Ordinal);

        var (rejected, edited) = (ids[0], ids[1]);
        Assert.Equal(0, KbProcess.Run("review", "reject", rejected, "--db", db, "--as", "alice").ExitCode);
        Assert.Equal(0, KbProcess.Run("review", "edit", edited, "--answer", "改过的回答，电话 13812345678", "--db", db, "--as", "alice").ExitCode);

        (code, _, stderr) = KbProcess.Run("export", "--in", faqJson, "--out", Path.Combine(work, "beside"));

        Assert.Equal(0, code);
        Assert.Contains($"review store {db}: 2 of {ids.Count} entries differ from {faqJson}", stderr, StringComparison.Ordinal);
        Assert.Contains($"1 of {ids.Count} entries are rejected and left out", stderr, StringComparison.Ordinal);
        var exported = Path.Combine(work, "beside", "faq.json");
        Assert.DoesNotContain(rejected, EntryIds(exported));
        Assert.Equal("改过的回答，电话 [手机号]", AnswerOf(exported, edited));
        Assert.Empty(FaqSchemaValidator.DocumentErrors(File.ReadAllText(exported)));

        // A faq.json copied away from its store: --db names the store; without it the faq.json is exported as it is.
        var copy = Path.Combine(work, "copy", "faq.json");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(faqJson, copy);

        (code, _, stderr) = KbProcess.Run("export", "--in", copy, "--db", db, "--out", Path.Combine(work, "named"));

        Assert.Equal(0, code);
        Assert.DoesNotContain(rejected, EntryIds(Path.Combine(work, "named", "faq.json")));

        // The store of another build: said loudly, and the faq.json's own entries exported as it has them.
        var other = Path.Combine(work, "other", "faq.json");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        new FaqJsonWriter().WriteFile(Curation.CurationFixture.Build(), other);

        (code, _, stderr) = KbProcess.Run("export", "--in", other, "--db", db, "--out", Path.Combine(work, "mismatched"));

        Assert.Equal(0, code);
        Assert.Contains($"WARNING: {db} does not have 3 of the 3 entries of {other}", stderr, StringComparison.Ordinal);
        Assert.Equal(["e-settle", "e-refund", "e-license"], EntryIds(Path.Combine(work, "mismatched", "faq.json")));

        (code, _, stderr) = KbProcess.Run("export", "--in", copy, "--out", Path.Combine(work, "alone"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("review store", stderr, StringComparison.Ordinal);
        Assert.Contains(rejected, EntryIds(Path.Combine(work, "alone", "faq.json")));
    }

    private static List<string> EntryIds(string faqJson)
    {
        using var faq = JsonDocument.Parse(File.ReadAllBytes(faqJson));
        return faq.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
    }

    private static string AnswerOf(string faqJson, string id)
    {
        using var faq = JsonDocument.Parse(File.ReadAllBytes(faqJson));
        return faq.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == id)
            .GetProperty("answer").GetString()!;
    }
}
