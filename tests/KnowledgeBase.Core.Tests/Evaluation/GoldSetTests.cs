using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class GoldSetTests
{
    [Fact]
    public void Load_reads_every_json_file_below_the_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("prodarch/2017-12-22-chat.json", """
            {"path": "prodarch/2017-12-22-chat.markdown",
             "exchanges": [{"q": [29, 33], "a": [37], "topic": "settle", "answered": true, "note": "n"},
                           {"q": [50], "a": [], "topic": null}]}
            """);
        dir.Write("more/devarch/2018-01-11-chat.json", """{"path": "devarch/2018-01-11-chat.markdown", "exchanges": []}""");
        dir.Write("README.md", "not a gold file");

        var gold = GoldSet.Load(dir.Path);

        // Files of a folder before its subfolders, each by name: more/ before prodarch/.
        Assert.Equal(["devarch/2018-01-11-chat.markdown", "prodarch/2017-12-22-chat.markdown"], gold.Files.Select(f => f.Path));
        var first = gold.Files[1].Exchanges;
        Assert.Equal([29, 33], first[0].Questions);
        Assert.Equal([37], first[0].Answers);
        Assert.Equal("settle", first[0].Topic);
        Assert.Null(first[1].Topic);
        Assert.Empty(gold.Files[0].Exchanges);
    }

    [Fact]
    public void ReadGoldFile_reads_one_day()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("g/d.json", """{"path": "g/d.markdown", "exchanges": [{"q": [5], "a": [9, 13], "topic": "arch"}]}""");

        var file = GoldSet.ReadGoldFile(path);

        Assert.Equal("g/d.markdown", file.Path);
        var exchange = Assert.Single(file.Exchanges);
        Assert.Equal([5], exchange.Questions);
        Assert.Equal([9, 13], exchange.Answers);
        Assert.Equal("arch", exchange.Topic);
    }

    [Fact]
    public void Files_without_predictions_are_the_labelled_days_no_predicted_exchange_cites()
    {
        var gold = new GoldSet([
            new GoldFile("devarch/2018-01-11-chat.markdown", []),
            new GoldFile("prodarch/2017-12-22-chat.markdown", [new GoldExchange([12], [14], "settle")]),
            new GoldFile("proddev/2018-03-05-chat.markdown", [new GoldExchange([45], [65], "account")]),
        ]);
        var predictions = PredictedExchanges.From([("corpus/prodarch/2017-12-22-chat.markdown", [12], [14], "t1")]);

        Assert.Equal(["devarch/2018-01-11-chat.markdown", "proddev/2018-03-05-chat.markdown"], gold.FilesWithoutPredictions(predictions));
    }

    [Fact]
    public void Two_gold_files_for_one_day_are_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write("a/d.json", """{"path": "g/d.markdown", "exchanges": []}""");
        dir.Write("b/d.json", """{"path": "g/d.markdown", "exchanges": []}""");

        Assert.Throws<InvalidDataException>(() => GoldSet.Load(dir.Path));
    }

    [Theory]
    [InlineData("""{"exchanges": []}""")]
    [InlineData("""{"path": "g/d.markdown", "exchanges": [{"a": [], "topic": "t"}]}""")]
    [InlineData("""{"path": "g/d.markdown", "exchanges": [{"q": [1], "topic": "t"}]}""")]
    public void A_gold_file_without_path_or_lines_is_an_error(string json)
    {
        using var dir = new TempDirectory();
        dir.Write("g/d.json", json);

        Assert.Throws<InvalidDataException>(() => GoldSet.Load(dir.Path));
    }

    [Fact]
    public void Load_leaves_out_json_files_that_are_not_label_files_and_says_why()
    {
        using var dir = new TempDirectory();
        dir.Write("g/d.json", """{"path": "g/d.markdown", "exchanges": [{"q": [5], "a": [9], "topic": "arch"}]}""");
        string review = dir.Write("review-2026-11-30.json", """[{"path": "g/d.markdown", "exchange_q": [5], "verdict": "keep"}]""");
        string splits = dir.Write("splits.json", """{"train": ["g/d.json"], "heldout": []}""");

        var gold = GoldSet.Load(dir.Path);

        Assert.Equal(["g/d.markdown"], gold.Files.Select(f => f.Path));
        Assert.Equal(
            [
                new SkippedGoldFile(review, "not a label file: a JSON array, not an object with \"path\" and \"exchanges\""),
                new SkippedGoldFile(splits, "not a label file: an object without \"path\" and \"exchanges\" (its keys: train, heldout)"),
            ],
            gold.Skipped);
    }

    [Fact]
    public void A_json_file_that_does_not_parse_is_named_with_its_line_and_column()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("g/d.json", "{\"path\": \"g/d.markdown\",\n \"exchanges\": [oops]}");

        var load = Assert.Throws<InvalidDataException>(() => GoldSet.Load(dir.Path));
        var read = Assert.Throws<InvalidDataException>(() => GoldSet.ReadGoldFile(path));

        Assert.StartsWith($"{path}:2:16: not valid JSON: 'o' is an invalid start of a value.", load.Message, StringComparison.Ordinal);
        Assert.Equal(load.Message, read.Message);
    }

    [Fact]
    public void A_folder_without_label_files_is_an_error_that_names_the_other_files()
    {
        using var dir = new TempDirectory();
        string splits = dir.Write("splits.json", """{"train": []}""");

        var error = Assert.Throws<InvalidDataException>(() => GoldSet.Load(dir.Path));

        Assert.Equal($"no label files in {dir.Path} (*.json objects with \"path\" and \"exchanges\"); 1 other JSON file(s) there: {splits}", error.Message);
    }

    [SharedFact]
    public void Loads_the_development_set()
    {
        var gold = GoldSet.Load(SharedFolder.GoldDev);

        Assert.NotEmpty(gold.Files);
        Assert.Empty(gold.Skipped);
        Assert.All(gold.Files, f => Assert.True(File.Exists(Path.Combine(SharedFolder.Corpus, f.Path)), f.Path));
        Assert.All(gold.Files.SelectMany(f => f.Exchanges), e => Assert.NotEmpty(e.Questions));
    }
}
