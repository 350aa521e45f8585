using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Tests.Evaluation;

namespace KnowledgeBase.Core.Tests.Exchanges;

[Collection(CorpusCollectionDefinition.Name)]
public sealed partial class ExchangeFinderTests(CorpusFixture corpus)
{
    private const string SeedDay = "proddev/2018-03-05-chat.markdown";
    private const string MergedDay = "devarch/2017-12-18-chat.markdown";

    [Fact]
    public void StableId_is_a_hash_of_the_file_and_the_first_question_line()
    {
        Assert.Equal("x854fb4badc", ExchangeFinder.StableId(new SourceRef(SeedDay, 49)));
        Assert.NotEqual(ExchangeFinder.StableId(new SourceRef(SeedDay, 49)), ExchangeFinder.StableId(new SourceRef(SeedDay, 53)));
    }

    [CorpusTheory]
    [InlineData(49)]
    [InlineData(97)]
    [InlineData(353)]
    public void A_seed_day_question_is_found_with_an_answer(int questionLine)
    {
        var exchanges = corpus.Finder.Find(CorpusFixture.ReadDay(SeedDay));

        var exchange = Assert.Single(exchanges, e => e.Questions.Any(q => q.Source.Line == questionLine));
        Assert.NotEmpty(exchange.Answers);
    }

    [CorpusFact]
    public void Question_probabilities_follow_the_messages_and_the_found_questions()
    {
        var day = CorpusFixture.ReadDay(SeedDay);

        var (probabilities, exchanges) = corpus.Finder.Inspect(day);

        Assert.Equal(day.Messages.Count, probabilities.Count);
        // Images cannot open a question.
        var images = Enumerable.Range(0, day.Messages.Count).Where(i => day.Messages[i].Kind == MessageKind.Image).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, i => Assert.Null(probabilities[i]));
        Assert.All(probabilities.OfType<float>(), p => Assert.InRange(p, 0f, 1f));
        var threshold = corpus.Finder.Settings.QuestionThreshold;
        Assert.Equal(corpus.Finder.Find(day).Select(Describe), exchanges.Select(Describe));
        foreach (var exchange in exchanges)
        {
            var index = Enumerable.Range(0, day.Messages.Count).First(i => day.Messages[i].Source == exchange.FirstQuestion.Source);
            Assert.True(probabilities[index] >= threshold, $"line {exchange.FirstQuestion.Source.Line}: {probabilities[index]}");
        }
    }

    [CorpusFact]
    public void Exchange_ids_are_unique_and_derived_from_the_first_question()
    {
        var exchanges = corpus.Finder.Find(CorpusFixture.ReadDay(SeedDay));

        Assert.NotEmpty(exchanges);
        Assert.Equal(exchanges.Count, exchanges.Select(e => e.Id).Distinct().Count());
        Assert.All(exchanges, e =>
        {
            Assert.Equal(SeedDay, e.Path);
            Assert.Equal(ExchangeFinder.StableId(e.FirstQuestion.Source), e.Id);
            Assert.Matches("^x[0-9a-f]{10}$", e.Id);
        });
    }

    [CorpusFact]
    public void The_question_weight_moves_answers_between_questions_but_never_links_or_drops_one()
    {
        var finder = corpus.Finder;
        var day = finder.Prepare(CorpusFixture.ReadDay(SeedDay));
        var scores = finder.Score(day);
        var cache = new LinkCache();
        // Without the answered filter, which would drop different questions when answers move.
        var plain = finder.Settings with { AnsweredThreshold = 0, SureQuestionThreshold = 1 };

        var results = new[] { 0.0, 1, 4 }
            .Select(w => finder.Decode(day, scores, plain with { QuestionWeight = w }, cache))
            .ToList();

        var questions = results.Select(r => string.Join(';', r.Select(e => string.Join(',', e.Question.Turns)))).ToList();
        var linked = results.Select(r => string.Join(',', r.SelectMany(e => e.Answers).Order())).ToList();
        Assert.All(questions, q => Assert.Equal(questions[0], q));
        Assert.All(linked, l => Assert.Equal(linked[0], l));
        Assert.All(results, r => Assert.Equal(r.SelectMany(e => e.Answers).Count(), r.SelectMany(e => e.Answers).Distinct().Count()));
        // On this day of interleaved threads, weighing the questions does move some answer.
        Assert.NotEqual(Assignment(results[0]), Assignment(results[2]));
    }

    [CorpusFact]
    public void The_confidence_model_changes_the_confidence_of_the_exchanges_found_and_nothing_else()
    {
        var models = ExchangeModels.Load(Path.Combine(AppContext.BaseDirectory, "models"));
        Assert.True(models.Settings.CalibratedConfidence, "the shipped models calibrate confidence");
        using var calibrated = new ExchangeFinder(models, ChineseSegmenter.Load(), corpus.Directory);
        using var product = new ExchangeFinder(models.WithSettings(models.Settings with { CalibratedConfidence = false }), ChineseSegmenter.Load(), corpus.Directory);
        var day = CorpusFixture.ReadDay(SeedDay);

        var withModel = calibrated.Find(day);
        var withoutModel = product.Find(day);

        Assert.Equal(withoutModel.Select(e => Describe(e with { Confidence = 0 })), withModel.Select(e => Describe(e with { Confidence = 0 })));
        Assert.All(withModel, e => Assert.InRange(e.Confidence, 0, 1));
        Assert.NotEqual(withoutModel.Select(e => e.Confidence), withModel.Select(e => e.Confidence));
        // More than a handful of distinct values: the model weighs each exchange, it does not return a constant.
        Assert.True(withModel.Select(e => e.Confidence).Distinct().Count() > withModel.Count / 2);
    }

    [CorpusFact]
    public void The_confidence_model_survives_saving_and_loading()
    {
        var models = ExchangeModels.Load(Path.Combine(AppContext.BaseDirectory, "models"));
        using var folder = new TempDirectory();
        models.Save(folder.Path);
        Assert.True(File.Exists(Path.Combine(folder.Path, ExchangeModels.ConfidenceModelFile)));
        var day = CorpusFixture.ReadDay(SeedDay);

        using var loaded = new ExchangeFinder(ExchangeModels.Load(folder.Path), ChineseSegmenter.Load(), corpus.Directory);

        Assert.Equal(corpus.Finder.Find(day).Select(e => e.Confidence), loaded.Find(day).Select(e => e.Confidence));

        // Models saved without it leave no stale confidence model behind.
        models.WithSettings(models.Settings with { CalibratedConfidence = false }).Save(folder.Path);
        Assert.False(File.Exists(Path.Combine(folder.Path, ExchangeModels.ConfidenceModelFile)));
        Assert.False(ExchangeModels.Load(folder.Path).Settings.CalibratedConfidence);
    }

    [Fact]
    public void A_model_trained_on_other_features_is_named_when_the_models_load()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "models");
        using var folder = new TempDirectory();
        foreach (var file in Directory.GetFiles(shipped))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        // The linker reads another number of features than the confidence model: as if it came from another build.
        File.Copy(Path.Combine(shipped, ExchangeModels.LinkModelFile), Path.Combine(folder.Path, ExchangeModels.ConfidenceModelFile), overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => ExchangeModels.Load(folder.Path));
        Assert.Contains(ExchangeModels.ConfidenceModelFile, error.Message);
        Assert.Contains("kb train", error.Message);
    }

    private static string Assignment(IReadOnlyList<FoundExchange> found) =>
        string.Join(';', found.Select(e => $"{e.Question.First}:{string.Join(',', e.Answers)}"));

    [CorpusFact]
    public void Finding_the_same_day_twice_gives_the_same_exchanges()
    {
        var first = corpus.Finder.Find(CorpusFixture.ReadDay(SeedDay));
        var second = corpus.Finder.Find(CorpusFixture.ReadDay(SeedDay));

        Assert.Equal(first.Select(Describe), second.Select(Describe));
    }

    [CorpusFact]
    public void Every_cited_line_of_the_seed_day_is_a_header_line()
    {
        AssertCitesHeaderLines(SeedDay, corpus.Finder.Find(CorpusFixture.ReadDay(SeedDay)));
    }

    [CorpusFact]
    public void On_a_merged_day_no_message_answers_itself_and_second_twins_are_not_cited()
    {
        var day = CorpusFixture.ReadDay(MergedDay);
        var twins = new DuplicateExportMerger().FindTwins(day.Messages);
        var secondTwinLines = day.Messages.Where((_, i) => twins[i] >= 0).Select(m => m.Source.Line).ToHashSet();
        Assert.NotEmpty(secondTwinLines);

        var exchanges = corpus.Finder.Find(day);

        Assert.NotEmpty(exchanges);
        AssertCitesHeaderLines(MergedDay, exchanges);
        Assert.All(exchanges, e =>
        {
            var questionLines = e.Messages.Where(m => m.Role == MessageRole.Question).SelectMany(LinesOf).ToHashSet();
            var answerLines = e.Messages.Where(m => m.Role == MessageRole.Answer).SelectMany(LinesOf).ToHashSet();
            Assert.Empty(questionLines.Intersect(answerLines));
            Assert.Equal(e.Messages.Count, e.Messages.Select(m => m.Message.Source.Line).Distinct().Count());
            Assert.All(e.Messages, m => Assert.DoesNotContain(m.Message.Source.Line, secondTwinLines));
        });
    }

    private static IEnumerable<int> LinesOf(ExchangeMessage message) =>
        message.Duplicates.Select(d => d.Line).Prepend(message.Message.Source.Line);

    private static void AssertCitesHeaderLines(string relativePath, IReadOnlyList<Exchange> exchanges)
    {
        var lines = File.ReadAllText(CorpusFolder.File(relativePath)).Split('\n');
        Assert.NotEmpty(exchanges);
        Assert.All(exchanges.SelectMany(e => e.Messages), m =>
        {
            Assert.All(m.Duplicates.Prepend(m.Message.Source), source =>
            {
                Assert.Equal(relativePath, source.Path);
                Assert.Matches(HeaderLine(), lines[source.Line - 1]);
            });
        });
    }

    private static string Describe(Exchange exchange) =>
        $"{exchange.Id} {exchange.Path} {exchange.Confidence:R} "
        + string.Join(' ', exchange.Messages.Select(m => $"{m.Role}:{m.Message.Source.Line}[{string.Join(',', m.Duplicates.Select(d => d.Line))}]"));

    [GeneratedRegex(@"^> \d\d:\d\d:\d\d")]
    private static partial Regex HeaderLine();
}
