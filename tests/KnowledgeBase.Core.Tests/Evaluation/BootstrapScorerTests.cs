using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class BootstrapScorerTests
{
    // Day a: both exchanges found with their answers. Day b: one found without its answer, one missed, one invented.
    private static readonly GoldSet Gold = new(
    [
        new GoldFile("g/a.markdown", [new GoldExchange([10], [11], "pay"), new GoldExchange([20], [21], "pay")]),
        new GoldFile("g/b.markdown", [new GoldExchange([10], [11], "pay"), new GoldExchange([20], [21], "pay")]),
    ]);

    private static readonly PredictedExchanges Mixed = Pred(
        ("g/a.markdown", [10], [11]), ("g/a.markdown", [20], [21]),
        ("g/b.markdown", [10], [12]), ("g/b.markdown", [30], [31]));

    private static readonly PredictedExchanges Perfect = Pred(
        ("g/a.markdown", [10], [11]), ("g/a.markdown", [20], [21]),
        ("g/b.markdown", [10], [11]), ("g/b.markdown", [20], [21]));

    [Fact]
    public void Tallies_of_the_files_add_up_to_the_score()
    {
        var tallies = ExchangeScorer.Tallies(Gold, Mixed, corpusDir: null);

        Assert.Equal(ExchangeScorer.Score(Gold, Mixed, corpusDir: null), ExchangeScorer.Total(tallies));
        Assert.Equal(2, tallies.Count);
        Assert.Equal(2, tallies[0].GoodLinks);
        Assert.Equal(0, tallies[1].GoodLinks);
    }

    [Fact]
    public void The_interval_spans_what_resampled_days_score_and_holds_the_estimate()
    {
        var rows = BootstrapScorer.Intervals(Gold, Mixed, corpusDir: null, resamples: 500);

        var question = rows.Single(r => r.Measure == "question F1");
        Assert.Equal(0.75, question.Score.Estimate, 12);

        // Resamples of two days are {a, a}, {a, b} or {b, b}: question F1 1, 0.75 or 0.5; all three turn up in 500.
        Assert.Equal(0.5, question.Score.Low, 12);
        Assert.Equal(1.0, question.Score.High, 12);
        Assert.All(rows, r => Assert.InRange(r.Score.Estimate, r.Score.Low, r.Score.High));
        Assert.All(rows, r => Assert.Null(r.Difference));
    }

    [Fact]
    public void Days_that_all_score_alike_give_an_interval_of_no_width()
    {
        var rows = BootstrapScorer.Intervals(Gold, Perfect, corpusDir: null, resamples: 200);

        Assert.All(rows, r => Assert.Equal(new Interval(1, 1, 1), r.Score));
    }

    [Fact]
    public void A_paired_comparison_resamples_both_predictions_alike()
    {
        var same = BootstrapScorer.Intervals(Gold, Mixed, corpusDir: null, resamples: 300, baseline: Mixed);
        Assert.All(same, r =>
        {
            Assert.Equal(new Interval(0, 0, 0), r.Difference);
            Assert.Equal(0.0, r.ShareBetter);
        });

        // The perfect prediction equals the mixed one on day a and beats it on day b: better on every resample but {a, a}.
        var better = BootstrapScorer.Intervals(Gold, Perfect, corpusDir: null, resamples: 2000, baseline: Mixed);
        var link = better.Single(r => r.Measure == "answer-link F1");
        Assert.Equal(0.5, link.Difference!.Estimate, 12);
        Assert.Equal(0.0, link.Difference.Low, 12);
        Assert.InRange(link.ShareBetter!.Value, 0.7, 0.8);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals()
    {
        Assert.Equal(
            BootstrapScorer.Intervals(Gold, Mixed, corpusDir: null, resamples: 100, seed: 5),
            BootstrapScorer.Intervals(Gold, Mixed, corpusDir: null, resamples: 100, seed: 5));
    }

    private static PredictedExchanges Pred(params (string Path, int[] Q, int[] A)[] exchanges) =>
        PredictedExchanges.From(exchanges.Select(e => (e.Path, (IReadOnlyCollection<int>)e.Q, (IReadOnlyCollection<int>)e.A, "t")));
}
