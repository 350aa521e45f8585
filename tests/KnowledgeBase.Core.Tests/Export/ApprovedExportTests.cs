using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class ApprovedExportTests
{
    [Fact]
    public void Only_approved_entries_and_what_they_use_are_exported_masked()
    {
        using var folder = new ExportFolder();
        var database = Path.Combine(folder.Path, "kb.db");
        var document = SampleDocuments.Payments();
        KnowledgeBaseDocument approved;
        using (var store = CurationStore.Open(database))
        {
            store.Merge(document);
            store.Approve("e-7d793037", "tester");
            store.Reject("e-5d41402a", "tester");
            approved = store.ExportApproved();
        }

        var site = Path.Combine(folder.Path, "site");
        var written = new KnowledgeBaseExporter().Export(approved, new ExportOptions(ExportFormat.Html), site).Files;

        Assert.Contains("entry-e-7d793037.html", written);
        Assert.DoesNotContain("entry-e-5d41402a.html", written);
        Assert.DoesNotContain("topic-t-licence.html", written);
        var entry = File.ReadAllText(Path.Combine(site, "entry-e-7d793037.html"));
        Assert.Contains("卡号[银行卡号]", entry);
        Assert.DoesNotContain("6222021234567894", entry);
        Assert.Contains("&lt;script&gt;", entry);
    }

    [Fact]
    public void Approved_export_lists_the_topics_its_exchanges_name_counting_only_those_exported()
    {
        using var folder = new ExportFolder();
        KnowledgeBaseDocument approved;
        using (var store = CurationStore.Open(Path.Combine(folder.Path, "kb.db")))
        {
            store.Merge(SampleDocuments.Payments());
            store.Edit("e-5d41402a", new EntryEdit(TopicId: "t-payout"), "tester");
            store.Approve("e-5d41402a", "tester");
            store.Reject("e-7d793037", "tester");
            approved = store.ExportApproved();
        }

        // The moved entry's exchange is still clustered in t-licence; none of t-payout's exchanges is exported.
        Assert.Equal([("t-payout", 0), ("t-licence", 1)], approved.Topics.Select(t => (t.Id, t.ExchangeCount)).OrderByDescending(t => t.Item1));
        Assert.Empty(FaqSchemaValidator.DocumentErrors(FaqSchemaTests.Write(approved)));
    }
}
