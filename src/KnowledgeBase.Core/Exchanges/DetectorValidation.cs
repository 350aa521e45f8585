namespace KnowledgeBase.Core.Exchanges;

/// <summary>How well out-of-fold detector probabilities pick the messages that open a labelled question.</summary>
/// <param name="Candidates">Candidate messages scored (the asker's labelled follow-ups are not candidates).</param>
/// <param name="Openers">Those that open a labelled question.</param>
/// <param name="AveragePrecision">Average precision of the ranking by probability.</param>
/// <param name="BestF1">The best opener F1 of any probability threshold.</param>
/// <param name="BestThreshold">The threshold that gives it.</param>
/// <param name="LogLoss">Mean log loss (lower is better; sensitive to calibration).</param>
public sealed record DetectorValidation(int Candidates, int Openers, double AveragePrecision, double BestF1, double BestThreshold, double LogLoss)
{
    /// <summary>The figures of scored candidates.</summary>
    /// <param name="scored">Each candidate's probability and whether it opens a labelled question.</param>
    /// <returns>The figures; zeros when nothing opens a question.</returns>
    public static DetectorValidation Of(IReadOnlyCollection<(float Probability, bool Opens)> scored)
    {
        var ranked = scored.OrderByDescending(s => s.Probability).ToList();
        var openers = ranked.Count(s => s.Opens);
        if (openers == 0)
        {
            return new DetectorValidation(ranked.Count, 0, 0, 0, 0, 0);
        }

        double precisionSum = 0, bestF1 = 0, bestThreshold = 1;
        var hits = 0;
        for (var k = 0; k < ranked.Count; k++)
        {
            if (ranked[k].Opens)
            {
                hits++;
                precisionSum += (double)hits / (k + 1);
            }

            // Ties: a threshold keeps all of them, so only the last of a run of equal probabilities is a cut.
            var cut = k + 1 == ranked.Count || ranked[k + 1].Probability < ranked[k].Probability;
            var f1 = 2.0 * hits / (k + 1 + openers);
            if (cut && f1 > bestF1)
            {
                (bestF1, bestThreshold) = (f1, ranked[k].Probability);
            }
        }

        const double floor = 1e-6;
        var logLoss = -ranked.Average(s => Math.Log(Math.Max(floor, s.Opens ? s.Probability : 1 - s.Probability)));
        return new DetectorValidation(ranked.Count, openers, precisionSum / openers, bestF1, bestThreshold, logLoss);
    }
}
