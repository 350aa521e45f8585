using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Export;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// Runs the real <c>kb export --in faq.json</c> on a faq.json with a rejected entry (after <c>kb review reject</c> and a
/// rebuild): no format publishes it unless <c>--include-rejected</c> asks for it.
/// </summary>
public sealed class RejectedExportTests : IDisposable
{
    private const string RejectedQuestion = "办理支付牌照需要多少注册资本";

    private readonly ExportFolder folder = new();

    public void Dispose() => folder.Dispose();

    [KbBuiltTheory]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Kb_export_leaves_rejected_entries_out_and_says_how_many(string format)
    {
        var output = Path.Combine(folder.Path, format);

        var (code, _, stderr) = KbProcess.Run("export", "--format", format, "--in", WriteFaqJson(), "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("1 of 2 entries are rejected and left out", stderr, StringComparison.Ordinal);
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.DoesNotContain(RejectedQuestion, File.ReadAllText(file), StringComparison.Ordinal));
        Assert.Contains(files, file => File.ReadAllText(file).Contains("代付失败怎么查", StringComparison.Ordinal));
        if (format == "json")
        {
            Assert.Empty(FaqSchemaValidator.DocumentErrors(File.ReadAllText(Path.Combine(output, "faq.json"))));
        }
    }

    [KbBuiltFact]
    public void Kb_export_include_rejected_publishes_them_marked_as_rejected()
    {
        var output = Path.Combine(folder.Path, "html");

        var (code, _, stderr) = KbProcess.Run("export", "--format", "html", "--in", WriteFaqJson(), "--out", output, "--include-rejected");

        Assert.Equal(0, code);
        Assert.DoesNotContain("left out", stderr, StringComparison.Ordinal);
        var page = File.ReadAllText(Path.Combine(output, "entry-e-5d41402a.html"));
        Assert.Contains(RejectedQuestion, page, StringComparison.Ordinal);
        Assert.Contains("<dd>已拒绝", page, StringComparison.Ordinal);
    }

    [KbBuiltFact]
    public void Kb_export_again_into_the_same_folder_removes_the_page_of_an_entry_rejected_since_and_says_so()
    {
        var output = Path.Combine(folder.Path, "site");
        Assert.Equal(0, KbProcess.Run("export", "--format", "html", "--in", WriteFaqJson(rejected: false), "--out", output).ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "entry-e-5d41402a.html")));
        File.WriteAllText(Path.Combine(output, "README.txt"), "put here by the site's owner");

        var (code, _, stderr) = KbProcess.Run("export", "--format", "html", "--in", WriteFaqJson(), "--out", output);

        Assert.Equal(0, code);
        Assert.Contains($"removed 2 file(s) an earlier kb export wrote in {output} and this one does not", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "entry-e-5d41402a.html")));
        Assert.False(File.Exists(Path.Combine(output, "topic-t-licence.html")));
        Assert.True(File.Exists(Path.Combine(output, "README.txt")));
        Assert.All(Directory.GetFiles(output), file => Assert.DoesNotContain(RejectedQuestion, File.ReadAllText(file), StringComparison.Ordinal));
    }

    [KbBuiltFact]
    public void Kb_export_whose_record_cannot_be_written_writes_nothing_and_says_why()
    {
        var output = Path.Combine(folder.Path, "site");
        var record = Directory.CreateDirectory(Path.Combine(output, ExportRecord.FileName)).FullName;

        var (code, _, stderr) = KbProcess.Run("export", "--format", "json", "--in", WriteFaqJson(), "--out", output);

        Assert.Equal(2, code);
        Assert.Equal(
            $"kb export: {record} is a folder, but kb export keeps its record of the files it writes there: nothing was written (move the folder aside)\n",
            stderr[stderr.IndexOf("kb export:", StringComparison.Ordinal)..]);
        Assert.Equal([record], Directory.GetFileSystemEntries(output));
        Assert.Empty(Directory.GetFileSystemEntries(record));
    }

    private string WriteFaqJson(bool rejected = true)
    {
        var document = SampleDocuments.Payments();
        document = document with { Entries = [document.Entries[0] with { Status = rejected ? "rejected" : "candidate" }, .. document.Entries.Skip(1)] };
        var path = Path.Combine(folder.Path, "faq.json");
        new FaqJsonWriter().WriteFile(document, path);
        return path;
    }
}
