using System.Text.Json;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// An analyst types a phone number and an e-mail address into an answer: the store keeps them as typed, but the faq.json
/// that <c>kb build</c> and <c>kb review import --out</c> write has them masked, unless <c>--no-mask</c>.
/// </summary>
public sealed class EditedTextMaskingTests : IDisposable
{
    private const string TypedAnswer = "找我：13812345678 / li@example.com";

    private readonly string work = Directory.CreateTempSubdirectory("kb-edit-mask-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void An_edited_answer_reaches_faq_json_masked_unless_no_mask()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var db = Path.Combine(output, "kb.db");
        var faqJson = Path.Combine(output, "faq.json");
        var id = FirstEntryId(faqJson);
        Assert.Equal(0, KbProcess.Run("review", "edit", id, "--answer", TypedAnswer, "--db", db, "--as", "alice").ExitCode);

        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);

        Assert.Equal("找我：[手机号] / [邮箱]", AnswerOf(faqJson, id));
        var imported = Path.Combine(work, "imported.json");
        Assert.Equal(0, KbProcess.Run("review", "import", faqJson, "--db", db, "--out", imported).ExitCode);
        Assert.Equal("找我：[手机号] / [邮箱]", AnswerOf(imported, id));

        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output, "--no-mask").ExitCode);

        Assert.Equal(TypedAnswer, AnswerOf(faqJson, id));
    }

    private static string FirstEntryId(string faqJson)
    {
        using var faq = JsonDocument.Parse(File.ReadAllBytes(faqJson));
        return faq.RootElement.GetProperty("entries")[0].GetProperty("id").GetString()!;
    }

    private static string AnswerOf(string faqJson, string id)
    {
        using var faq = JsonDocument.Parse(File.ReadAllBytes(faqJson));
        return faq.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == id)
            .GetProperty("answer").GetString()!;
    }
}
