namespace KnowledgeBase.Core.Evaluation;

/// <summary>How well exchange confidences match how often the exchanges are real, answered questions.</summary>
/// <param name="Exchanges">Scored predicted exchanges that carry a confidence.</param>
/// <param name="Bins">The non-empty confidence bins, ascending.</param>
/// <param name="ExpectedCalibrationError">Mean over exchanges of |bin's mean confidence − bin's observed rate|.</param>
/// <param name="Brier">Mean squared difference between confidence and outcome (0 or 1).</param>
/// <param name="Auc">
/// How well confidence ranks: the chance that a real, answered exchange drawn at random has a higher confidence than a
/// wrong one drawn at random, ties counting half (the area under the ROC curve); <c>null</c> unless both kinds occur.
/// </param>
public sealed record CalibrationReport(int Exchanges, IReadOnlyList<CalibrationBin> Bins, double ExpectedCalibrationError, double Brier, double? Auc);

/// <summary>One confidence bin of a <see cref="CalibrationReport"/>.</summary>
/// <param name="Lower">Lowest confidence in the bin (inclusive).</param>
/// <param name="Upper">Upper edge (exclusive, inclusive for the last bin).</param>
/// <param name="Count">Exchanges in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence.</param>
/// <param name="Observed">The share of them that are real, answered questions.</param>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanConfidence, double Observed);
