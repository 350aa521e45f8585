using System.Text.Json;
using KnowledgeBase.Core.Tests.Export;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// After analysts move every entry of a topic to another one and reject an entry, every faq.json <c>kb export</c> writes
/// (default, <c>--answered-only</c>, <c>--status approved</c>) is closed and counted: each topic an exchange or entry
/// names is in topics[], and each exchangeCount counts the exchanges of that file.
/// </summary>
public sealed class ExportedTopicsTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-export-topics-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Every_exported_faq_json_lists_the_topics_it_names_and_counts_its_exchanges()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var faqJson = Path.Combine(output, "faq.json");
        var db = Path.Combine(output, "kb.db");
        var (topics, entriesByTopic) = Read(faqJson);
        Assert.True(topics.Count >= 3, "the sample has at least three topics");
        var (emptied, target, other) = (topics[^1], topics[0], topics[1]);
        foreach (var id in entriesByTopic[emptied])
        {
            Assert.Equal(0, KbProcess.Run("review", "edit", id, "--topic", target, "--db", db, "--as", "alice").ExitCode);
            Assert.Equal(0, KbProcess.Run("review", "approve", id, "--db", db, "--as", "alice").ExitCode);
        }

        Assert.Equal(0, KbProcess.Run("review", "reject", entriesByTopic[other][0], "--db", db, "--as", "alice").ExitCode);

        string[][] variants =
        [
            ["--in", faqJson],
            ["--in", faqJson, "--answered-only"],
            ["--status", "approved", "--db", db],
        ];
        foreach (var (variant, n) in variants.Select((v, n) => (v, n)))
        {
            var exported = Path.Combine(work, "exp" + n);
            var (code, _, stderr) = KbProcess.Run(["export", "--format", "json", .. variant, "--out", exported]);

            Assert.True(code == 0, stderr);
            var json = File.ReadAllText(Path.Combine(exported, "faq.json"));
            Assert.Equal([], FaqSchemaValidator.DocumentErrors(json).Select(e => string.Join(' ', variant) + ": " + e));
        }
    }

    private static (List<string> Topics, Dictionary<string, List<string>> EntriesByTopic) Read(string faqJson)
    {
        using var faq = JsonDocument.Parse(File.ReadAllBytes(faqJson));
        var topics = faq.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        var entries = faq.RootElement.GetProperty("entries").EnumerateArray()
            .GroupBy(e => e.GetProperty("topicId").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("id").GetString()!).ToList());
        return (topics, entries);
    }
}
