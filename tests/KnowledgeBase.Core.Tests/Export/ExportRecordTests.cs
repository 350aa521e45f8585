using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

/// <summary>
/// A re-export into the same folder removes the files the previous <c>kb export</c> wrote there and this one does not
/// (as its <c>.kb-export</c> record lists them, unchanged since), and nothing else.
/// </summary>
public sealed class ExportRecordTests
{
    [Theory]
    [InlineData(ExportFormat.Html, "entry-e-5d41402a.html", "topic-t-licence.html")]
    [InlineData(ExportFormat.Markdown, "topic-t-licence.md", null)]
    public void Re_export_removes_the_pages_of_entries_and_topics_left_out_since(ExportFormat format, string entryOrTopic, string? topic)
    {
        using var folder = new ExportFolder();
        var exporter = new KnowledgeBaseExporter();
        var first = exporter.Export(SampleDocuments.Payments(), new ExportOptions(format), folder.Path);
        Assert.Contains(entryOrTopic, first.Files);
        var userPage = folder.Write("entry-mine.html", "<p>my own page</p>");
        var userNotes = folder.Write("notes.md", "# mine");

        var second = exporter.Export(WithoutLicence(), new ExportOptions(format), folder.Path);

        string[] gone = topic is null ? [entryOrTopic] : [entryOrTopic, topic];
        Assert.Equal(gone.Order(StringComparer.Ordinal), second.Removed.Order(StringComparer.Ordinal));
        Assert.Empty(second.Changed);
        Assert.Equal(second.Files.Order(StringComparer.Ordinal), folder.Files().Where(f => f is not ("entry-mine.html" or "notes.md")));
        Assert.True(File.Exists(userPage) && File.Exists(userNotes));
    }

    [Fact]
    public void An_export_whose_record_cannot_be_written_is_refused_before_any_file_is_written()
    {
        using var folder = new ExportFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ExportRecord.FileName + ".tmp"));

        var refused = Assert.Throws<IOException>(() => new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), folder.Path));

        Assert.StartsWith($"cannot write {Path.Combine(folder.Path, ExportRecord.FileName)}.tmp, where kb export writes its record", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was written", refused.Message, StringComparison.Ordinal);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void A_file_changed_since_the_export_wrote_it_is_left_alone_and_said()
    {
        using var folder = new ExportFolder();
        var exporter = new KnowledgeBaseExporter();
        exporter.Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), folder.Path);
        folder.Write("entry-e-5d41402a.html", "<p>edited by hand</p>");

        var second = exporter.Export(WithoutLicence(), new ExportOptions(ExportFormat.Html), folder.Path);

        Assert.Equal(["topic-t-licence.html"], second.Removed);
        Assert.Equal(["entry-e-5d41402a.html"], second.Changed);
        Assert.Equal("<p>edited by hand</p>", folder.Read("entry-e-5d41402a.html"));

        // No longer the export's: the next export does not mention it again.
        var third = exporter.Export(WithoutLicence(), new ExportOptions(ExportFormat.Html), folder.Path);
        Assert.Empty(third.Removed);
        Assert.Empty(third.Changed);
    }

    [Fact]
    public void Another_format_into_the_same_folder_replaces_the_earlier_export()
    {
        using var folder = new ExportFolder();
        var exporter = new KnowledgeBaseExporter();
        var pages = exporter.Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Markdown), folder.Path);

        var json = exporter.Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Json), folder.Path);

        Assert.Equal(pages.Files.Order(StringComparer.Ordinal), json.Removed.Order(StringComparer.Ordinal));
        Assert.Equal(["faq.json"], folder.Files());
    }

    [Fact]
    public void The_faq_json_an_export_reads_stays_though_an_earlier_export_wrote_it_there()
    {
        using var folder = new ExportFolder();
        var exporter = new KnowledgeBaseExporter();
        exporter.Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Json), folder.Path);
        var input = Path.Combine(folder.Path, "faq.json");

        var pages = exporter.Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html) { Inputs = [input] }, folder.Path);

        Assert.Empty(pages.Removed);
        Assert.True(File.Exists(input));
        // No longer recorded as the export's: the next export leaves it alone too.
        Assert.DoesNotContain("faq.json", folder.Read(ExportRecord.FileName), StringComparison.Ordinal);
        Assert.DoesNotContain("faq.json", exporter.Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Markdown), folder.Path).Removed);
        Assert.True(File.Exists(input));
    }

    [Fact]
    public void Without_a_record_or_with_names_outside_the_folder_nothing_is_removed()
    {
        using var folder = new ExportFolder();
        var outside = Path.Combine(Path.GetDirectoryName(folder.Path)!, "kb-export-outside-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(outside, "not the export's");
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub"));
        var nested = folder.Write(Path.Combine("sub", "page.md"), "nested");
        var stale = folder.Write("topic-t-old.md", "an older kb's page, never recorded");
        try
        {
            var hash = new string('0', 64);
            folder.Write(ExportRecord.FileName, $"{hash}  ../{Path.GetFileName(outside)}\n{hash}  sub/page.md\n{hash}  {ExportRecord.FileName}\n");

            var result = new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Markdown), folder.Path);

            Assert.Empty(result.Removed);
            Assert.Empty(result.Changed);
            Assert.True(File.Exists(outside) && File.Exists(nested) && File.Exists(stale));
            Assert.DoesNotContain("../", folder.Read(ExportRecord.FileName), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    // The payments knowledge base after the licence entry was rejected: its page and its topic's go.
    private static KnowledgeBaseDocument WithoutLicence()
    {
        var document = SampleDocuments.Payments();
        return (document with { Entries = [document.Entries[0] with { Status = "rejected" }, .. document.Entries.Skip(1)] }).WithoutRejected();
    }
}
