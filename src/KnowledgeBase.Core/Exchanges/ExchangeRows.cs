using Microsoft.ML.Data;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>ML.NET row of the question detector: one message.</summary>
internal sealed class QuestionRow
{
    public bool Label { get; set; }

    /// <summary>The message's jieba tokens joined by spaces.</summary>
    public string Text { get; set; } = string.Empty;

    [VectorType(QuestionFeaturizer.Count)]
    public float[] Cues { get; set; } = [];
}

/// <summary>
/// ML.NET row of the question detector's second stage: the cues, the first stage's text-only probability and its
/// neighbours' (out of fold when training).
/// </summary>
internal sealed class StackedQuestionRow
{
    public bool Label { get; set; }

    [VectorType(QuestionFeaturizer.Count)]
    public float[] Cues { get; set; } = [];

    public float TextScore { get; set; }

    /// <summary>How question-like the neighbours read (<see cref="QuestionContext"/>).</summary>
    [VectorType(QuestionContext.Count)]
    public float[] Context { get; set; } = [];

    /// <summary>The row of turn <paramref name="index"/>, its context read from every turn's text score; the same in training and in use.</summary>
    /// <param name="day">The day.</param>
    /// <param name="index">The turn.</param>
    /// <param name="cues">Its <see cref="QuestionFeaturizer"/> cues.</param>
    /// <param name="text">The first stage's text score of every turn of the day.</param>
    /// <param name="label">Whether it opens a labelled question (training only).</param>
    public static StackedQuestionRow Of(DayTurns day, int index, float[] cues, float[] text, bool label = false) => new()
    {
        Label = label,
        Cues = cues,
        TextScore = text[index],
        Context = QuestionContext.Featurize(day, text, index),
    };
}

/// <summary>ML.NET row of the answer-text model: one message, labelled by whether it answers any question.</summary>
internal sealed class AnswerRow
{
    public bool Label { get; set; }

    /// <summary>The message's jieba tokens joined by spaces.</summary>
    public string Text { get; set; } = string.Empty;
}

/// <summary>Per-turn scores of a day: the question detector's probability and the answer-text model's.</summary>
/// <param name="Question">P(the turn opens a question), 0 for turns that cannot.</param>
/// <param name="Answer">How much the turn's text reads like an answer, 0 for turns that cannot answer.</param>
internal sealed record TurnScores(float[] Question, float[] Answer);

/// <summary>ML.NET row of the reply linker: one (question, later message) pair.</summary>
internal sealed class LinkRow
{
    public bool Label { get; set; }

    [VectorType(LinkFeaturizer.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>ML.NET row of the confidence model: one exchange found, labelled by whether it is a real, answered question.</summary>
internal sealed class ConfidenceRow
{
    public bool Label { get; set; }

    [VectorType(ConfidenceFeaturizer.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>ML.NET output of the binary classifiers.</summary>
internal sealed class BinaryPrediction
{
    public float Probability { get; set; }
}
