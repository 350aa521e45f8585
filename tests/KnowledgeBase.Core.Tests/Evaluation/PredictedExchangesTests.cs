using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class PredictedExchangesTests
{
    [Theory]
    [InlineData("prodarch/2017-12-22-chat.markdown", "prodarch/2017-12-22-chat.markdown")]
    [InlineData("/data/corpus/prodarch/2017-12-22-chat.markdown", "prodarch/2017-12-22-chat.markdown")]
    [InlineData(@"corpus\prodarch\2017-12-22-chat.markdown", "prodarch/2017-12-22-chat.markdown")]
    [InlineData("2017-12-22-chat.markdown", "2017-12-22-chat.markdown")]
    public void NormalizePath_keeps_the_last_two_parts(string path, string expected)
    {
        Assert.Equal(expected, PredictedExchanges.NormalizePath(path));
    }

    [Theory]
    [InlineData("""{"input": {"root": "../shared/corpus"}, "exchanges": []}""", "../shared/corpus")]
    [InlineData("""{"input": {"files": 3}, "exchanges": []}""", null)]
    [InlineData("""{"exchanges": []}""", null)]
    public void ParseFaqJson_keeps_the_folder_the_build_read(string json, string? root)
    {
        Assert.Equal(root, PredictedExchanges.ParseFaqJson(json).InputRoot);
    }

    [Fact]
    public void LoadFaqJson_names_the_file_that_is_not_json()
    {
        using var dir = new TempDirectory();
        string faq = dir.Write("faq.json", "{broken");

        var error = Assert.Throws<InvalidDataException>(() => PredictedExchanges.LoadFaqJson(faq));

        Assert.StartsWith($"{faq}: not valid JSON: ", error.Message);
    }

    [Fact]
    public void LoadFaqJson_reads_roles_and_ignores_other_fields()
    {
        using var dir = new TempDirectory();
        string faq = dir.Write("faq.json", """
            {"version": 2, "generated": "2026-01-01", "topics": [{"id": 3}],
             "exchanges": [
               {"id": "e1", "topicId": 3, "question": "how?", "score": 0.9,
                "messages": [
                  {"path": "out/prodarch/d.markdown", "line": 12, "role": "question", "speaker": "A", "text": "how?"},
                  {"path": "prodarch/d.markdown", "line": "14", "role": "answer"},
                  {"path": "prodarch/d.markdown", "line": 13, "role": "context"},
                  {"path": "prodarch/d.markdown", "role": "context"},
                  {"path": "prodarch/e.markdown", "line": 2, "role": "answer"},
                  {"path": "prodarch/d.markdown", "line": 12, "role": "question"}
                ]}
             ]}
            """);

        var exchange = Assert.Single(PredictedExchanges.LoadFaqJson(faq).Exchanges);

        Assert.Equal(["prodarch/d.markdown", "prodarch/e.markdown"], exchange.Paths);
        Assert.Equal([12], exchange.Questions.Order());
        Assert.Equal([2, 14], exchange.Answers.Order());
        Assert.Equal("3", exchange.Topic);
    }

    [Theory]
    [InlineData("\"settle\"", "settle")]
    [InlineData("7", "7")]
    [InlineData("-0", "0")]
    [InlineData("2.0", "2.0")]
    [InlineData("1e2", "100.0")]
    [InlineData("true", "True")]
    [InlineData("null", "None")]
    [InlineData(null, "None")]
    public void Topic_ids_are_compared_as_python_prints_them(string? topicId, string expected)
    {
        string topic = topicId is null ? "" : $"\"topicId\": {topicId}, ";
        string json = $$"""{"exchanges": [{ {{topic}}"messages": [{"path": "g/d.markdown", "line": 1, "role": "question"}]}]}""";

        var parsed = PredictedExchanges.ParseFaqJson(json);

        Assert.Equal(expected, Assert.Single(parsed.Exchanges).Topic);
    }

    [Fact]
    public void A_document_without_exchanges_has_none()
    {
        Assert.Empty(PredictedExchanges.ParseFaqJson("""{"topics": []}""").Exchanges);
    }

    [Theory]
    [InlineData("[]", "not a faq.json: the document should be an object, not a list")]
    [InlineData("\"faq\"", "not a faq.json: the document should be an object, not a string")]
    [InlineData("""{"exchanges": {}}""", "not a faq.json: 'exchanges' should be a list, not an object")]
    public void A_document_that_is_no_faq_json_is_an_error_the_scorer_would_fail_on_too(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => PredictedExchanges.ParseFaqJson(json)).Message);
    }

    [Theory]
    [InlineData("""{"line": 1, "role": "question"}""")]
    [InlineData("""{"path": "g/d.markdown", "role": "answer"}""")]
    [InlineData("""{"path": "g/d.markdown", "line": "twelve", "role": "question"}""")]
    public void A_message_the_scorer_cannot_place_is_an_error(string message)
    {
        Assert.Throws<InvalidDataException>(() => PredictedExchanges.ParseFaqJson($$"""{"exchanges": [{"messages": [{{message}}]}]}"""));
    }

    [Fact]
    public void From_tuples_normalises_paths_and_keeps_order()
    {
        var pred = PredictedExchanges.From([
            ("x/g/d.markdown", [3, 1, 3], [4], "a"),
            ("g/d.markdown", [], [5], "b"),
        ]);

        Assert.Collection(pred.Exchanges,
            e =>
            {
                Assert.Equal(["g/d.markdown"], e.Paths);
                Assert.Equal([1, 3], e.Questions.Order());
                Assert.Equal("a", e.Topic);
            },
            e => Assert.Empty(e.Questions));
    }
}
