using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Curation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary><c>kb review approve|reject|reset</c> with several ids changes all of them, or none when one is unknown.</summary>
public sealed class ReviewSeveralIdsTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-several-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Approve_with_an_unknown_id_among_several_changes_none_and_names_it()
    {
        var faq = Path.Combine(work, "faq.json");
        new FaqJsonWriter().WriteFile(CurationFixture.Build(), faq);
        var db = Path.Combine(work, "kb.db");
        Assert.Equal(0, KbProcess.Run("review", "import", faq, "--db", db).ExitCode);

        var (code, stdout, stderr) = KbProcess.Run("review", "approve", "e-settle", "nosuch", "e-license", "--db", db);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Equal("kb review: nothing was changed: no entry nosuch in the store\n", stderr);
        Assert.DoesNotContain("approved", KbProcess.Run("review", "list", "--db", db).Stdout, StringComparison.Ordinal);

        var (rejected, lines, _) = KbProcess.Run("review", "reject", "e-settle", "e-license", "--db", db);

        Assert.Equal(0, rejected);
        Assert.Equal("e-settle\trejected\tversion 2\ne-license\trejected\tversion 2\n", lines);
    }
}
