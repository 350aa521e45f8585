namespace KnowledgeBase.Core.Evaluation;

/// <summary>One exchange as the scorer sees a prediction: the files its messages come from, its lines and its topic.</summary>
/// <remarks>
/// Like <c>score.py</c>, the line sets do not say which file a line is in: an exchange whose messages span two files is
/// scored in each of them with all of its lines.
/// </remarks>
/// <param name="Paths">The normalised paths (<c>group/file</c>, see <see cref="PredictedExchanges.NormalizePath"/>) of its messages, each once.</param>
/// <param name="Questions">Header lines of the messages with role <c>question</c>.</param>
/// <param name="Answers">Header lines of the messages with role <c>answer</c>.</param>
/// <param name="Topic">The topic id as Python's <c>str()</c> prints it (<c>"None"</c> when it is missing or null).</param>
public sealed record PredictedExchange(
    IReadOnlyList<string> Paths,
    IReadOnlySet<int> Questions,
    IReadOnlySet<int> Answers,
    string Topic)
{
    /// <summary>The exchange's <c>confidence</c> in faq.json, if it has one (only the calibration report uses it).</summary>
    public double? Confidence { get; init; }
}
