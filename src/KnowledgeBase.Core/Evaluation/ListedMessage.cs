namespace KnowledgeBase.Core.Evaluation;

/// <summary>A message as <c>gold-dev/listmsgs.py</c> lists it: header line, time, speaker and body lines joined with a space.</summary>
/// <param name="Line">1-based line number of the header.</param>
/// <param name="Time">The header's <c>HH:MM:SS</c>.</param>
/// <param name="Speaker">The header's speaker, trimmed.</param>
/// <param name="Text">The non-blank body lines, each stripped, joined with one space (entities left encoded).</param>
internal sealed record ListedMessage(int Line, string Time, string Speaker, string Text)
{
    /// <summary>Seconds since midnight, as <c>score.py</c>'s <c>sec</c> reads the time (any Unicode decimal digits).</summary>
    public int Seconds => (Digits(0) * 3600) + (Digits(3) * 60) + Digits(6);

    private int Digits(int at) => ((int)char.GetNumericValue(Time[at]) * 10) + (int)char.GetNumericValue(Time[at + 1]);
}
