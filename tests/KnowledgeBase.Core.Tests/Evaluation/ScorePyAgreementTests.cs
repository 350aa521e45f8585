using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

/// <summary>
/// Scores a made-up <c>faq.json</c> over the real gold days (plus a synthetic gold file on a day merged from two exports)
/// with both this scorer and <c>shared/gold-dev/score.py</c>, and requires the same numbers.
/// </summary>
public sealed class ScorePyAgreementTests : IDisposable
{
    private const double Tolerance = 1e-9;

    // A day merged from two exports (most messages appear twice), not in the development set.
    private const string MergedDay = "proddev/2017-12-24-chat.markdown";
    private const string UnlabelledDay = "proddev/2017-05-08-chat.markdown";

    private readonly TempDirectory _dir = new();

    [PythonFact(NeedsShared = true)]
    public void Agrees_with_score_py_with_the_corpus()
    {
        var (goldDir, faq) = WriteFixture();

        var ours = ExchangeScorer.Score(GoldSet.Load(goldDir), PredictedExchanges.LoadFaqJson(faq), SharedFolder.Corpus);
        string theirs = RunScorePy(goldDir, faq, "--corpus", SharedFolder.Corpus);

        AssertSame(theirs, ours);
        Assert.NotEqual(RunScorePy(goldDir, faq), theirs); // the fixture does exercise merged days
    }

    [PythonFact(NeedsShared = true)]
    public void Agrees_with_score_py_without_the_corpus()
    {
        var (goldDir, faq) = WriteFixture();

        var ours = ExchangeScorer.Score(GoldSet.Load(goldDir), PredictedExchanges.LoadFaqJson(faq), corpusDir: null);

        AssertSame(RunScorePy(goldDir, faq), ours);
    }

    public void Dispose() => _dir.Dispose();

    private static string RunScorePy(string goldDir, string faq, params string[] options) =>
        PythonProcess.Run([SharedFolder.ScorePy, goldDir, faq, "--json", .. options]);

    private static void AssertSame(string scorePyJson, EvaluationScore ours)
    {
        using var expected = JsonDocument.Parse(scorePyJson);
        using var actual = JsonDocument.Parse(ours.ToJson());
        var expectedFields = expected.RootElement.EnumerateObject().ToList();
        var actualFields = actual.RootElement.EnumerateObject().ToList();

        Assert.Equal(expectedFields.Select(f => f.Name), actualFields.Select(f => f.Name));
        foreach (var (e, a) in expectedFields.Zip(actualFields))
        {
            double difference = Math.Abs(e.Value.GetDouble() - a.Value.GetDouble());
            Assert.True(difference <= Tolerance, $"{e.Name}: score.py {e.Value}, ours {a.Value}");
        }

        Assert.InRange(ours.Matched, 1, ours.PredExchanges - 1); // a fixture where some but not all predictions match
    }

    // Copies the real gold files, adds a synthetic one on a merged day, and writes a faq.json with hits, near misses,
    // duplicates, repeats named by their second copy, false questions and odd topic ids.
    private (string GoldDir, string Faq) WriteFixture()
    {
        string goldDir = Path.Combine(_dir.Path, "gold");
        foreach (string file in Directory.EnumerateFiles(SharedFolder.GoldDev, "*.json", SearchOption.AllDirectories))
        {
            _dir.Write(Path.Combine("gold", Path.GetRelativePath(SharedFolder.GoldDev, file)), File.ReadAllText(file));
        }

        var gold = GoldSet.Load(goldDir);
        Assert.DoesNotContain(gold.Files, f => f.Path == MergedDay);
        _dir.Write(Path.Combine("gold", "synthetic", "merged.json"), SyntheticGold(MergedDay).ToJsonString());
        gold = GoldSet.Load(goldDir);

        var random = new Random(2026);
        var exchanges = new JsonArray();
        for (int f = 0; f < gold.Files.Count; f++)
        {
            GoldFile file = gold.Files[f];
            string next = gold.Files[(f + 1) % gold.Files.Count].Path;
            var lines = Lines(file.Path);
            var partner = Partners(file.Path);
            int Any() => lines[random.Next(lines.Count)];

            foreach (GoldExchange g in file.Exchanges)
            {
                switch (random.Next(7))
                {
                    case 0: // missed
                        break;
                    case 1: // exact
                        exchanges.Add(Exchange(random, file.Path, g.Questions, g.Answers, g.Topic));
                        break;
                    case 2: // first question line, answers shifted by one
                        exchanges.Add(Exchange(random, file.Path, g.Questions.Take(1), [.. g.Answers.Skip(1), Any()], random.Next(4)));
                        break;
                    case 3: // question plus a neighbour, no answers
                        exchanges.Add(Exchange(random, file.Path, [.. g.Questions, g.Questions[0] + 4], [], null));
                        break;
                    case 4: // two predictions on one question, equal overlap: the later one starts earlier and wins
                        exchanges.Add(Exchange(random, file.Path, g.Questions.Take(1), [], "dup"));
                        exchanges.Add(Exchange(random, file.Path, [g.Questions[0] - 4, g.Questions[0]], g.Answers.Take(1), JsonNode.Parse("2.0")));
                        break;
                    case 5: // named by the other copy where the day repeats messages
                        exchanges.Add(Exchange(random, file.Path, g.Questions.Select(partner), g.Answers.Select(partner), g.Topic));
                        break;
                    default: // question moved to the next message; topicId absent
                        exchanges.Add(Exchange(random, file.Path, g.Questions.Select(l => l + 4), g.Answers, "absent"));
                        break;
                }
            }

            for (int k = 0; k < 3; k++)
            {
                JsonNode?[] topics = ["settle", "arch", 3, null, true];
                exchanges.Add(Exchange(random, file.Path, [Any()], Enumerable.Range(0, random.Next(3)).Select(_ => Any()), topics[random.Next(topics.Length)]));
            }

            // Answers only: never scored.
            exchanges.Add(Exchange(random, file.Path, [], [Any()], "settle"));
            // A question here answered in the next gold file: scored in both.
            var spanning = Exchange(random, file.Path, [file.Exchanges is [var firstExchange, ..] ? firstExchange.Questions[0] : Any()], [], "span");
            ((JsonArray)spanning["messages"]!).Add(Message(next, Lines(next) is [var first, ..] ? first : 1, "answer"));
            exchanges.Add(spanning);
        }

        exchanges.Add(Exchange(random, UnlabelledDay, [9], [13], "settle"));
        string faq = _dir.Write("out/faq.json", new JsonObject { ["version"] = 1, ["exchanges"] = exchanges }.ToJsonString());
        return (goldDir, faq);
    }

    private static JsonObject SyntheticGold(string path)
    {
        var messages = MergedExportCanonicalizer.ReadMessages(Path.Combine(SharedFolder.Corpus, path));
        var exchanges = new JsonArray();
        for (int k = 0; k + 3 < messages.Count; k += 6)
        {
            var q = new JsonArray(messages[k].Line);
            if (k % 12 == 0)
            {
                q.Add(messages[k + 1].Line);
            }

            exchanges.Add(new JsonObject
            {
                ["q"] = q,
                ["a"] = new JsonArray(messages[k + 2].Line, messages[k + 3].Line),
                ["topic"] = $"t{k % 3}",
            });
        }

        return new JsonObject { ["path"] = path, ["exchanges"] = exchanges };
    }

    private static List<int> Lines(string path) =>
        [.. MergedExportCanonicalizer.ReadMessages(Path.Combine(SharedFolder.Corpus, path)).Select(m => m.Line)];

    // Line -> another line of the same message (a copy's first line, a first line's copy), or itself.
    private static Func<int, int> Partners(string path)
    {
        var map = MergedExportCanonicalizer.Map(Path.Combine(SharedFolder.Corpus, path));
        var copyOf = map.Where(p => p.Key != p.Value).GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);
        return line => map.GetValueOrDefault(line, line) is var first && first != line ? first : copyOf.GetValueOrDefault(line, line);
    }

    private static JsonObject Exchange(Random random, string path, IEnumerable<int> questions, IEnumerable<int> answers, JsonNode? topic)
    {
        var messages = new JsonArray();
        foreach (int line in questions)
        {
            messages.Add(Message(PathVariant(random, path), line, "question"));
        }

        foreach (int line in answers)
        {
            messages.Add(Message(PathVariant(random, path), line, "answer"));
        }

        messages.Add(Message(path, 1, "context"));
        var exchange = new JsonObject { ["id"] = $"e{random.Next()}", ["messages"] = messages };
        if (topic?.GetValueKind() != JsonValueKind.String || topic.GetValue<string>() != "absent")
        {
            exchange["topicId"] = topic;
        }

        return exchange;
    }

    private static JsonObject Message(string path, int line, string role) =>
        new() { ["path"] = path, ["line"] = line, ["role"] = role, ["speaker"] = "someone", ["text"] = "…" };

    private static string PathVariant(Random random, string path) => random.Next(3) switch
    {
        0 => path,
        1 => "out/corpus/" + path,
        _ => @"C:\data\" + path.Replace('/', '\\'),
    };
}
