using System.Collections.Frozen;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Evaluation;

/// <summary>
/// Scores predicted exchanges against a gold set exactly as <c>gold-dev/score.py</c> does (see its README): per gold
/// file, greedy one-to-one matching by question-line overlap, then question, answer-link and FAQ precision/recall and
/// topic agreement over the matched pairs.
/// </summary>
public static class ExchangeScorer
{
    /// <summary>Scores <paramref name="pred"/> against <paramref name="gold"/>.</summary>
    /// <param name="gold">The labelled days.</param>
    /// <param name="pred">The predictions; only exchanges with a question line in a file that has a gold file count.</param>
    /// <param name="corpusDir">
    /// The corpus the gold paths are relative to. When given, lines of a day merged from two exports are mapped to one
    /// line per message before matching (<c>score.py --corpus</c>), and line lists become sets; when
    /// <see langword="null"/>, lines are taken as they are.
    /// </param>
    /// <returns>The score.</returns>
    public static EvaluationScore Score(GoldSet gold, PredictedExchanges pred, string? corpusDir) =>
        Total(Tallies(gold, pred, corpusDir));

    /// <summary>
    /// The score of each chat group's labelled days, a group being the first folder of a gold file's path (the corpus
    /// keeps one folder per group). Each group is scored as if its days were the whole gold set, so the groups' figures
    /// show whether the models do as well on every group, which the pooled score can hide.
    /// </summary>
    /// <param name="gold">The labelled days.</param>
    /// <param name="pred">The predictions.</param>
    /// <param name="corpusDir">As for <see cref="Score"/>.</param>
    /// <returns>One score per group, groups in ordinal order; a gold file at the top level is in the group "".</returns>
    public static IReadOnlyList<(string Group, EvaluationScore Score)> ScoreByGroup(GoldSet gold, PredictedExchanges pred, string? corpusDir) =>
        [.. gold.Files.Zip(Tallies(gold, pred, corpusDir))
            .GroupBy(file => ChatGroup.Of(PredictedExchanges.NormalizePath(file.First.Path)), StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, Total(group.Select(file => file.Second))))];

    /// <summary>
    /// What each gold file adds to the score: its counts and its matched topic pairs. The score of any set of files is
    /// <see cref="Total"/> of theirs, which is how <see cref="BootstrapScorer"/> rescores resampled sets of days.
    /// </summary>
    /// <param name="gold">The labelled days.</param>
    /// <param name="pred">The predictions.</param>
    /// <param name="corpusDir">As for <see cref="Score"/>.</param>
    /// <returns>One tally per gold file, in the gold set's order.</returns>
    internal static IReadOnlyList<FileTally> Tallies(GoldSet gold, PredictedExchanges pred, string? corpusDir) =>
        [.. ScoredFiles(gold, pred, corpusDir).Select(file => Tally(file.Gold, file.Pred))];

    /// <summary>The score of the files whose tallies are given (a file given twice counts twice).</summary>
    /// <param name="files">The files' tallies.</param>
    /// <returns>The score.</returns>
    internal static EvaluationScore Total(IEnumerable<FileTally> files)
    {
        int fileCount = 0, goldCount = 0, predCount = 0, matched = 0;
        int goldLinks = 0, predLinks = 0, goodLinks = 0;
        int answeredGold = 0, answeredPred = 0, faqHits = 0;
        var predTopics = new List<string?>();
        var goldTopics = new List<string?>();
        foreach (var file in files)
        {
            fileCount++;
            goldCount += file.Gold;
            predCount += file.Pred;
            matched += file.Matched;
            goldLinks += file.GoldLinks;
            predLinks += file.PredLinks;
            goodLinks += file.GoodLinks;
            answeredGold += file.AnsweredGold;
            answeredPred += file.AnsweredPred;
            faqHits += file.FaqHits;
            predTopics.AddRange(file.PredTopics);
            goldTopics.AddRange(file.GoldTopics);
        }

        double qp = Ratio(matched, predCount), qr = Ratio(matched, goldCount);
        double lp = Ratio(goodLinks, predLinks), lr = Ratio(goodLinks, goldLinks);
        double fp = Ratio(faqHits, answeredPred), fr = Ratio(faqHits, answeredGold);
        return new EvaluationScore(
            fileCount, goldCount, predCount, matched,
            qp, qr, F1(qp, qr),
            lp, lr, F1(lp, lr),
            fp, fr, F1(fp, fr),
            TopicAgreement.NormalizedMutualInformation(predTopics, goldTopics),
            TopicAgreement.AdjustedRandIndex(predTopics, goldTopics));
    }

    private static FileTally Tally(IReadOnlyList<GoldExchange> gex, IReadOnlyList<PredictedExchange> pex)
    {
        int matched = 0, goodLinks = 0, faqHits = 0;
        var predTopics = new List<string?>();
        var goldTopics = new List<string?>();
        foreach ((int i, int j) in Match(pex, gex))
        {
            int hits = pex[i].Answers.Count(gex[j].Answers.Contains);
            matched++;
            goodLinks += hits;
            faqHits += hits > 0 ? 1 : 0;
            predTopics.Add(pex[i].Topic);
            goldTopics.Add(gex[j].Topic);
        }

        return new FileTally(
            gex.Count, pex.Count, matched,
            gex.Sum(g => g.Answers.Count), pex.Sum(p => p.Answers.Count), goodLinks,
            gex.Count(g => g.Answers.Count > 0), pex.Count(p => p.Answers.Count > 0), faqHits,
            predTopics, goldTopics);
    }

    /// <summary>
    /// How well the predicted exchanges' confidence is calibrated: each scored exchange with a confidence is an outcome of
    /// 1 when it is matched (as <see cref="Score"/> matches) to a gold exchange that has answers (a real, answered
    /// question), else 0. Reports the outcome rate per confidence bin, the expected calibration error, the Brier score and
    /// the area under the ROC curve.
    /// </summary>
    /// <param name="gold">The labelled days.</param>
    /// <param name="pred">The predictions (with <see cref="PredictedExchange.Confidence"/>).</param>
    /// <param name="corpusDir">As for <see cref="Score"/>.</param>
    /// <param name="binEdges">Upper edges of the bins, ascending, the last at least 1.</param>
    /// <returns>The report.</returns>
    public static CalibrationReport Calibration(GoldSet gold, PredictedExchanges pred, string? corpusDir, IReadOnlyList<double>? binEdges = null)
    {
        binEdges ??= [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0];
        var outcomes = new List<(double Confidence, bool Answered)>();
        foreach ((IReadOnlyList<GoldExchange> gex, IReadOnlyList<PredictedExchange> pex) in ScoredFiles(gold, pred, corpusDir))
        {
            var goldOf = Match(pex, gex).ToDictionary(m => m.Pred, m => m.Gold);
            for (int i = 0; i < pex.Count; i++)
            {
                if (pex[i].Confidence is double confidence)
                {
                    outcomes.Add((confidence, goldOf.TryGetValue(i, out int j) && gex[j].Answers.Count > 0));
                }
            }
        }

        var bins = new List<CalibrationBin>();
        double lower = 0, error = 0;
        foreach (double upper in binEdges)
        {
            bool last = upper == binEdges[^1];
            var members = outcomes.Where(o => o.Confidence >= lower && (o.Confidence < upper || (last && o.Confidence <= upper))).ToList();
            if (members.Count > 0)
            {
                double meanConfidence = members.Average(o => o.Confidence);
                double observed = members.Average(o => o.Answered ? 1.0 : 0.0);
                bins.Add(new CalibrationBin(lower, upper, members.Count, meanConfidence, observed));
                error += (double)members.Count / outcomes.Count * Math.Abs(meanConfidence - observed);
            }

            lower = upper;
        }

        double brier = outcomes.Count == 0 ? 0 : outcomes.Average(o => Math.Pow(o.Confidence - (o.Answered ? 1 : 0), 2));
        return new CalibrationReport(outcomes.Count, bins, error, brier, Auc(outcomes));
    }

    // The Mann-Whitney statistic: over the outcomes sorted by confidence, each hit outranks the misses below it, and
    // misses of equal confidence count half.
    private static double? Auc(List<(double Confidence, bool Answered)> outcomes)
    {
        int hits = outcomes.Count(o => o.Answered), misses = outcomes.Count - hits;
        if (hits == 0 || misses == 0)
        {
            return null;
        }

        double wins = 0;
        int missesBelow = 0;
        foreach (var tied in outcomes.GroupBy(o => o.Confidence).OrderBy(g => g.Key))
        {
            int tiedHits = tied.Count(o => o.Answered), tiedMisses = tied.Count() - tiedHits;
            wins += tiedHits * (missesBelow + (tiedMisses / 2.0));
            missesBelow += tiedMisses;
        }

        return wins / ((double)hits * misses);
    }

    /// <summary>
    /// Greedy one-to-one matching of one file's exchanges: candidate pairs whose question lines overlap, taken by largest
    /// overlap, then smallest predicted question line, then predicted index, then gold index (score.py's tuple sort).
    /// </summary>
    /// <returns>The matched (predicted index, gold index) pairs, in the order they were taken.</returns>
    internal static IReadOnlyList<(int Pred, int Gold)> Match(IReadOnlyList<PredictedExchange> pex, IReadOnlyList<GoldExchange> gex)
    {
        var candidates = new List<(int Overlap, int MinQuestion, int Pred, int Gold)>();
        for (int i = 0; i < pex.Count; i++)
        {
            for (int j = 0; j < gex.Count; j++)
            {
                int overlap = gex[j].Questions.Distinct().Count(pex[i].Questions.Contains);
                if (overlap > 0)
                {
                    candidates.Add((overlap, pex[i].Questions.Min(), i, j));
                }
            }
        }

        candidates.Sort((a, b) => (-a.Overlap, a.MinQuestion, a.Pred, a.Gold).CompareTo((-b.Overlap, b.MinQuestion, b.Pred, b.Gold)));
        var usedPred = new HashSet<int>();
        var usedGold = new HashSet<int>();
        var pairs = new List<(int, int)>();
        foreach (var c in candidates)
        {
            if (usedPred.Contains(c.Pred) || usedGold.Contains(c.Gold))
            {
                continue;
            }

            usedPred.Add(c.Pred);
            usedGold.Add(c.Gold);
            pairs.Add((c.Pred, c.Gold));
        }

        return pairs;
    }

    // Per gold file, its exchanges and the predictions scored against it, lines mapped to one per message when a corpus is given.
    private static IEnumerable<(IReadOnlyList<GoldExchange> Gold, IReadOnlyList<PredictedExchange> Pred)> ScoredFiles(
        GoldSet gold, PredictedExchanges pred, string? corpusDir)
    {
        var predByFile = PredictionsByFile(gold, pred);
        foreach (GoldFile file in gold.Files)
        {
            IReadOnlyList<GoldExchange> gex = file.Exchanges;
            IReadOnlyList<PredictedExchange> pex = predByFile[file.Path];
            if (corpusDir is not null)
            {
                var map = MergedExportCanonicalizer.Map(Path.Combine(corpusDir, file.Path));
                gex = [.. gex.Select(g => g with { Questions = Canonical(g.Questions, map), Answers = Canonical(g.Answers, map) })];
                pex = [.. pex.Select(p => p with { Questions = Canonical(p.Questions, map).ToFrozenSet(), Answers = Canonical(p.Answers, map).ToFrozenSet() })];
            }

            yield return (gex, pex);
        }
    }

    // Per gold path, the scored exchanges in document order: those with a question line, once for each gold file they touch.
    private static Dictionary<string, List<PredictedExchange>> PredictionsByFile(GoldSet gold, PredictedExchanges pred)
    {
        var byFile = gold.Files.ToDictionary(f => f.Path, _ => new List<PredictedExchange>(), StringComparer.Ordinal);
        foreach (PredictedExchange exchange in pred.Exchanges.Where(e => e.Questions.Count > 0))
        {
            foreach (string path in exchange.Paths.Distinct(StringComparer.Ordinal))
            {
                byFile.GetValueOrDefault(path)?.Add(exchange);
            }
        }

        return byFile;
    }

    private static int[] Canonical(IEnumerable<int> lines, IReadOnlyDictionary<int, int> map) =>
        [.. lines.Select(l => map.GetValueOrDefault(l, l)).Distinct().Order()];

    private static double Ratio(int count, int total) => total == 0 ? 0.0 : (double)count / total;

    private static double F1(double p, double r) => p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
