using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;
using Microsoft.ML;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Finds the exchanges of one chat day: which messages open domain questions (the learned question detector), which
/// later messages answer each one (the learned reply linker), with a calibrated confidence. Thread-safe.
/// </summary>
public sealed class ExchangeFinder : IDisposable
{
    private const int FollowUpTurns = 3;
    private const double FollowUpSeconds = 180;

    private readonly ExchangeModels _models;
    private readonly ChineseSegmenter _segmenter;
    private readonly SpeakerDirectory _directory;
    private readonly ThreadLocal<PredictionEngine<QuestionRow, BinaryPrediction>> _questionTextEngine;
    private readonly ThreadLocal<PredictionEngine<StackedQuestionRow, BinaryPrediction>> _questionEngine;
    private readonly ThreadLocal<PredictionEngine<LinkRow, BinaryPrediction>> _linkEngine;
    private readonly ThreadLocal<PredictionEngine<AnswerRow, BinaryPrediction>> _answerEngine;
    private readonly ThreadLocal<PredictionEngine<ConfidenceRow, BinaryPrediction>>? _confidenceEngine;
    private readonly Func<float[], float>? _confidence;

    /// <summary>Creates a finder.</summary>
    /// <param name="models">The trained models.</param>
    /// <param name="segmenter">The segmenter (content words for overlap features).</param>
    /// <param name="directory">Who is who, to resolve @mentions and quotes.</param>
    public ExchangeFinder(ExchangeModels models, ChineseSegmenter segmenter, SpeakerDirectory directory)
    {
        _models = models;
        _segmenter = segmenter;
        _directory = directory;
        _questionTextEngine = new(() => models.Context.Model.CreatePredictionEngine<QuestionRow, BinaryPrediction>(models.QuestionText), trackAllValues: true);
        _questionEngine = new(() => models.Context.Model.CreatePredictionEngine<StackedQuestionRow, BinaryPrediction>(models.QuestionTrees), trackAllValues: true);
        _linkEngine = new(() => models.Context.Model.CreatePredictionEngine<LinkRow, BinaryPrediction>(models.Link), trackAllValues: true);
        _answerEngine = new(() => models.Context.Model.CreatePredictionEngine<AnswerRow, BinaryPrediction>(models.Answer), trackAllValues: true);
        if (models.Settings.CalibratedConfidence && models.Confidence is { } confidence)
        {
            _confidenceEngine = new(() => models.Context.Model.CreatePredictionEngine<ConfidenceRow, BinaryPrediction>(confidence), trackAllValues: true);
            _confidence = features => _confidenceEngine.Value!.Predict(new ConfidenceRow { Features = features }).Probability;
        }
    }

    /// <summary>The thresholds the finder decodes with.</summary>
    public ExchangeModelSettings Settings => _models.Settings;

    /// <summary>Finds the exchanges of a day.</summary>
    /// <param name="day">The day.</param>
    /// <returns>Exchanges in order of their first question.</returns>
    public IReadOnlyList<Exchange> Find(ChatDay day)
    {
        var turns = Prepare(day);
        return Exchanges(turns, Score(turns));
    }

    /// <summary>
    /// What the finder sees in a day, for looking at it (<c>kb show-day --scores</c>): the question detector's
    /// probability for each message, in message order, and the exchanges found. A probability is <c>null</c> for
    /// messages that cannot open a question (too short, images, system notes, echoes of another member's words: see
    /// <see cref="Turn.Echo"/>) and for the second copy of a message merged from two exports. The day is prepared once
    /// for both.
    /// </summary>
    /// <param name="day">The day.</param>
    /// <returns>One probability (or null) per message of <paramref name="day"/>, and the exchanges as <see cref="Find"/> gives them.</returns>
    public DayInspection Inspect(ChatDay day)
    {
        var turns = Prepare(day);
        var scores = Score(turns);
        var byLine = turns.Turns
            .Where(CanOpenQuestion)
            .ToDictionary(t => t.Message.Source.Line, t => scores.Question[t.Index]);
        var probabilities = day.Messages.Select(m => byLine.TryGetValue(m.Source.Line, out var p) ? p : (float?)null).ToList();
        return new DayInspection(probabilities, Exchanges(turns, scores));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var engine in _questionTextEngine.Values)
        {
            engine.Dispose();
        }

        foreach (var engine in _questionEngine.Values)
        {
            engine.Dispose();
        }

        foreach (var engine in _linkEngine.Values)
        {
            engine.Dispose();
        }

        foreach (var engine in _answerEngine.Values)
        {
            engine.Dispose();
        }

        foreach (var engine in _confidenceEngine?.Values ?? [])
        {
            engine.Dispose();
        }

        _questionTextEngine.Dispose();
        _questionEngine.Dispose();
        _linkEngine.Dispose();
        _answerEngine.Dispose();
        _confidenceEngine?.Dispose();
    }

    private List<Exchange> Exchanges(DayTurns turns, TurnScores scores)
    {
        var found = Decode(turns, scores, _models.Settings);
        var context = ThreadContext.Of(turns, found);
        return found.Select((exchange, i) => ToExchange(turns, exchange, context[i])).ToList();
    }

    internal DayTurns Prepare(ChatDay day) => DayTurns.Prepare(day, _segmenter, _directory, _models.Embedder);

    /// <summary>Both per-turn views the linker needs: the detector's question probability and the answer-likeness of the text.</summary>
    internal TurnScores Score(DayTurns day) => new(ScoreQuestions(day), ScoreAnswers(day));

    /// <summary>How much each message's text reads like an answer (a text-only model; 0 for messages that cannot answer).</summary>
    internal float[] ScoreAnswers(DayTurns day)
    {
        var engine = _answerEngine.Value!;
        var scores = new float[day.Turns.Count];
        for (var i = 0; i < day.Turns.Count; i++)
        {
            scores[i] = IsCandidateAnswer(day.Turns[i])
                ? engine.Predict(new AnswerRow { Text = day.Turns[i].Tokens }).Probability
                : 0f;
        }

        return scores;
    }

    /// <summary>
    /// The detector's probability per turn, in two passes: every candidate's text score, then the trees over its cues,
    /// its text score and its neighbours' (<see cref="QuestionContext"/>).
    /// </summary>
    internal float[] ScoreQuestions(DayTurns day)
    {
        var textEngine = _questionTextEngine.Value!;
        var engine = _questionEngine.Value!;
        var rows = new QuestionRow?[day.Turns.Count];
        var text = new float[day.Turns.Count];
        for (var i = 0; i < day.Turns.Count; i++)
        {
            if (IsCandidateQuestion(day.Turns[i]))
            {
                rows[i] = QuestionRowOf(day, i, label: false);
                text[i] = textEngine.Predict(rows[i]!).Probability;
            }
        }

        var probabilities = new float[day.Turns.Count];
        for (var i = 0; i < day.Turns.Count; i++)
        {
            if (rows[i] is { } row)
            {
                probabilities[i] = engine.Predict(StackedQuestionRow.Of(day, i, row.Cues, text)).Probability;
            }
        }

        return probabilities;
    }

    internal IReadOnlyList<FoundExchange> Decode(DayTurns day, TurnScores scores, ExchangeModelSettings thresholds, LinkCache? cache = null)
    {
        var linked = DecodeLinked(day, scores, thresholds, cache ?? new LinkCache());
        return _confidence is null
            ? linked.Select(q => q.Exchange).ToList()
            : linked.Select((q, i) => q.Exchange with { Confidence = _confidence(ConfidenceFeaturizer.Featurize(day, linked, i, scores)) }).ToList();
    }

    /// <summary>The questions kept and their answers, with how the linker saw them (what the confidence model weighs).</summary>
    internal List<LinkedQuestion> DecodeLinked(DayTurns day, TurnScores scores, ExchangeModelSettings thresholds, LinkCache cache)
    {
        var groups = GroupQuestions(day, scores.Question, thresholds.QuestionThreshold);
        var linked = Link(day, groups, scores, thresholds, cache);

        // A "question" nobody seems to answer is usually not a real one, unless the detector is sure of it; dropping
        // it frees the messages it took for the questions that remain.
        var kept = groups
            .Where((g, i) => linked[i].Answered >= thresholds.AnsweredThreshold || g.Probability >= thresholds.SureQuestionThreshold)
            .ToList();
        return kept.Count < groups.Count ? Link(day, kept, scores, thresholds, cache) : linked;
    }

    private List<LinkedQuestion> Link(
        DayTurns day, List<(QuestionGroup Group, float Probability)> groups, TurnScores scores, ExchangeModelSettings thresholds, LinkCache cache)
    {
        var answers = groups.Select(_ => new List<int>()).ToArray();
        var noAnswer = groups.Select(_ => 1.0).ToArray();
        var maxLink = new float[groups.Count];
        var sumLink = new float[groups.Count];
        var strong = new int[groups.Count];
        var hard = new int[groups.Count];

        // For every later message, the question it answers: of those whose link clears the threshold, the one that is most
        // likely both a real question and answered by it.
        var best = new Dictionary<int, (int Group, double Weight)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g].Group;
            foreach (var candidate in LinkFeaturizer.Candidates(day, group))
            {
                // A message that looks like a new question may still answer an earlier one ("安全狗？"): the linker decides.
                if (!IsCandidateAnswer(day.Turns[candidate]))
                {
                    continue;
                }

                var probability = cache.GetOrAdd(group, candidate, () => PredictLink(day, group, candidate, scores));
                noAnswer[g] *= 1 - probability;
                maxLink[g] = Math.Max(maxLink[g], probability);
                sumLink[g] += probability;
                strong[g] += probability >= 0.5f ? 1 : 0;
                hard[g] += LinkFeaturizer.IsHardLink(day, group, candidate) ? 1 : 0;
                if (probability < thresholds.LinkThreshold)
                {
                    continue;
                }

                var weight = probability * Math.Pow(groups[g].Probability, thresholds.QuestionWeight);
                if (!best.TryGetValue(candidate, out var current) || weight > current.Weight)
                {
                    best[candidate] = (g, weight);
                }
            }
        }

        foreach (var (candidate, (group, _)) in best)
        {
            answers[group].Add(candidate);
        }

        return groups
            .Select((g, i) => new LinkedQuestion(g.Group, g.Probability, answers[i].Order().ToList(), 1 - noAnswer[i], maxLink[i], sumLink[i], strong[i], hard[i]))
            .ToList();
    }

    private float PredictLink(DayTurns day, QuestionGroup group, int candidate, TurnScores scores) =>
        _linkEngine.Value!.Predict(new LinkRow { Features = LinkFeaturizer.Featurize(day, group, candidate, scores) }).Probability;

    internal static QuestionRow QuestionRowOf(DayTurns day, int index, bool label) => new()
    {
        Label = label,
        Text = day.Turns[index].Tokens,
        Cues = QuestionFeaturizer.Featurize(day, index),
    };

    /// <summary>Whether the detector reads a message: text long enough to ask something.</summary>
    internal static bool IsCandidateQuestion(Turn turn) =>
        turn.Message.Kind is MessageKind.Text or MessageKind.Link && turn.Message.Text.Length >= 4;

    /// <summary>
    /// Whether a message may open a question: a candidate that is no echo of another member's words. An echo is still
    /// scored, since the models read it as a neighbour of the messages around it. Of the 584 echoes on the 205 days of
    /// data/labels none opens a labelled question.
    /// </summary>
    internal static bool CanOpenQuestion(Turn turn) => IsCandidateQuestion(turn) && !turn.Echo;

    internal static bool IsCandidateAnswer(Turn turn) => turn.Message.Kind is not (MessageKind.Empty or MessageKind.System);

    // Consecutive question messages of one asker (nobody else in between, or only briefly) are one question.
    internal static List<(QuestionGroup Group, float Probability)> GroupQuestions(DayTurns day, float[] probabilities, double threshold)
    {
        var groups = new List<(List<int> Turns, float Probability)>();
        var lastGroupOf = new Dictionary<string, int>();
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] < threshold || !CanOpenQuestion(day.Turns[i]))
            {
                continue;
            }

            var speaker = day.Turns[i].Speaker;
            if (lastGroupOf.TryGetValue(speaker, out var g) && IsFollowUp(day, groups[g].Turns[^1], i))
            {
                groups[g].Turns.Add(i);
                groups[g] = (groups[g].Turns, Math.Max(groups[g].Probability, probabilities[i]));
                continue;
            }

            lastGroupOf[speaker] = groups.Count;
            groups.Add(([i], probabilities[i]));
        }

        return groups.Select(g => (QuestionGroup.Of(day, g.Turns), g.Probability)).ToList();
    }

    private static bool IsFollowUp(DayTurns day, int previous, int next)
    {
        if (next - previous > FollowUpTurns || day.Turns[next].Seconds - day.Turns[previous].Seconds > FollowUpSeconds)
        {
            return false;
        }

        // Another speaker's message in between that answers (not just chatter) ends the first question.
        for (var j = previous + 1; j < next; j++)
        {
            if (day.Turns[j].Speaker != day.Turns[next].Speaker && day.Turns[j].Words.Count > 3)
            {
                return false;
            }
        }

        return true;
    }

    private static Exchange ToExchange(DayTurns day, FoundExchange found, IReadOnlyList<int> context)
    {
        var cited = found.Question.Turns.Select(t => (Turn: t, Role: MessageRole.Question))
            .Concat(found.Answers.Select(t => (Turn: t, Role: MessageRole.Answer)))
            .Concat(context.Select(t => (Turn: t, Role: MessageRole.Context)))
            .OrderBy(c => c.Turn)
            .Select(c => new ExchangeMessage(day.Turns[c.Turn].Message, c.Role, day.Turns[c.Turn].Duplicates))
            .ToList();
        var first = day.Turns[found.Question.First].Message.Source;
        return new Exchange(StableId(first), day.Day.Path, cited, found.Confidence);
    }

    /// <summary>The id of an exchange: a hash of its file and first question line, so the same input gives the same id.</summary>
    /// <param name="firstQuestion">The first question message's source.</param>
    /// <returns>An id such as <c>x3f2a9c01b7</c>.</returns>
    public static string StableId(SourceRef firstQuestion)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(firstQuestion.ToString()));
        return "x" + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }
}

/// <summary>What <see cref="ExchangeFinder.Inspect"/> returns.</summary>
/// <param name="QuestionProbabilities">The detector's probability per message of the day, in message order (null where a message cannot open a question).</param>
/// <param name="Exchanges">The exchanges found.</param>
public sealed record DayInspection(IReadOnlyList<float?> QuestionProbabilities, IReadOnlyList<Exchange> Exchanges);

/// <summary>A decoded exchange before it becomes a domain record.</summary>
internal sealed record FoundExchange(QuestionGroup Question, IReadOnlyList<int> Answers, double Confidence);

/// <summary>Link probabilities of one day, so decoding with other thresholds does not predict twice.</summary>
internal sealed class LinkCache
{
    private readonly Dictionary<(int First, int Last, int Count, int Candidate), float> _probabilities = [];

    public float GetOrAdd(QuestionGroup group, int candidate, Func<float> predict)
    {
        var key = (group.First, group.Last, group.Turns.Count, candidate);
        if (!_probabilities.TryGetValue(key, out var probability))
        {
            _probabilities[key] = probability = predict();
        }

        return probability;
    }
}
