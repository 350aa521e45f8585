namespace KnowledgeBase.Core.Exchanges;

/// <summary>Decision thresholds chosen when the exchange models were trained; stored beside them.</summary>
/// <param name="QuestionThreshold">Minimum probability for a message to open a question.</param>
/// <param name="LinkThreshold">Minimum probability for a message to answer a question.</param>
/// <param name="TrainingDays">Labelled days the models learned from.</param>
/// <param name="Seed">Seed of the training run.</param>
/// <param name="AnsweredThreshold">Minimum probability that a question is answered at all for it to be kept…</param>
/// <param name="SureQuestionThreshold">…unless the detector's probability reaches this.</param>
public sealed record ExchangeModelSettings(
    double QuestionThreshold,
    double LinkThreshold,
    int TrainingDays,
    int Seed,
    double AnsweredThreshold = 0,
    double SureQuestionThreshold = 1);
