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
/// ML.NET row of the question detector's second stage: the cues and the first stage's text-only probability (out of
/// fold when training).
/// </summary>
internal sealed class StackedQuestionRow
{
    public bool Label { get; set; }

    [VectorType(QuestionFeaturizer.Count)]
    public float[] Cues { get; set; } = [];

    public float TextScore { get; set; }
}

/// <summary>ML.NET row of the reply linker: one (question, later message) pair.</summary>
internal sealed class LinkRow
{
    public bool Label { get; set; }

    [VectorType(LinkFeaturizer.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>ML.NET output of both binary classifiers.</summary>
internal sealed class BinaryPrediction
{
    public float Probability { get; set; }
}
