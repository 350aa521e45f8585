using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class ExchangeScorerTests
{
    private const string Day = "grp/2018-01-01-chat.markdown";
    private const int Digits = 12;

    [Fact]
    public void Two_predictions_on_one_gold_exchange_match_the_larger_overlap_only()
    {
        var gold = Gold(Day, G([10, 12], [14, 16], "pay"), G([30], [], "ops"));
        var pred = Pred(
            (Day, [10], [14], "1"),     // overlap 1, and its answer is right...
            (Day, [10, 12], [18], "2"), // ...but this one overlaps 2 and wins: no right link
            (Day, [40], [], "3"));      // overlaps nothing

        var score = ExchangeScorer.Score(gold, pred, corpusDir: null);

        AssertCounts(score, files: 1, gold: 2, pred: 3, matched: 1);
        AssertPrf(score.QuestionP, score.QuestionR, score.QuestionF1, 1.0 / 3, 1.0 / 2, 0.4);
        AssertPrf(score.LinkP, score.LinkR, score.LinkF1, 0, 0, 0);
        AssertPrf(score.FaqP, score.FaqR, score.FaqF1, 0, 0, 0);
        Assert.Equal(0.0, score.TopicNmi);
        Assert.Equal(0.0, score.TopicAri);
    }

    [Fact]
    public void Equal_overlaps_go_to_the_prediction_with_the_earliest_question_line()
    {
        var gold = new[] { G([30], [31], "t") };

        var pairs = ExchangeScorer.Match(Preds([20, 30], [10, 30]), gold);

        Assert.Equal([(1, 0)], pairs);
    }

    [Fact]
    public void Equal_overlaps_and_first_lines_go_to_the_earlier_prediction_then_the_earlier_gold()
    {
        Assert.Equal([(0, 0)], ExchangeScorer.Match(Preds([10], [10]), [G([10], [], "t")]));
        Assert.Equal([(0, 0)], ExchangeScorer.Match(Preds([10, 20]), [G([20], [], "t"), G([10], [], "t")]));
    }

    [Fact]
    public void A_question_line_repeated_in_the_gold_overlaps_once()
    {
        // Overlap with g0 = 1 (not 2), with g1 = 2: g1 wins.
        var pairs = ExchangeScorer.Match(Preds([10, 20]), [G([10, 10], [], "t"), G([10, 20], [], "t")]);

        Assert.Equal([(0, 1)], pairs);
    }

    [Fact]
    public void Matching_is_greedy_not_optimal()
    {
        // Optimal would pair p0-g1 and p1-g0; greedy takes p0-g0 (overlap 2) first and leaves both others blocked.
        var pairs = ExchangeScorer.Match(Preds([1, 2, 3], [2]), [G([1, 2], [], "t"), G([3], [], "t")]);

        Assert.Equal([(0, 0)], pairs);
    }

    [Fact]
    public void Links_and_faq_hits_count_right_answer_lines_of_matched_exchanges()
    {
        var gold = Gold(Day,
            G([10], [12, 14, 16], "a"),
            G([20], [22], "b"),
            G([30], [], "b"),
            G([40], [42], "c"));
        var pred = Pred(
            (Day, [10], [12, 14, 18], "x"), // matched, 2 right links: a FAQ hit
            (Day, [20], [24], "y"),         // matched, wrong answer
            (Day, [30], [32], "y"),         // matched to an unanswered gold exchange
            (Day, [50], [52], "z"),         // false question with an answer
            (Day, [60], [], "z"));          // false question without

        var score = ExchangeScorer.Score(gold, pred, corpusDir: null);

        AssertCounts(score, files: 1, gold: 4, pred: 5, matched: 3);
        AssertPrf(score.QuestionP, score.QuestionR, score.QuestionF1, 3.0 / 5, 3.0 / 4, 2.0 / 3);
        // 2 right of 6 predicted links (3+1+1+1), of 5 gold links (3+1+1).
        AssertPrf(score.LinkP, score.LinkR, score.LinkF1, 1.0 / 3, 2.0 / 5, 4.0 / 11);
        // 1 hit of 4 answered predictions, of 3 answered gold exchanges.
        AssertPrf(score.FaqP, score.FaqR, score.FaqF1, 1.0 / 4, 1.0 / 3, 2.0 / 7);
        // Matched topics x,y,y against a,b,b: the same partition.
        Assert.Equal(1.0, score.TopicNmi, Digits);
        Assert.Equal(1.0, score.TopicAri, Digits);
    }

    [Fact]
    public void Only_exchanges_with_a_question_in_a_gold_file_count_and_a_two_file_exchange_counts_in_each()
    {
        var gold = new GoldSet([
            new GoldFile("g/a.markdown", [G([10], [11], "x")]),
            new GoldFile("g/b.markdown", [G([5], [6], "y")]),
        ]);
        var pred = PredictedExchanges.ParseFaqJson("""
            {"exchanges": [
              {"messages": [{"path": "out/g/a.markdown", "line": 10, "role": "question"},
                            {"path": "g\\b.markdown", "line": 6, "role": "answer"}]},
              {"topicId": 7, "messages": [{"path": "g/b.markdown", "line": 5, "role": "question"},
                                          {"path": "g/b.markdown", "line": 6, "role": "answer"},
                                          {"path": "g/a.markdown", "line": 11, "role": "context"}]},
              {"topicId": 8, "messages": [{"path": "g/a.markdown", "line": 11, "role": "answer"}]},
              {"topicId": 9, "messages": [{"path": "g/c.markdown", "line": 1, "role": "question"}]}
            ]}
            """);

        var score = ExchangeScorer.Score(gold, pred, corpusDir: null);

        // Both two-file exchanges count in a and in b, with all their lines: each matches in one file only.
        AssertCounts(score, files: 2, gold: 2, pred: 4, matched: 2);
        AssertPrf(score.QuestionP, score.QuestionR, score.QuestionF1, 0.5, 1.0, 2.0 / 3);
        // The first exchange's answer line 6 is wrong in a (gold 11); the second's is right in b.
        AssertPrf(score.LinkP, score.LinkR, score.LinkF1, 1.0 / 4, 1.0 / 2, 1.0 / 3);
        AssertPrf(score.FaqP, score.FaqR, score.FaqF1, 1.0 / 4, 1.0 / 2, 1.0 / 3);
        // Topics "None" and "7" against x and y: same partition, but two singletons give ARI's 0 by convention.
        Assert.Equal(1.0, score.TopicNmi, Digits);
        Assert.Equal(0.0, score.TopicAri);
    }

    [Fact]
    public void Each_group_is_scored_as_if_its_days_were_the_whole_gold_set()
    {
        var gold = new GoldSet([
            new GoldFile("devarch/2018-01-01-chat.markdown", [G([10], [12], "a"), G([20], [22], "b")]),
            new GoldFile("prodarch/2018-01-01-chat.markdown", [G([10], [12], "a")]),
            new GoldFile("devarch/2018-01-02-chat.markdown", [G([30], [], "a")]),
        ]);
        var pred = Pred(
            ("devarch/2018-01-01-chat.markdown", [10], [12], "x"),
            ("devarch/2018-01-02-chat.markdown", [40], [42], "x"),
            ("prodarch/2018-01-01-chat.markdown", [10], [14], "y"),
            ("prodarch/2018-01-01-chat.markdown", [50], [], "y"));

        var groups = ExchangeScorer.ScoreByGroup(gold, pred, corpusDir: null);

        Assert.Equal(["devarch", "prodarch"], groups.Select(g => g.Group));
        var devarch = groups[0].Score;
        AssertCounts(devarch, files: 2, gold: 3, pred: 2, matched: 1);
        AssertPrf(devarch.QuestionP, devarch.QuestionR, devarch.QuestionF1, 1.0 / 2, 1.0 / 3, 2.0 / 5);
        AssertPrf(devarch.LinkP, devarch.LinkR, devarch.LinkF1, 1.0 / 2, 1.0 / 2, 1.0 / 2);
        var prodarch = groups[1].Score;
        AssertCounts(prodarch, files: 1, gold: 1, pred: 2, matched: 1);
        AssertPrf(prodarch.LinkP, prodarch.LinkR, prodarch.LinkF1, 0, 0, 0);
        // The groups together are the whole set: their counts add up to the pooled score's.
        var pooled = ExchangeScorer.Score(gold, pred, corpusDir: null);
        Assert.Equal(pooled.Matched, groups.Sum(g => g.Score.Matched));
        Assert.Equal(pooled.PredExchanges, groups.Sum(g => g.Score.PredExchanges));
    }

    [Fact]
    public void A_gold_file_without_a_folder_is_in_the_top_level_group()
    {
        var gold = new GoldSet([new GoldFile("day.markdown", [G([10], [12], "a")]), new GoldFile("g\\day.markdown", [])]);

        var groups = ExchangeScorer.ScoreByGroup(gold, Pred(("day.markdown", [10], [12], "x")), corpusDir: null);

        Assert.Equal(["", "g"], groups.Select(g => g.Group));
        Assert.Equal(1.0, groups[0].Score.QuestionF1, Digits);
    }

    [Fact]
    public void No_predictions_score_zero_but_count_the_gold()
    {
        var gold = new GoldSet([new GoldFile(Day, [G([10], [12], "t")]), new GoldFile("g/empty.markdown", [])]);

        var score = ExchangeScorer.Score(gold, Pred(), corpusDir: null);

        Assert.Equal(new EvaluationScore(2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), score);
    }

    [Fact]
    public void With_a_corpus_gold_lines_become_sets_even_when_the_day_file_is_missing()
    {
        using var corpus = new TempDirectory();
        var gold = Gold(Day, G([10, 10], [12, 12], "t"));
        var pred = Pred((Day, [10], [12], "t"));

        var raw = ExchangeScorer.Score(gold, pred, corpusDir: null);
        var canonical = ExchangeScorer.Score(gold, pred, corpus.Path);

        Assert.Equal(0.5, raw.LinkR); // the repeated gold line counts twice, as in score.py without --corpus
        Assert.Equal(1.0, canonical.LinkR);
    }

    [Fact]
    public void With_a_corpus_repeats_of_a_merged_day_are_one_message()
    {
        using var corpus = new TempDirectory();
        corpus.Write(Day, """
            ---
            title: merged
            ---
            > 10:00:00  Alice

            how do I pay?

            > 10:00:01  Alice (export 2)

            how do I pay?

            > 10:00:05  Bob

            use the API

            > 10:00:06  Bob (export 2)

            use the API
            """);
        // Gold names the first copies (4, 12); the prediction names the second ones (8, 16).
        var gold = Gold(Day, G([4], [12], "pay"));
        var pred = Pred((Day, [8], [16], "1"));

        var raw = ExchangeScorer.Score(gold, pred, corpusDir: null);
        var merged = ExchangeScorer.Score(gold, pred, corpus.Path);

        Assert.Equal(0, raw.Matched);
        Assert.Equal(1, merged.Matched);
        Assert.Equal(1.0, merged.LinkP);
        Assert.Equal(1.0, merged.FaqR);
    }

    [Fact]
    public void Calibration_counts_a_matched_answered_gold_question_as_a_hit_and_everything_else_as_a_miss()
    {
        var gold = Gold(Day, G([10], [11], "t"), G([20], [], "t"), G([30], [31], "t"));
        var pred = PredictedExchanges.From(
        [
            Exchange([10], 0.9),  // matches an answered gold question: hit
            Exchange([20], 0.85), // matches an unanswered one: miss
            Exchange([40], 0.15), // matches nothing: miss
            Exchange([30], 0.1),  // hit, at low confidence
            Exchange([50], null), // no confidence: not counted
        ]);

        var report = ExchangeScorer.Calibration(gold, pred, corpusDir: null, binEdges: [0.5, 1.0]);

        Assert.Equal(4, report.Exchanges);
        Assert.Equal(2, report.Bins.Count);
        Assert.Equal(new CalibrationBin(0, 0.5, 2, 0.125, 0.5), report.Bins[0]);
        Assert.Equal(new CalibrationBin(0.5, 1.0, 2, 0.875, 0.5), report.Bins[1]);
        // Both bins are 0.375 off, so is their weighted mean.
        Assert.Equal(0.375, report.ExpectedCalibrationError, Digits);
        Assert.Equal(((0.1 * 0.1) + (0.85 * 0.85) + (0.15 * 0.15) + (0.9 * 0.9)) / 4, report.Brier, Digits);
        // Of the four (hit, miss) pairs, 0.9 outranks both misses and 0.1 neither.
        Assert.Equal(0.5, report.Auc!.Value, Digits);
    }

    [Fact]
    public void Calibration_auc_counts_ties_half_and_is_absent_without_both_outcomes()
    {
        var gold = Gold(Day, G([10], [11], "t"), G([20], [21], "t"));
        var ranked = PredictedExchanges.From(
        [
            Exchange([10], 0.6), // hit
            Exchange([20], 0.4), // hit
            Exchange([40], 0.4), // miss, tied with the second hit
            Exchange([50], 0.2), // miss
        ]);
        var allHits = PredictedExchanges.From([Exchange([10], 0.6), Exchange([20], 0.4)]);

        // Pairs: 0.6 beats both misses (2), 0.4 ties one (0.5) and beats the other (1): 3.5 of 4.
        Assert.Equal(0.875, ExchangeScorer.Calibration(gold, ranked, corpusDir: null).Auc!.Value, Digits);
        Assert.Null(ExchangeScorer.Calibration(gold, allHits, corpusDir: null).Auc);
    }

    [Fact]
    public void Confidence_is_read_from_faq_json()
    {
        var pred = PredictedExchanges.ParseFaqJson(
            """{"exchanges": [{"topicId": "t1", "confidence": 0.42, "messages": [{"path": "grp/2018-01-01-chat.markdown", "line": 3, "role": "question"}]},""" +
            """ {"topicId": "t1", "messages": [{"path": "grp/2018-01-01-chat.markdown", "line": 9, "role": "question"}]}]}""");

        Assert.Equal(0.42, pred.Exchanges[0].Confidence);
        Assert.Null(pred.Exchanges[1].Confidence);
    }

    private static PredictedExchange Exchange(int[] questions, double? confidence) =>
        Pred((Day, questions, [], "t")).Exchanges[0] with { Confidence = confidence };

    private static GoldExchange G(int[] q, int[] a, string topic) => new(q, a, topic);

    private static GoldSet Gold(string path, params GoldExchange[] exchanges) => new([new GoldFile(path, exchanges)]);

    private static PredictedExchanges Pred(params (string Path, int[] Q, int[] A, string Topic)[] exchanges) =>
        PredictedExchanges.From(exchanges.Select(e => (e.Path, (IReadOnlyCollection<int>)e.Q, (IReadOnlyCollection<int>)e.A, e.Topic)));

    private static PredictedExchange[] Preds(params int[][] questions) =>
        [.. Pred([.. questions.Select(q => (Day, q, Array.Empty<int>(), "t"))]).Exchanges];

    private static void AssertCounts(EvaluationScore score, int files, int gold, int pred, int matched)
    {
        Assert.Equal(files, score.Files);
        Assert.Equal(gold, score.GoldExchanges);
        Assert.Equal(pred, score.PredExchanges);
        Assert.Equal(matched, score.Matched);
    }

    private static void AssertPrf(double p, double r, double f1, double expectedP, double expectedR, double expectedF1)
    {
        Assert.Equal(expectedP, p, Digits);
        Assert.Equal(expectedR, r, Digits);
        Assert.Equal(expectedF1, f1, Digits);
    }

    [Fact]
    public void A_confidence_on_the_last_bin_edge_is_in_the_last_bin()
    {
        var gold = new GoldSet([new GoldFile("g/2018-03-05-chat.markdown", [new GoldExchange([10], [11], "t")])]);
        var predicted = PredictedExchanges.From([new PredictedExchange(["g/2018-03-05-chat.markdown"], new HashSet<int> { 10 }, new HashSet<int> { 11 }, "t") { Confidence = 1.0 }]);

        var report = ExchangeScorer.Calibration(gold, predicted, corpusDir: null, binEdges: [0.5, 1.0]);

        Assert.Equal(1, Assert.Single(report.Bins).Count);
    }
}
