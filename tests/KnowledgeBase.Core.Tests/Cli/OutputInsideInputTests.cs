using System.Text.Json;
using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// The real <c>kb build chats --out chats/kb</c>, then <c>kb export --format markdown --out chats/kb/wiki</c>, then the
/// same build again: the exported pages (Markdown with a front matter) must not be read as chat logs of a group
/// <c>kb</c>, counted as skipped files or reported as problems; the build says once that it left its output folder out.
/// An export folder elsewhere in the input (it holds a <c>.kb-export</c> record) is left out the same way, by
/// <c>kb stats</c> too.
/// </summary>
public sealed class OutputInsideInputTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [KbBuiltFact]
    public void A_build_leaves_its_own_output_folder_inside_the_input_out_and_says_so()
    {
        var chats = CopyOfSample();
        var output = Path.Combine(chats, "kb");
        var (first, firstOut, _) = KbProcess.Run("build", chats, "--out", output);
        Assert.Equal(0, first);
        var (exported, _, exportErr) = KbProcess.Run("export", "--format", "markdown", "--in", Path.Combine(output, "faq.json"), "--out", Path.Combine(output, "wiki"));
        Assert.True(exported == 0, exportErr);
        var pages = Directory.GetFiles(output, "*.md", SearchOption.AllDirectories).Length;
        Assert.True(pages > 1, $"the export wrote {pages} Markdown page(s)");

        var (code, stdout, stderr) = KbProcess.Run("build", chats, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(firstOut.Split(" -> ")[0], stdout.Split(" -> ")[0]);
        Assert.Contains(
            $"kb build: note: the output folder {output} is inside the input folder: not searched for chat logs ({pages} *.md/*.markdown file(s) there not read)",
            stderr,
            StringComparison.Ordinal);
        Assert.DoesNotContain("kb/wiki/", stderr, StringComparison.Ordinal);
        using var faq = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "faq.json")));
        var input = faq.RootElement.GetProperty("input");
        Assert.Equal(0, input.GetProperty("skippedFiles").GetInt32());
        Assert.Equal(0, input.GetProperty("problems").GetInt32());
    }

    [KbBuiltFact]
    public void Build_and_stats_leave_out_an_export_folder_inside_the_input_that_is_not_the_output_and_say_so()
    {
        var chats = CopyOfSample();
        var output = Path.Combine(chats, "kb");
        var (first, firstOut, _) = KbProcess.Run("build", chats, "--out", output);
        Assert.Equal(0, first);
        var (_, statsBefore, _) = KbProcess.Run("stats", chats);
        var wiki = Path.Combine(chats, "wiki");
        var (exported, _, exportErr) = KbProcess.Run("export", "--format", "markdown", "--in", Path.Combine(output, "faq.json"), "--out", wiki);
        Assert.True(exported == 0, exportErr);
        var pages = Directory.GetFiles(wiki, "*.md", SearchOption.AllDirectories).Length;
        Assert.True(pages > 1, $"the export wrote {pages} Markdown page(s)");

        var (code, stdout, stderr) = KbProcess.Run("build", chats, "--out", output);
        var (statsCode, statsAfter, statsErr) = KbProcess.Run("stats", chats);

        Assert.True(code == 0, stderr);
        Assert.Equal(firstOut.Split(" -> ")[0], stdout.Split(" -> ")[0]);
        Assert.Contains(
            $"kb build: note: {wiki} holds a kb export (.kb-export): not searched for chat logs ({pages} *.md/*.markdown file(s) there not read)",
            stderr,
            StringComparison.Ordinal);
        Assert.DoesNotContain("wiki/", stderr, StringComparison.Ordinal);
        Assert.Equal((0, statsBefore), (statsCode, statsAfter));
        Assert.Equal(
            $"kb stats: note: {wiki} holds a kb export (.kb-export): not searched for chat logs ({pages} *.md/*.markdown file(s) there not read)\n",
            statsErr);
    }

    private string CopyOfSample()
    {
        var chats = Path.Combine(work.Path, "chats");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        FolderCopy.All(sample, chats);

        return chats;
    }
}
