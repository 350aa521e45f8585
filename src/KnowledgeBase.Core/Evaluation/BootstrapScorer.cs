namespace KnowledgeBase.Core.Evaluation;

/// <summary>
/// How far a score on a few labelled days can be trusted: the percentile bootstrap over days. Each resample draws as many
/// days as the gold set has, with replacement, and rescores them (exchanges are matched within a day, so a day's counts
/// move together). Compared with another prediction of the same days, both are rescored on the same resamples (a paired
/// bootstrap), which tells a real difference from the luck of which days were labelled.
/// </summary>
public static class BootstrapScorer
{
    /// <summary>
    /// The measures reported, with how each is read from a score. Topic NMI is not among them: a resample repeats days,
    /// and repeated exchanges raise mutual information by themselves, so its resampled values sit above the estimate.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Func<EvaluationScore, double> Of)> Measures =
    [
        ("question F1", s => s.QuestionF1),
        ("answer-link F1", s => s.LinkF1),
        ("FAQ F1", s => s.FaqF1),
    ];

    /// <summary>Bootstraps the score of <paramref name="pred"/>, and its difference from <paramref name="baseline"/> when one is given.</summary>
    /// <param name="gold">The labelled days.</param>
    /// <param name="pred">The predictions scored.</param>
    /// <param name="corpusDir">As for <see cref="ExchangeScorer.Score"/>.</param>
    /// <param name="resamples">How many resamples of the days.</param>
    /// <param name="seed">Seed of the resampling: the same seed gives the same intervals.</param>
    /// <param name="baseline">Another prediction of the same days, or <see langword="null"/>.</param>
    /// <returns>One row per measure of <see cref="Measures"/>.</returns>
    public static IReadOnlyList<BootstrapRow> Intervals(
        GoldSet gold, PredictedExchanges pred, string? corpusDir, int resamples = 2000, int seed = 1, PredictedExchanges? baseline = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var files = ExchangeScorer.Tallies(gold, pred, corpusDir);
        var baseFiles = baseline is null ? null : ExchangeScorer.Tallies(gold, baseline, corpusDir);
        var estimate = ExchangeScorer.Total(files);
        var baseEstimate = baseFiles is null ? null : ExchangeScorer.Total(baseFiles);

        var values = Measures.Select(_ => new double[resamples]).ToArray();
        var differences = Measures.Select(_ => new double[resamples]).ToArray();
        var random = new Random(seed);
        var drawn = new int[files.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var k = 0; k < drawn.Length; k++)
            {
                drawn[k] = random.Next(files.Count);
            }

            var score = ExchangeScorer.Total(drawn.Select(k => files[k]));
            for (var m = 0; m < Measures.Count; m++)
            {
                values[m][r] = Measures[m].Of(score);
            }

            if (baseFiles is not null)
            {
                var baseScore = ExchangeScorer.Total(drawn.Select(k => baseFiles[k]));
                for (var m = 0; m < Measures.Count; m++)
                {
                    differences[m][r] = values[m][r] - Measures[m].Of(baseScore);
                }
            }
        }

        return [.. Measures.Select((measure, m) => new BootstrapRow(
            measure.Name,
            Interval.Of(measure.Of(estimate), values[m]),
            baseEstimate is null ? null : Interval.Of(measure.Of(estimate) - measure.Of(baseEstimate), differences[m]),
            baseEstimate is null ? null : (double)differences[m].Count(d => d > 0) / resamples))];
    }
}

/// <summary>One measure's bootstrap.</summary>
/// <param name="Measure">Its name.</param>
/// <param name="Score">The score on the labelled days, with its 95 % interval.</param>
/// <param name="Difference">The score minus the baseline's, with its 95 % interval, when a baseline was given.</param>
/// <param name="ShareBetter">The share of resamples on which the prediction beat the baseline, when one was given.</param>
public sealed record BootstrapRow(string Measure, Interval Score, Interval? Difference, double? ShareBetter);

/// <summary>A value on the labelled days and the central 95 % of its resampled values.</summary>
/// <param name="Estimate">The value on the labelled days themselves.</param>
/// <param name="Low">The 2.5th percentile of the resampled values.</param>
/// <param name="High">The 97.5th percentile.</param>
public sealed record Interval(double Estimate, double Low, double High)
{
    internal static Interval Of(double estimate, double[] resampled)
    {
        var sorted = resampled.Order().ToArray();
        return new Interval(estimate, Percentile(sorted, 0.025), Percentile(sorted, 0.975));
    }

    // Linear interpolation between the closest ranks (numpy's default).
    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
