using System.Text.Json;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// Two builds of the same output differing by one day: topic ids keep their meaning, and an entry an analyst moved to a
/// topic the second build no longer produces keeps that topic, listed in topics[] with its label, and both export paths
/// file it there.
/// </summary>
public sealed class StableTopicIdTests : IDisposable
{
    private const string RemovedDay = "2024-03-06-chat.markdown";

    private readonly string work = Directory.CreateTempSubdirectory("kb-topic-ids-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Topic_ids_survive_a_day_removed_and_a_moved_entry_keeps_a_topic_that_went()
    {
        var input = CopySample();
        var output = Path.Combine(work, "out");
        var faqJson = Path.Combine(output, "faq.json");
        var db = Path.Combine(output, "kb.db");
        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);
        var first = Read(faqJson);
        // A fresh output numbers topics by size, as before.
        Assert.Equal(Enumerable.Range(1, first.Topics.Count).Select(n => $"t{n:00}"), first.Topics.Select(t => t.Id));

        // A topic made only of the removed day's exchanges cannot come back; move to it every entry the other days make.
        var gone = first.Topics.First(t => first.Exchanges.Where(e => e.TopicId == t.Id).All(e => e.Path.EndsWith(RemovedDay, StringComparison.Ordinal)));
        var moved = first.Entries.Where(e => e.TopicId != gone.Id && e.Sources.All(s => !s.EndsWith(RemovedDay, StringComparison.Ordinal))).Select(e => e.Id).ToList();
        foreach (var id in moved)
        {
            Assert.Equal(0, KbProcess.Run("review", "edit", id, "--topic", gone.Id, "--db", db, "--as", "alice").ExitCode);
        }

        File.Move(Path.Combine(input, "payexpert", RemovedDay), Path.Combine(work, RemovedDay));
        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);
        var second = Read(faqJson);

        Assert.DoesNotContain(second.Exchanges, e => e.TopicId == gone.Id);
        Assert.All(second.Entries, e => Assert.Contains(e.TopicId, second.Topics.Select(t => t.Id)));
        var kept = second.Entries.Where(e => moved.Contains(e.Id)).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, e => Assert.Equal(gone.Id, e.TopicId));
        Assert.Equal((gone.Label, 0), second.Topics.Where(t => t.Id == gone.Id).Select(t => (t.Label, t.ExchangeCount)).Single());
        // Every id both builds give means the same topic: it holds exchanges it held before.
        foreach (var topic in second.Topics.Where(t => t.ExchangeCount > 0 && first.Topics.Any(f => f.Id == t.Id)))
        {
            var before = first.Exchanges.Where(e => e.TopicId == topic.Id).Select(e => e.Id);
            Assert.Contains(second.Exchanges.Where(e => e.TopicId == topic.Id).Select(e => e.Id), before.Contains);
        }

        // Both exports file the moved entry under the topic it was moved to, with the topic's label.
        var entry = kept[0].Id;
        Assert.Equal(0, KbProcess.Run("review", "approve", entry, "--db", db, "--as", "alice").ExitCode);
        Assert.Equal(0, KbProcess.Run("export", "--format", "markdown", "--in", faqJson, "--out", Path.Combine(work, "from-faq")).ExitCode);
        Assert.Equal(0, KbProcess.Run("export", "--format", "markdown", "--status", "approved", "--db", db, "--out", Path.Combine(work, "from-db")).ExitCode);
        foreach (var export in new[] { "from-faq", "from-db" })
        {
            var page = File.ReadAllText(Path.Combine(work, export, $"topic-{gone.Id}.md"));
            Assert.Contains($"id=\"entry-{entry}\"", page, StringComparison.Ordinal);
            Assert.Contains($"title: \"{gone.Label}\"", page, StringComparison.Ordinal);
        }
    }

    [KbBuiltFact]
    public void A_day_added_leaves_every_exchange_in_its_topic_unless_topics_are_chosen_afresh()
    {
        var input = CopySample();
        var output = Path.Combine(work, "out");
        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);
        var first = Read(Path.Combine(output, "faq.json"));
        var fresh = Path.Combine(work, "fresh");
        CopyFolder(output, fresh);

        File.WriteAllText(Path.Combine(input, "payexpert", "2024-03-08-chat.markdown"), string.Join('\n',
            "---", "title:      \"2024-03-08-WeChat\"", "date:       2024-03-08 12:00:00", "---",
            "> 09:01:10  林一-云付-产品-杭州  ", "", "请问二类户绑卡以后单日限额是多少？有没有做过的朋友", "",
            "> 09:02:30  韩子墨-朗月科技-技术-深圳  ", "", "二类户非绑定账户转入单日限额一万，绑定账户不限", ""));
        var continued = KbProcess.Run("build", input, "--out", output);
        var afresh = KbProcess.Run("build", input, "--out", fresh, "--fresh-topics");

        Assert.Equal(0, continued.ExitCode);
        Assert.Contains($"topics: the previous build's {first.Topics.Count} topics continued: {first.Exchanges.Count} exchanges it had kept their topics", continued.Stderr, StringComparison.Ordinal);
        var second = Read(Path.Combine(output, "faq.json"));
        Assert.True(second.Exchanges.Count > first.Exchanges.Count, "the added day gave no exchange");
        var topicOf = second.Exchanges.ToDictionary(e => e.Id, e => e.TopicId);
        Assert.All(first.Exchanges, e => Assert.Equal(e.TopicId, topicOf[e.Id]));
        Assert.Equal(0, afresh.ExitCode);
        Assert.DoesNotContain("topics: the previous build's", afresh.Stderr, StringComparison.Ordinal);
        Assert.Contains("topics: chosen afresh (--fresh-topics)", afresh.Stderr, StringComparison.Ordinal);
    }

    [KbBuiltFact]
    public void A_line_added_above_a_days_questions_leaves_every_exchange_in_its_topic()
    {
        var input = CopySample();
        var output = Path.Combine(work, "out");
        Assert.Equal(0, KbProcess.Run("build", input, "--out", output).ExitCode);
        var first = Read(Path.Combine(output, "faq.json"));

        // A greeting at the top of a day moves every header of that day down: its exchanges get new ids.
        var day = Path.Combine(input, "payexpert", "2024-03-05-chat.markdown");
        var lines = File.ReadAllLines(day).ToList();
        lines.InsertRange(lines.FindIndex(l => l.StartsWith("> ", StringComparison.Ordinal)), ["> 07:00:00  新人  ", "   ", "大家早  ", "   "]);
        File.WriteAllLines(day, lines);
        var moved = KbProcess.Run("build", input, "--out", output);
        var second = Read(Path.Combine(output, "faq.json"));

        Assert.Equal(0, moved.ExitCode);
        Assert.NotEqual(first.Exchanges.Select(e => e.Id).Order(), second.Exchanges.Select(e => e.Id).Order());
        Assert.Contains($"{first.Exchanges.Count} exchanges it had kept their topics, 0 new ones", moved.Stderr, StringComparison.Ordinal);
        Assert.Equal(TopicByQuestion(first), TopicByQuestion(second));
    }

    // Each exchange's topic, by where its first message is in the chat (path, time, speaker), which a line added above does not change.
    private static Dictionary<string, string?> TopicByQuestion(Faq faq) =>
        faq.Exchanges.ToDictionary(e => e.Question, e => e.TopicId, StringComparer.Ordinal);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private string CopySample()
    {
        var input = Path.Combine(work, "in", "payexpert");
        Directory.CreateDirectory(input);
        foreach (var file in Directory.GetFiles(Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample", "payexpert")))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        return Path.Combine(work, "in");
    }

    private static Faq Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        return new Faq(
            root.GetProperty("topics").EnumerateArray()
                .Select(t => new FaqTopic(t.GetProperty("id").GetString()!, t.GetProperty("label").GetString()!, t.GetProperty("exchangeCount").GetInt32()))
                .ToList(),
            root.GetProperty("exchanges").EnumerateArray()
                .Select(e => new FaqExchange(
                    e.GetProperty("id").GetString()!,
                    e.GetProperty("path").GetString()!,
                    e.GetProperty("topicId").GetString(),
                    string.Join('|', e.GetProperty("messages")[0].GetProperty("path").GetString(), e.GetProperty("messages")[0].GetProperty("time").GetString(), e.GetProperty("messages")[0].GetProperty("speaker").GetString())))
                .ToList(),
            root.GetProperty("entries").EnumerateArray()
                .Select(e => new FaqItem(
                    e.GetProperty("id").GetString()!,
                    e.GetProperty("topicId").GetString()!,
                    e.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("path").GetString()!).ToList()))
                .ToList());
    }

    private sealed record Faq(List<FaqTopic> Topics, List<FaqExchange> Exchanges, List<FaqItem> Entries);

    private sealed record FaqTopic(string Id, string Label, int ExchangeCount);

    private sealed record FaqExchange(string Id, string Path, string? TopicId, string Question);

    private sealed record FaqItem(string Id, string TopicId, List<string> Sources);
}
