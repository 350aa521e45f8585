using System.Collections.Frozen;
using KnowledgeBase.Core.Evaluation;
using KnowledgeBase.Core.Segmentation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms.Text;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Learns the question detector (a logistic regression over jieba-token n-grams, then boosted trees over its score and the
/// numeric cues) and the reply linker (boosted trees over the features of each question paired with a later message, for
/// the labelled questions and those the detector finds out of fold) from labelled days, then picks the decision
/// thresholds that maximise the exchange scores on a validation part of the training days.
/// </summary>
public sealed class ExchangeModelTrainer
{
    private static readonly double[] QuestionThresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
    private static readonly double[] LinkThresholds = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
    private static readonly double[] AnsweredThresholds = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    private static readonly double[] SureQuestionThresholds = [0.5, 0.6, 0.7, 0.8, 0.9, 1];
    private static readonly double[] QuestionWeights = [0, 0.5, 1, 2];

    /// <summary>Folds of the out-of-fold text scores the detector's trees learn from.</summary>
    private const int TextFolds = 4;

    private readonly ChineseSegmenter _segmenter;
    private readonly SpeakerDirectory _directory;
    private readonly MessageEmbedder _embedder;
    private readonly int _seed;

    /// <summary>Creates a trainer.</summary>
    /// <param name="segmenter">The segmenter.</param>
    /// <param name="directory">Who is who, learned from the corpus.</param>
    /// <param name="embedder">Word vectors learned from the corpus; saved with the models.</param>
    /// <param name="seed">Seed of every random choice.</param>
    public ExchangeModelTrainer(ChineseSegmenter segmenter, SpeakerDirectory directory, MessageEmbedder embedder, int seed = 7)
    {
        _segmenter = segmenter;
        _directory = directory;
        _embedder = embedder;
        _seed = seed;
    }

    /// <summary>
    /// Trains on the given days: thresholds chosen by 4-fold cross-validation over the days (each day decoded by models
    /// that did not see it, scores pooled; the folds fitted side by side) and the confidence model fitted on the same
    /// decodings, then the final models on all days.
    /// </summary>
    /// <param name="days">Labelled training days.</param>
    /// <param name="log">Receives progress lines for a person.</param>
    /// <returns>The trained models.</returns>
    public ExchangeModels Train(IReadOnlyList<LabelledDay> days, Action<string>? log = null)
    {
        const int folds = 4;
        var prepared = days.Select(d => (Turns: DayTurns.Prepare(d.Day, _segmenter, _directory, _embedder), d.Labels)).ToList();
        var settings = new ExchangeModelSettings(0.5, 0.4, prepared.Count, _seed);
        if (prepared.Count < folds * 2)
        {
            return Fit(prepared, settings);
        }

        // Each fold's models are fitted in a context of their own, seeded alike, so the folds can run at once and give
        // what they would one after the other.
        var finders = new ExchangeFinder[folds];
        try
        {
            Parallel.For(0, folds, fold =>
                finders[fold] = new ExchangeFinder(Fit(prepared.Where((_, i) => i % folds != fold).ToList(), settings), _segmenter, _directory));
            var scored = Enumerable.Range(0, folds)
                .SelectMany(fold => prepared
                    .Where((_, i) => i % folds == fold)
                    .Select(d => (finders[fold], new ScoredDay(d.Turns, d.Labels, finders[fold].Score(d.Turns), new LinkCache()))))
                .ToList();
            settings = ChooseThresholds(settings, scored, log);
            var confidence = FitConfidence(scored, settings, log);
            return Fit(prepared, settings with { CalibratedConfidence = true }, confidence);
        }
        finally
        {
            foreach (var finder in finders)
            {
                finder?.Dispose();
            }
        }
    }

    /// <summary>
    /// K-fold cross-validation by day over all the given days: each fold's days are decoded by models trained (thresholds
    /// and all) on the other folds, and the predictions of all folds are scored together. A steadier estimate than one
    /// small held-out set, for comparing features and settings.
    /// </summary>
    /// <param name="days">Labelled days.</param>
    /// <param name="folds">Number of folds (day i goes to fold i mod folds).</param>
    /// <param name="log">Receives one line per fold.</param>
    /// <returns>The pooled scores and the out-of-fold exchanges they score, for error analysis.</returns>
    public CrossValidation CrossValidate(IReadOnlyList<LabelledDay> days, int folds, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var predictions = new List<ValidatedExchange>();
        for (var fold = 0; fold < folds; fold++)
        {
            var test = days.Where((_, i) => i % folds == fold).ToList();
            var models = Train(days.Where((_, i) => i % folds != fold).ToList());
            using var finder = new ExchangeFinder(models, _segmenter, _directory);
            var scored = test
                .Select(d => DayTurns.Prepare(d.Day, _segmenter, _directory, _embedder) is var turns
                    ? (finder, new ScoredDay(turns, d.Labels, finder.Score(turns), new LinkCache()))
                    : default)
                .ToList();
            predictions.AddRange(Decoded(scored, models.Settings));
            log?.Invoke($"fold {fold + 1}/{folds}: {test.Count} days, thresholds question {models.Settings.QuestionThreshold:0.00} link {models.Settings.LinkThreshold:0.00}");
        }

        var pooled = ExchangeScorer.Score(
            new GoldSet(days.Select(d => d.Labels)), PredictedExchanges.From(predictions.Select(p => p.ForScoring())), corpusDir: null);
        return new CrossValidation(pooled, predictions);
    }

    /// <summary>
    /// K-fold cross-validation of the question detector alone, by day (day i in fold i mod <paramref name="folds"/>): how
    /// well its probability ranks the messages that open a labelled question above the other candidates. Takes minutes
    /// where <see cref="CrossValidate"/> takes half an hour, for comparing detector features and settings.
    /// </summary>
    /// <param name="days">Labelled days.</param>
    /// <param name="folds">Number of folds.</param>
    /// <returns>Ranking and calibration figures over the pooled out-of-fold probabilities.</returns>
    public DetectorValidation CrossValidateDetector(IReadOnlyList<LabelledDay> days, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var prepared = days.Select(d => (Turns: DayTurns.Prepare(d.Day, _segmenter, _directory, _embedder), d.Labels)).ToList();
        var scored = new List<(float Probability, bool Opens)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var context = new MLContext(seed: _seed);
            var (detector, _) = FitQuestion(context, prepared.Where((_, i) => i % folds != fold).ToList());
            var (text, trees) = ExchangeModels.Stages(detector);
            foreach (var (turns, labels) in prepared.Where((_, i) => i % folds == fold))
            {
                var rows = QuestionRows(turns, labels);
                if (rows.Count == 0)
                {
                    continue;
                }

                var turnText = TurnTextScores(context, text, turns, [], []);
                var stacked = rows.Select(r => StackedQuestionRow.Of(turns, r.Index, r.Row.Cues, turnText)).ToList();
                var probabilities = trees.Transform(context.Data.LoadFromEnumerable(stacked)).GetColumn<float>("Probability").ToArray();
                scored.AddRange(rows.Select((r, k) => (probabilities[k], r.Row.Label)));
            }
        }

        return DetectorValidation.Of(scored);
    }

    /// <summary>Scores models on labelled days the way <c>kb eval</c> does (no topics).</summary>
    /// <param name="models">The models.</param>
    /// <param name="days">Labelled days.</param>
    /// <returns>The scores.</returns>
    public EvaluationScore Evaluate(ExchangeModels models, IReadOnlyList<LabelledDay> days)
    {
        var prepared = days.Select(d => (Turns: DayTurns.Prepare(d.Day, _segmenter, _directory, _embedder), d.Labels)).ToList();
        using var finder = new ExchangeFinder(models, _segmenter, _directory);
        var scored = prepared.Select(d => (finder, new ScoredDay(d.Turns, d.Labels, finder.Score(d.Turns), new LinkCache()))).ToList();
        return Score(scored, models.Settings);
    }

    /// <summary>
    /// Scores the reply linker alone: the labelled questions are given, only the answers are predicted. Separates
    /// linking errors from question-detection errors.
    /// </summary>
    /// <param name="models">The models.</param>
    /// <param name="days">Labelled days.</param>
    /// <returns>The scores (question figures are 1 by construction).</returns>
    public EvaluationScore EvaluateLinkerOnLabelledQuestions(ExchangeModels models, IReadOnlyList<LabelledDay> days)
    {
        using var finder = new ExchangeFinder(models, _segmenter, _directory);
        var predictions = new List<(string, IReadOnlyCollection<int>, IReadOnlyCollection<int>, string)>();
        foreach (var day in days)
        {
            var turns = DayTurns.Prepare(day.Day, _segmenter, _directory, _embedder);

            // The labelled questions open exchanges (probability 1); every other message keeps the detector's view for
            // the linker's features, held below the decision threshold so it opens nothing.
            var scores = finder.Score(turns);
            var probabilities = scores.Question;
            for (var i = 0; i < probabilities.Length; i++)
            {
                probabilities[i] = Math.Min(probabilities[i], 0.49f);
            }

            foreach (var index in day.Labels.Exchanges.SelectMany(e => e.Questions).Select(turns.IndexOfLine).OfType<int>())
            {
                probabilities[index] = 1f;
            }

            var oracle = models.Settings with { QuestionThreshold = 0.5, AnsweredThreshold = 0 };
            foreach (var found in finder.Decode(turns, scores, oracle))
            {
                predictions.Add((turns.Day.Path,
                    found.Question.Turns.Select(t => turns.Turns[t].Message.Source.Line).ToList(),
                    found.Answers.Select(t => turns.Turns[t].Message.Source.Line).ToList(),
                    "None"));
            }
        }

        return ExchangeScorer.Score(new GoldSet(days.Select(d => d.Labels)), PredictedExchanges.From(predictions), corpusDir: null);
    }

    private ExchangeModels Fit(IReadOnlyList<(DayTurns Turns, GoldFile Labels)> days, ExchangeModelSettings settings, ITransformer? confidence = null)
    {
        var context = new MLContext(seed: _seed);
        var (question, questionScores) = FitQuestion(context, days);
        var (answer, answerScores) = FitAnswer(context, days);

        // The linker learns on the questions it will be given: the labelled ones, and those the detector finds on a day it
        // did not learn from, real or not; it sees the detector's out-of-fold probabilities, as on an unseen day.
        var linkRows = new List<LinkRow>();
        for (var day = 0; day < days.Count; day++)
        {
            AddLinkRows(days[day].Turns, days[day].Labels, new TurnScores(questionScores[day], answerScores[day]), linkRows);
        }

        var linkPipeline = context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            // Trees capture interactions a linear model misses (a mention matters more far from the question).
            NumberOfLeaves = 16,
            NumberOfTrees = 200,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            FeatureColumnName = nameof(LinkRow.Features),
        });
        var link = linkPipeline.Fit(context.Data.LoadFromEnumerable(linkRows));
        return new ExchangeModels(context, question, link, answer, _embedder, settings, confidence);
    }

    /// <summary>
    /// The question detector in two stages. A logistic regression over the text (jieba word n-grams, character trigrams)
    /// gives a text score; boosted trees then weigh that score together with the numeric cues and the text scores of the
    /// message's neighbours (<see cref="QuestionContext"/>), so that cues can interact (a "呢" matters more from the asker
    /// of a recent question; a question right after another speaker's is often a reply). The trees learn from
    /// out-of-fold text scores (each day scored by a regression trained without it), as the text scores of an unseen day
    /// would be. Returns the detector and, for the linker's training pairs, each day's probabilities from the stages
    /// fitted without it.
    /// </summary>
    private (ITransformer Model, List<float[]> OutOfFold) FitQuestion(MLContext context, IReadOnlyList<(DayTurns Turns, GoldFile Labels)> days)
    {
        var rowsByDay = days.Select(d => QuestionRows(d.Turns, d.Labels)).ToList();
        var questionRows = rowsByDay.Select(rows => rows.Select(r => r.Row).ToList()).ToList();
        var (textScores, textModels) = OutOfFoldTextScores(context, questionRows);

        // Every candidate turn's out-of-fold text score: the training rows' from above, the asker's labelled follow-ups
        // (not training rows, but neighbours) scored by the same fold's model.
        var turnText = days.Select((d, day) => TurnTextScores(context, textModels[day % textModels.Length], d.Turns, rowsByDay[day], textScores[day])).ToList();
        var stackedByDay = rowsByDay
            .Select((rows, day) => rows.Select(r => StackedQuestionRow.Of(days[day].Turns, r.Index, r.Row.Cues, turnText[day], r.Row.Label)).ToList())
            .ToList();
        var stacked = FoldOrder(days.Count).SelectMany(day => stackedByDay[day]).ToList();

        var text = FitText(context, questionRows.SelectMany(r => r).ToList());
        var trees = FitQuestionTrees(context, stacked);

        // One transformer from a QuestionRow to the trees' probability: text stage, its probability as TextScore, trees.
        // The finder runs the first and last stage separately, the context features coming between them.
        var sample = context.Data.LoadFromEnumerable(questionRows.SelectMany(r => r).Take(1));
        var rename = context.Transforms.CopyColumns(nameof(StackedQuestionRow.TextScore), "Probability").Fit(text.Transform(sample));
        var model = new TransformerChain<ITransformer>(text, rename, trees);
        return (model, OutOfFoldQuestionProbabilities(days, turnText, stackedByDay, rowsByDay));
    }

    /// <summary>A day's text score per turn: the training rows' given, the other candidate turns scored by <paramref name="model"/>.</summary>
    private static float[] TurnTextScores(MLContext context, ITransformer model, DayTurns turns, List<(int Index, QuestionRow Row)> rows, float[] rowScores)
    {
        var scores = new float[turns.Turns.Count];
        for (var k = 0; k < rows.Count; k++)
        {
            scores[rows[k].Index] = rowScores[k];
        }

        var others = CandidatesBesides(turns, rows);
        if (others.Count > 0)
        {
            var text = model.Transform(context.Data.LoadFromEnumerable(others.Select(i => ExchangeFinder.QuestionRowOf(turns, i, label: false))))
                .GetColumn<float>("Probability").ToArray();
            for (var k = 0; k < others.Count; k++)
            {
                scores[others[k]] = text[k];
            }
        }

        return scores;
    }

    /// <summary>The turns that could open a question but are not among <paramref name="rows"/> (the asker's labelled follow-ups), in order.</summary>
    private static List<int> CandidatesBesides(DayTurns turns, List<(int Index, QuestionRow Row)> rows) =>
        Enumerable.Range(0, turns.Turns.Count)
            .Where(i => ExchangeFinder.IsCandidateQuestion(turns.Turns[i]))
            .Except(rows.Select(r => r.Index))
            .ToList();

    private static ITransformer FitQuestionTrees(MLContext context, IReadOnlyList<StackedQuestionRow> rows) =>
        context.Transforms.Concatenate(
                "StackFeatures", nameof(StackedQuestionRow.Cues), nameof(StackedQuestionRow.TextScore), nameof(StackedQuestionRow.Context))
            .Append(context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                // Small, slow-learning trees on a subset of the features each: some 1,300 openers among 16,000 rows
                // overfit larger ones (out-of-fold average precision 0.676 with 16 leaves, 200 trees, rate 0.1).
                NumberOfLeaves = 8,
                NumberOfTrees = 600,
                MinimumExampleCountPerLeaf = 30,
                LearningRate = 0.03,
                FeatureFraction = 0.7,
                NumberOfThreads = 1,
                FeatureColumnName = "StackFeatures",
            }))
            .Fit(context.Data.LoadFromEnumerable(rows));

    /// <summary>
    /// The detector's probability for every turn of each day as on a day it never saw: the text stage and the trees of
    /// the fold without that day, over every candidate turn (the training rows, already stacked, and the asker's
    /// labelled follow-ups, which the detector does not learn from). Fitted in a context of their own, so the final
    /// detector stays what it would be without them.
    /// </summary>
    /// <param name="days">The training days.</param>
    /// <param name="turnText">For each day, every turn's out-of-fold text score.</param>
    /// <param name="stackedByDay">For each day, its training rows stacked.</param>
    /// <param name="rowsByDay">For each day, its training rows with their turns.</param>
    private List<float[]> OutOfFoldQuestionProbabilities(
        IReadOnlyList<(DayTurns Turns, GoldFile Labels)> days,
        IReadOnlyList<float[]> turnText,
        IReadOnlyList<List<StackedQuestionRow>> stackedByDay,
        IReadOnlyList<List<(int Index, QuestionRow Row)>> rowsByDay)
    {
        var context = new MLContext(seed: _seed);
        var folds = Math.Min(TextFolds, days.Count);
        var probabilities = days.Select(d => new float[d.Turns.Turns.Count]).ToList();
        for (var fold = 0; fold < folds; fold++)
        {
            var rest = Enumerable.Range(0, days.Count).Where(i => i % folds != fold).SelectMany(i => stackedByDay[i]).ToList();
            var trees = FitQuestionTrees(context, rest.Count > 0 ? rest : stackedByDay.SelectMany(r => r).ToList());
            foreach (var day in Enumerable.Range(0, days.Count).Where(i => i % folds == fold))
            {
                var turns = days[day].Turns;
                var followUps = CandidatesBesides(turns, rowsByDay[day]);
                var candidates = rowsByDay[day].Select(r => r.Index).Concat(followUps).ToList();
                var stacked = stackedByDay[day]
                    .Concat(followUps.Select(i => StackedQuestionRow.Of(turns, i, QuestionFeaturizer.Featurize(turns, i), turnText[day])))
                    .ToList();
                if (stacked.Count == 0)
                {
                    continue;
                }

                var scores = trees.Transform(context.Data.LoadFromEnumerable(stacked)).GetColumn<float>("Probability").ToArray();
                for (var k = 0; k < candidates.Count; k++)
                {
                    probabilities[day][candidates[k]] = scores[k];
                }
            }
        }

        return probabilities;
    }

    /// <summary>
    /// The answer-text model: a logistic regression over a message's text (the same features as the detector's first
    /// stage) that tells messages answering some question from chatter. Returns the model on all days and, for the
    /// linker's training rows, each day's scores from a model trained without that day.
    /// </summary>
    private (ITransformer Model, List<float[]> OutOfFold) FitAnswer(MLContext context, IReadOnlyList<(DayTurns Turns, GoldFile Labels)> days)
    {
        var rowsByDay = days.Select(d =>
        {
            var answers = d.Labels.Exchanges.SelectMany(e => e.Answers).Select(d.Turns.IndexOfLine).OfType<int>().ToHashSet();
            return Enumerable.Range(0, d.Turns.Turns.Count)
                .Where(i => ExchangeFinder.IsCandidateAnswer(d.Turns.Turns[i]))
                .Select(i => (Index: i, Row: new AnswerRow { Label = answers.Contains(i), Text = d.Turns.Turns[i].Tokens }))
                .ToList();
        }).ToList();

        var (textScores, _) = OutOfFoldTextScores(context, rowsByDay.Select(rows => rows.Select(r => r.Row).ToList()).ToList());
        var outOfFold = days.Select(d => new float[d.Turns.Turns.Count]).ToList();
        for (var day = 0; day < days.Count; day++)
        {
            for (var k = 0; k < rowsByDay[day].Count; k++)
            {
                outOfFold[day][rowsByDay[day][k].Index] = textScores[day][k];
            }
        }

        return (FitText(context, rowsByDay.SelectMany(r => r).Select(r => r.Row).ToList()), outOfFold);
    }

    /// <summary>
    /// Each day's rows scored by a text model trained on the other folds' days (day i is in fold i mod
    /// <see cref="TextFolds"/>), as an unseen day would be scored. A single day is scored in-sample.
    /// </summary>
    private static (float[][] Scores, ITransformer[] Models) OutOfFoldTextScores<TRow>(MLContext context, IReadOnlyList<List<TRow>> rowsByDay)
        where TRow : class
    {
        var scores = new float[rowsByDay.Count][];
        var folds = Math.Min(TextFolds, rowsByDay.Count);
        var models = new ITransformer[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var held = Enumerable.Range(0, rowsByDay.Count).Where(i => i % folds == fold).ToList();
            var rest = Enumerable.Range(0, rowsByDay.Count).Where(i => i % folds != fold).SelectMany(i => rowsByDay[i]).ToList();
            var model = models[fold] = FitText(context, rest.Count > 0 ? rest : held.SelectMany(i => rowsByDay[i]).ToList());
            foreach (var day in held)
            {
                scores[day] = model.Transform(context.Data.LoadFromEnumerable(rowsByDay[day])).GetColumn<float>("Probability").ToArray();
            }
        }

        return (scores, models);
    }

    /// <summary>The days fold by fold (the order the out-of-fold scores were made in), for a reproducible row order.</summary>
    private static IEnumerable<int> FoldOrder(int days)
    {
        var folds = Math.Min(TextFolds, days);
        return Enumerable.Range(0, folds).SelectMany(fold => Enumerable.Range(0, days).Where(i => i % folds == fold));
    }

    private static ITransformer FitText<TRow>(MLContext context, IReadOnlyList<TRow> rows)
        where TRow : class =>
        context.Transforms.Text.FeaturizeText(
                "TextFeatures",
                new TextFeaturizingEstimator.Options
                {
                    // Word uni- and bigrams over jieba tokens carry the phrasing (请问, 有没有, 怎么 …).
                    WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                    // Character trigrams catch phrasing that jieba splits differently.
                    CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                    Norm = TextFeaturizingEstimator.NormFunction.L2,
                },
                "Text")
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                FeatureColumnName = "TextFeatures",
                L2Regularization = 1f,
                L1Regularization = 0.05f,
                NumberOfThreads = 1,
            }))
            .Fit(context.Data.LoadFromEnumerable(rows));

    /// <summary>The detector's training rows of a day, each with its turn: every candidate message but the asker's labelled follow-ups.</summary>
    private static List<(int Index, QuestionRow Row)> QuestionRows(DayTurns turns, GoldFile labels)
    {
        // The message that opens each question is the positive example; the asker's completing follow-ups are left
        // out (they read like statements, and the exchange is found through its opening message anyway).
        var indices = labels.Exchanges
            .Select(e => e.Questions.Select(turns.IndexOfLine).OfType<int>().Order().ToList())
            .Where(q => q.Count > 0)
            .ToList();
        var openers = indices.Select(q => q[0]).ToHashSet();
        var followUps = indices.SelectMany(q => q.Skip(1)).ToHashSet();
        return Enumerable.Range(0, turns.Turns.Count)
            .Where(i => ExchangeFinder.IsCandidateQuestion(turns.Turns[i]) && !followUps.Contains(i))
            .Select(i => (i, ExchangeFinder.QuestionRowOf(turns, i, openers.Contains(i))))
            .ToList();
    }

    /// <summary>
    /// The linker's training pairs: every labelled question with the messages after it, and every question the detector
    /// finds at the lowest threshold tried that is not exactly a labelled one. Such a question is answered by what the
    /// labelled exchange sharing most of its messages lists (the scorer would match them), or by nothing: the asker's
    /// later round, a joke or a clarification taken for a question.
    /// </summary>
    internal static void AddLinkRows(DayTurns turns, GoldFile labels, TurnScores scores, List<LinkRow> linkRows)
    {
        var gold = labels.Exchanges
            .Select(e => (Questions: e.Questions.Select(turns.IndexOfLine).OfType<int>().Distinct().Order().ToList(),
                Answers: e.Answers.Select(turns.IndexOfLine).OfType<int>().ToHashSet()))
            .Where(e => e.Questions.Count > 0)
            .ToList();
        foreach (var (questions, answers) in gold)
        {
            AddLinkRows(turns, QuestionGroup.Of(turns, questions), answers, scores, linkRows);
        }

        foreach (var (group, _) in ExchangeFinder.GroupQuestions(turns, scores.Question, QuestionThresholds[0]))
        {
            if (gold.Any(e => e.Questions.SequenceEqual(group.Turns)))
            {
                continue;
            }

            var overlapping = gold
                .Select(e => (e.Answers, Overlap: e.Questions.Count(group.Turns.Contains)))
                .Where(e => e.Overlap > 0)
                .OrderByDescending(e => e.Overlap)
                .FirstOrDefault();
            AddLinkRows(turns, group, overlapping.Answers ?? [], scores, linkRows);
        }
    }

    private static void AddLinkRows(DayTurns turns, QuestionGroup group, HashSet<int> answers, TurnScores scores, List<LinkRow> linkRows)
    {
        foreach (var candidate in LinkFeaturizer.Candidates(turns, group))
        {
            if (ExchangeFinder.IsCandidateAnswer(turns.Turns[candidate]))
            {
                linkRows.Add(new LinkRow { Label = answers.Contains(candidate), Features = LinkFeaturizer.Featurize(turns, group, candidate, scores) });
            }
        }
    }

    // Question and link thresholds first, then the answered filter on top of the best pair, then the question weight.
    // Each step takes the setting whose neighbourhood on the grid scores best on average, not the single best cell: a
    // lone peak among worse neighbours is more likely the luck of these days than a better setting.
    private static ExchangeModelSettings ChooseThresholds(
        ExchangeModelSettings start, IReadOnlyList<(ExchangeFinder Finder, ScoredDay Day)> scored, Action<string>? log)
    {
        double Objective(ExchangeModelSettings candidate)
        {
            var score = Score(scored, candidate);
            return score.QuestionF1 + score.LinkF1 + score.FaqF1;
        }

        var pair = Smoothest(QuestionThresholds, LinkThresholds,
            (q, l) => start with { QuestionThreshold = q, LinkThreshold = l, AnsweredThreshold = 0, SureQuestionThreshold = 1 }, Objective);
        var filtered = Smoothest(AnsweredThresholds, SureQuestionThresholds,
            (a, sure) => pair.Settings with { AnsweredThreshold = a, SureQuestionThreshold = sure }, Objective);
        var weighted = Smoothest(QuestionWeights, [0.0], (w, _) => filtered.Settings with { QuestionWeight = w }, Objective);

        // Each grid holds the setting the step before chose (no filter, the same weight), so it is kept unless beaten.
        var settings = weighted.Settings;
        log?.Invoke($"thresholds: question {settings.QuestionThreshold:0.00}, link {settings.LinkThreshold:0.00}, answered {settings.AnsweredThreshold:0.00} " +
            $"unless question {settings.SureQuestionThreshold:0.00}, question weight {settings.QuestionWeight:0.0} " +
            $"(cross-validated F1 sum {weighted.Score:0.000} on {scored.Count} days, {weighted.Smoothed:0.000} with its neighbours)");
        return settings;
    }

    /// <summary>
    /// Of a grid of settings, the one whose score averaged with its neighbours' (the cells next to it, diagonals
    /// included) is largest; ties go to the first.
    /// </summary>
    private static (ExchangeModelSettings Settings, double Score, double Smoothed) Smoothest(
        double[] rows, double[] columns, Func<double, double, ExchangeModelSettings> settingsAt, Func<ExchangeModelSettings, double> objective)
    {
        var cells = new ExchangeModelSettings[rows.Length, columns.Length];
        var scores = new double[rows.Length, columns.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                cells[r, c] = settingsAt(rows[r], columns[c]);
                scores[r, c] = objective(cells[r, c]);
            }
        }

        var best = (Settings: cells[0, 0], Score: scores[0, 0], Smoothed: double.MinValue);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                double sum = 0;
                var count = 0;
                for (var nr = Math.Max(0, r - 1); nr <= Math.Min(rows.Length - 1, r + 1); nr++)
                {
                    for (var nc = Math.Max(0, c - 1); nc <= Math.Min(columns.Length - 1, c + 1); nc++)
                    {
                        sum += scores[nr, nc];
                        count++;
                    }
                }

                if (sum / count > best.Smoothed + 1e-9)
                {
                    best = (cells[r, c], scores[r, c], sum / count);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The confidence model: a logistic regression that tells, from how the detector and the linker saw an exchange found
    /// on a day they did not learn from, whether it is a real, answered question (it matches a labelled exchange with
    /// answers, as <c>kb eval --calibration</c> counts it). Its probability is the exchange's confidence.
    /// </summary>
    private ITransformer FitConfidence(IReadOnlyList<(ExchangeFinder Finder, ScoredDay Day)> scored, ExchangeModelSettings settings, Action<string>? log)
    {
        var rows = scored.SelectMany(d => ConfidenceRows(d.Finder, d.Day, settings)).ToList();
        var context = new MLContext(seed: _seed);
        var model = context.Transforms.NormalizeMeanVariance(nameof(ConfidenceRow.Features))
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                FeatureColumnName = nameof(ConfidenceRow.Features),
                L2Regularization = 1f,
                NumberOfThreads = 1,
            }))
            .Fit(context.Data.LoadFromEnumerable(rows));
        log?.Invoke($"confidence model: {rows.Count} out-of-fold exchanges, {rows.Count(r => r.Label)} real and answered");
        return model;
    }

    private static IEnumerable<ConfidenceRow> ConfidenceRows(ExchangeFinder finder, ScoredDay day, ExchangeModelSettings settings)
    {
        var linked = finder.DecodeLinked(day.Turns, day.Scores, settings, day.Cache);
        var predicted = linked
            .Select(q => new PredictedExchange(
                [day.Labels.Path],
                q.Group.Turns.Select(t => day.Turns.Turns[t].Message.Source.Line).ToFrozenSet(),
                FrozenSet<int>.Empty,
                "None"))
            .ToList();
        var real = ExchangeScorer.Match(predicted, day.Labels.Exchanges)
            .Where(m => day.Labels.Exchanges[m.Gold].Answers.Count > 0)
            .Select(m => m.Pred)
            .ToHashSet();
        return linked.Select((_, i) => new ConfidenceRow { Label = real.Contains(i), Features = ConfidenceFeaturizer.Featurize(day.Turns, linked, i, day.Scores) });
    }

    private static EvaluationScore Score(
        IReadOnlyList<(ExchangeFinder Finder, ScoredDay Day)> days, ExchangeModelSettings thresholds) =>
        ExchangeScorer.Score(new GoldSet(days.Select(d => d.Day.Labels)), PredictedExchanges.From(Predictions(days, thresholds)), corpusDir: null);

    private static List<(string, IReadOnlyCollection<int>, IReadOnlyCollection<int>, string)> Predictions(
        IReadOnlyList<(ExchangeFinder Finder, ScoredDay Day)> days, ExchangeModelSettings thresholds) =>
        Decoded(days, thresholds).Select(e => e.ForScoring()).ToList();

    private static IEnumerable<ValidatedExchange> Decoded(IReadOnlyList<(ExchangeFinder Finder, ScoredDay Day)> days, ExchangeModelSettings thresholds)
    {
        foreach (var (finder, (turns, _, scores, cache)) in days)
        {
            foreach (var found in finder.Decode(turns, scores, thresholds, cache))
            {
                yield return new ValidatedExchange(
                    turns.Day.Path,
                    found.Question.Turns.Select(t => turns.Turns[t].Message.Source.Line).ToList(),
                    found.Answers.Select(t => turns.Turns[t].Message.Source.Line).ToList(),
                    found.Confidence);
            }
        }
    }
}

/// <summary>What <see cref="ExchangeModelTrainer.CrossValidate"/> measured.</summary>
/// <param name="Score">The scores of all folds' predictions pooled.</param>
/// <param name="Exchanges">Every exchange found, each by models that did not see its day.</param>
public sealed record CrossValidation(EvaluationScore Score, IReadOnlyList<ValidatedExchange> Exchanges);

/// <summary>An exchange found on a labelled day during cross-validation.</summary>
/// <param name="Path">The day's corpus path.</param>
/// <param name="Questions">Header lines of the question messages.</param>
/// <param name="Answers">Header lines of the answers.</param>
/// <param name="Confidence">The exchange's confidence.</param>
public sealed record ValidatedExchange(string Path, IReadOnlyList<int> Questions, IReadOnlyList<int> Answers, double Confidence)
{
    internal (string, IReadOnlyCollection<int>, IReadOnlyCollection<int>, string) ForScoring() => (Path, Questions, Answers, "None");
}

/// <summary>A labelled day with its per-turn scores and link cache, decoded many times while thresholds are tuned.</summary>
internal sealed record ScoredDay(DayTurns Turns, GoldFile Labels, TurnScores Scores, LinkCache Cache);
