using System.Text;

namespace KnowledgeBase.Core.Evaluation;

/// <summary>How well predicted exchanges agree with the gold set; the numbers of <c>gold-dev/score.py</c>.</summary>
/// <param name="Files">Gold files (labelled days), including those without exchanges.</param>
/// <param name="GoldExchanges">Gold exchanges over all gold files.</param>
/// <param name="PredExchanges">Scored predicted exchanges: those in a gold file with at least one question line, once per gold file they touch.</param>
/// <param name="Matched">Predicted exchanges matched one-to-one to a gold exchange by question-line overlap.</param>
/// <param name="QuestionP">Matched / predicted exchanges.</param>
/// <param name="QuestionR">Matched / gold exchanges.</param>
/// <param name="QuestionF1">Harmonic mean of <paramref name="QuestionP"/> and <paramref name="QuestionR"/>.</param>
/// <param name="LinkP">Right answer links (answer lines of a matched exchange that its gold exchange lists) / predicted answer links.</param>
/// <param name="LinkR">Right answer links / gold answer links.</param>
/// <param name="LinkF1">Harmonic mean of <paramref name="LinkP"/> and <paramref name="LinkR"/>.</param>
/// <param name="FaqP">Matched exchanges with at least one right answer line / predicted exchanges with answers.</param>
/// <param name="FaqR">Gold exchanges hit that way / answered gold exchanges.</param>
/// <param name="FaqF1">Harmonic mean of <paramref name="FaqP"/> and <paramref name="FaqR"/>.</param>
/// <param name="TopicNmi">NMI (arithmetic mean) of predicted topic ids against gold topics over matched pairs.</param>
/// <param name="TopicAri">Adjusted Rand index of the same labelings.</param>
public sealed record EvaluationScore(
    int Files,
    int GoldExchanges,
    int PredExchanges,
    int Matched,
    double QuestionP,
    double QuestionR,
    double QuestionF1,
    double LinkP,
    double LinkR,
    double LinkF1,
    double FaqP,
    double FaqR,
    double FaqF1,
    double TopicNmi,
    double TopicAri)
{
    /// <summary>
    /// The score as <c>score.py --json</c> prints it: the same keys in the same order, Python's <c>json.dumps</c> layout
    /// (<c>", "</c> and <c>": "</c>) and float digits (<c>0.0</c>, shortest round-trip).
    /// </summary>
    /// <returns>One line of JSON, without a trailing newline.</returns>
    public string ToJson()
    {
        (string Key, string Value)[] fields =
        [
            ("files", Int(Files)), ("gold_exchanges", Int(GoldExchanges)), ("pred_exchanges", Int(PredExchanges)),
            ("matched", Int(Matched)),
            ("question_p", Float(QuestionP)), ("question_r", Float(QuestionR)), ("question_f1", Float(QuestionF1)),
            ("link_p", Float(LinkP)), ("link_r", Float(LinkR)), ("link_f1", Float(LinkF1)),
            ("faq_p", Float(FaqP)), ("faq_r", Float(FaqR)), ("faq_f1", Float(FaqF1)),
            ("topic_nmi", Float(TopicNmi)), ("topic_ari", Float(TopicAri)),
        ];
        var json = new StringBuilder("{");
        json.AppendJoin(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}"));
        return json.Append('}').ToString();
    }

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // json.dumps writes floats with repr, and the non-finite ones as JavaScript names.
    private static string Float(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => PythonText.Repr(value),
    };
}
