using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// <c>kb eval --gold</c> on a folder that holds more than label files (<c>data/labels</c>, its own help's example): other
/// JSON files are skipped and named on stderr; a label file that does not parse, or a folder with no label file, is
/// refused with exit code 2 and a message naming it.
/// </summary>
public sealed class EvalGoldFolderTests : IDisposable
{
    private readonly TempDirectory work = new();

    public EvalGoldFolderTests() => work.Write("faq.json", """{"exchanges": []}""");

    public void Dispose() => work.Dispose();

    [KbBuiltFact]
    public void The_project_s_own_labels_folder_is_scored_and_its_other_json_files_are_named()
    {
        var labels = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "labels");

        var (code, stdout, error) = KbProcess.Run("eval", "--gold", labels, Path.Combine(work.Path, "faq.json"));

        // An empty faq.json read none of them: scored all the same, and exit code 1 says the input did not fit.
        Assert.True(code == 1, error);
        Assert.Contains($"kb eval: note: {Path.Combine(labels, "splits.json")} skipped: not a label file: an object without \"path\" and \"exchanges\"", error, StringComparison.Ordinal);
        Assert.Contains($"kb eval: note: {Path.Combine(labels, "review-2026-11-30.json")} skipped: not a label file: a JSON array", error, StringComparison.Ordinal);
        var days = Directory.GetFiles(labels, "*-chat.json", SearchOption.AllDirectories).Length;
        Assert.Contains($"{days} labelled files, ", stdout, StringComparison.Ordinal);
        Assert.Contains($"none of the {days} labelled files were in the input", error, StringComparison.Ordinal);
    }

    [KbBuiltFact]
    public void A_label_file_that_does_not_parse_is_named_with_its_line()
    {
        var bad = work.Write("gold/g/d.json", "{\"path\": \"g/d.markdown\",\n \"exchanges\": [oops]}");

        var (code, stdout, error) = KbProcess.Run("eval", "--gold", Path.Combine(work.Path, "gold"), Path.Combine(work.Path, "faq.json"));

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Equal($"kb eval: {bad}:2:16: not valid JSON: 'o' is an invalid start of a value.\n", error);
    }

    [KbBuiltFact]
    public void A_gold_folder_without_label_files_is_refused()
    {
        work.Write("gold/splits.json", """{"train": []}""");

        var (code, stdout, error) = KbProcess.Run("eval", "--gold", Path.Combine(work.Path, "gold"), Path.Combine(work.Path, "faq.json"), "--json");

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.StartsWith($"kb eval: no label files in {Path.Combine(work.Path, "gold")}", error, StringComparison.Ordinal);
    }
}
