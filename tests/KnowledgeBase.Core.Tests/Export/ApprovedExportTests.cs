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
        var written = new KnowledgeBaseExporter().Export(approved, new ExportOptions(ExportFormat.Html), site);

        Assert.Contains("entry-e-7d793037.html", written);
        Assert.DoesNotContain("entry-e-5d41402a.html", written);
        Assert.DoesNotContain("topic-t-licence.html", written);
        var entry = File.ReadAllText(Path.Combine(site, "entry-e-7d793037.html"));
        Assert.Contains("卡号[银行卡号]", entry);
        Assert.DoesNotContain("6222021234567894", entry);
        Assert.Contains("&lt;script&gt;", entry);
    }
}
