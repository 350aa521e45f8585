using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Curation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// <c>kb review list</c> and <c>kb review history</c> cut at <c>--limit</c>: a cut list says so (how many of how many for
/// the list), and both refuse a limit under 1 alike.
/// </summary>
public sealed class ReviewLimitTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-limit-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void A_list_cut_at_the_limit_says_how_many_of_how_many_were_shown()
    {
        var db = Store();

        var cut = KbProcess.Run("review", "list", "--db", db, "--limit", "2");
        var whole = KbProcess.Run("review", "list", "--db", db, "--limit", "3");
        var json = KbProcess.Run("review", "list", "--db", db, "--limit", "1", "--json");

        Assert.Equal((0, 2), (cut.ExitCode, cut.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal("kb review list: 2 of 3 entries shown (--limit <n> shows more)\n", cut.Stderr);
        Assert.Equal((0, string.Empty), (whole.ExitCode, whole.Stderr));
        Assert.Equal("kb review list: 1 of 3 entries shown (--limit <n> shows more)\n", json.Stderr);
    }

    [KbBuiltFact]
    public void A_history_cut_at_the_limit_says_there_is_more()
    {
        var db = Store();
        Assert.Equal(0, KbProcess.Run("review", "approve", "e-settle", "e-refund", "e-license", "--db", db, "--as", "alice").ExitCode);
        var rows = KbProcess.Run("review", "history", "--db", db).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        var cut = KbProcess.Run("review", "history", "--db", db, "--limit", (rows - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var whole = KbProcess.Run("review", "history", "--db", db, "--limit", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((0, rows - 1), (cut.ExitCode, cut.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal($"kb review history: the newest {rows - 1} rows shown; there are older ones (--limit <n> shows more)\n", cut.Stderr);
        Assert.Equal((0, rows, string.Empty), (whole.ExitCode, whole.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, whole.Stderr));
    }

    [KbBuiltTheory]
    [InlineData("list", "0")]
    [InlineData("list", "-5")]
    [InlineData("history", "0")]
    [InlineData("history", "-5")]
    public void A_limit_under_1_is_refused_by_list_and_history_alike(string verb, string limit)
    {
        var db = Store();

        var (code, stdout, stderr) = KbProcess.Run("review", verb, "--db", db, "--limit", limit);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Contains("--limit must be at least 1", stderr, StringComparison.Ordinal);
    }

    // A store of the fixture's three entries.
    private string Store()
    {
        var faq = Path.Combine(work, "faq.json");
        new FaqJsonWriter().WriteFile(CurationFixture.Build(), faq);
        var db = Path.Combine(work, "kb.db");
        Assert.Equal(0, KbProcess.Run("review", "import", faq, "--db", db).ExitCode);
        return db;
    }
}
