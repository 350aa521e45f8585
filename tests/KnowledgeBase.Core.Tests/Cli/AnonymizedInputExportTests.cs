using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Export;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// <c>kb export --anonymize-speakers</c> of a faq.json an anonymized export wrote: its pseudonyms are kept, each person
/// still one, and stderr says so (a pseudonym read back as a nick parsed as the name 成员, and everyone became one person).
/// </summary>
public sealed class AnonymizedInputExportTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [KbBuiltFact]
    public void An_anonymized_faq_json_exported_anonymized_again_keeps_its_pseudonyms_and_says_so()
    {
        var built = Path.Combine(work.Path, "faq.json");
        new FaqJsonWriter().WriteFile(SampleDocuments.Payments(), built);
        var first = Path.Combine(work.Path, "first");
        var second = Path.Combine(work.Path, "second");
        var (anonymized, _, anonymizeErrors) = KbProcess.Run("export", "--anonymize-speakers", "--pseudonym-key", "k", "--in", built, "--out", first);
        Assert.True(anonymized == 0, anonymizeErrors);
        var once = Path.Combine(first, "faq.json");

        var (code, stdout, stderr) = KbProcess.Run("export", "--anonymize-speakers", "--pseudonym-key", "other", "--in", once, "--out", second);

        Assert.True(code == 0, stderr);
        Assert.Contains(
            $"kb export: WARNING: the speakers in {once} are anonymized already (成员-…, an earlier kb export): their pseudonyms are kept as they are, not anonymized again; " +
            "--pseudonym-key cannot apply to them",
            stderr,
            StringComparison.Ordinal);
        Assert.EndsWith("speakers anonymized (pseudonyms kept)\n", stdout, StringComparison.Ordinal);
        var speakers = Speakers(Path.Combine(second, "faq.json"));
        Assert.Equal(Speakers(once), speakers);
        Assert.Equal(4, speakers.Distinct().Count());
        Assert.DoesNotContain("WARNING", KbProcess.Run("export", "--anonymize-speakers", "--in", built, "--out", Path.Combine(work.Path, "third")).Stderr, StringComparison.Ordinal);
    }

    private static List<string> Speakers(string faqJson) =>
        new FaqJsonReader().ReadFile(faqJson).Exchanges.SelectMany(x => x.Messages).Select(m => m.Message.Speaker.Raw).ToList();
}
