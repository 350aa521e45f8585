namespace KnowledgeBase.Core.Topics;

/// <summary>ML.NET input row: the content words of one exchange, space-separated per part.</summary>
internal sealed class ExchangeTextRow
{
    /// <summary>Content words of the question messages.</summary>
    public string Question { get; set; } = string.Empty;

    /// <summary>Content words of the answer messages.</summary>
    public string Answer { get; set; } = string.Empty;

    /// <summary>Payment-domain terms of question and answer.</summary>
    public string Domain { get; set; } = string.Empty;
}
