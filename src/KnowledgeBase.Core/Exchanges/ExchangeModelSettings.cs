namespace KnowledgeBase.Core.Exchanges;

/// <summary>Decision thresholds chosen when the exchange models were trained; stored beside them.</summary>
/// <param name="QuestionThreshold">Minimum probability for a message to open a question.</param>
/// <param name="LinkThreshold">Minimum probability for a message to answer a question.</param>
/// <param name="TrainingDays">Labelled days the models learned from.</param>
/// <param name="Seed">Seed of the training run.</param>
/// <param name="AnsweredThreshold">Minimum probability that a question is answered at all for it to be kept…</param>
/// <param name="SureQuestionThreshold">…unless the detector's probability reaches this.</param>
/// <param name="QuestionWeight">
/// When a message clears the link threshold for several questions, it answers the one with the largest link probability
/// times the question's detector probability to this power (0: the link probability alone).
/// </param>
/// <param name="CalibratedConfidence">
/// Whether an exchange's confidence comes from the confidence model (<see cref="ExchangeModels.ConfidenceModelFile"/>)
/// rather than P(question) × P(answered).
/// </param>
public sealed record ExchangeModelSettings(
    double QuestionThreshold,
    double LinkThreshold,
    int TrainingDays,
    int Seed,
    double AnsweredThreshold = 0,
    double SureQuestionThreshold = 1,
    double QuestionWeight = 0,
    bool CalibratedConfidence = false);
