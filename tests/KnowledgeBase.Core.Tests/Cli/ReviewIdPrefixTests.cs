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
}
