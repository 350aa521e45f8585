using System.Text.Json;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary><c>kb review</c> takes an entry by a prefix of its id, as <c>kb show</c> does, and refuses one that names several.</summary>
public sealed class ReviewIdPrefixTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-prefix-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Review_approve_takes_a_unique_prefix_and_refuses_an_ambiguous_one()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var db = Path.Combine(output, "kb.db");
        using var faq = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "faq.json")));
        var ids = faq.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        var id = ids[0];
        var prefix = Enumerable.Range(2, id.Length - 1).Select(n => id[..n]).First(p => ids.Count(i => i.StartsWith(p, StringComparison.Ordinal)) == 1);

        var (code, stdout, _) = KbProcess.Run("review", "approve", prefix, "--db", db);

        Assert.Equal(0, code);
        Assert.StartsWith($"{id}\tapproved\t", stdout);

        var (ambiguous, _, stderr) = KbProcess.Run("review", "reject", "q", "--db", db);

        Assert.Equal(2, ambiguous);
        Assert.Contains("q names several entries: ", stderr);
    }

    [KbBuiltFact]
    public void Kb_show_names_the_entries_an_ambiguous_prefix_names_in_id_order_and_says_when_there_are_more()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var faq = Path.Combine(output, "faq.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(faq));
        var ids = document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.True(ids.Count > 5, "the sample has more than five entries");
        var two = ids.SelectMany(id => Enumerable.Range(2, 3).Select(n => id[..n])).First(p => ids.Count(i => i.StartsWith(p, StringComparison.Ordinal)) is >= 2 and <= 5);
        var named = ids.Where(i => i.StartsWith(two, StringComparison.Ordinal)).ToList();

        var (few, _, fewError) = KbProcess.Run("show", two, "--in", faq);
        var (all, _, allError) = KbProcess.Run("show", "q", "--in", faq);

        Assert.Equal((2, 2), (few, all));
        Assert.Contains($"'{two}' names {named.Count} entries: {string.Join(", ", named)}; give more of the id", fewError, StringComparison.Ordinal);
        Assert.Contains($"'q' names {ids.Count} entries: {string.Join(", ", ids.Take(5))}, …; give more of the id", allError, StringComparison.Ordinal);
    }
}
