using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Curation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// Redirected, <c>kb review list</c>, <c>kb review history</c> and <c>kb topics</c> write tab-separated rows: a tab or a
/// line break inside a field (an analyst's edit, a label) is written as a space, so every row keeps its number of fields.
/// </summary>
public sealed class TsvOutputTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-tsv-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void A_tab_typed_into_an_edited_question_stays_inside_its_field()
    {
        var faq = Path.Combine(work, "faq.json");
        new FaqJsonWriter().WriteFile(CurationFixture.Build(), faq);
        var db = Path.Combine(work, "kb.db");
        Assert.Equal(0, KbProcess.Run("review", "import", faq, "--db", db).ExitCode);
        Assert.Equal(0, KbProcess.Run("review", "edit", "e-refund", "--question", "字段一\t字段二\n第二行？", "--db", db, "--as", "alice").ExitCode);

        var list = KbProcess.Run("review", "list", "--db", db);
        var history = KbProcess.Run("review", "history", "e-refund", "--db", db);

        Assert.Equal([7], FieldCounts(list.Stdout));
        Assert.Contains("e-refund\tcandidate\tt-settle\t0.70\t2\tedited\t字段一 字段二 第二行？\n", list.Stdout);
        Assert.Equal([8], FieldCounts(history.Stdout));
        Assert.Contains("\t字段一 字段二 第二行？\t", history.Stdout);
        var unknown = KbProcess.Run("review", "history", "e-nowhere", "--db", db);
        Assert.Equal((2, string.Empty), (unknown.ExitCode, unknown.Stdout));
        Assert.Contains("no entry e-nowhere in the store", unknown.Stderr);
    }

    [KbBuiltFact]
    public void A_tab_in_a_topic_label_stays_inside_its_field()
    {
        var document = CurationFixture.Build();
        document = document with { Topics = [.. document.Topics.Select(t => t with { Label = "标签\t一" })] };
        var faq = Path.Combine(work, "faq.json");
        new FaqJsonWriter().WriteFile(document, faq);

        var (code, stdout, _) = KbProcess.Run("topics", faq);

        Assert.Equal(0, code);
        Assert.Equal([5], FieldCounts(stdout));
        Assert.Contains("\t标签 一\t", stdout);
    }

    private static int[] FieldCounts(string tsv) =>
        [.. tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t').Length).Distinct()];
}
