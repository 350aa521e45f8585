namespace KnowledgeBase.Core.Domain;

/// <summary>One FAQ entry: a clean question with its best answer, merged across the exchanges that ask it.</summary>
/// <param name="Id">Stable id: the same question keeps its id across re-runs and new days.</param>
/// <param name="TopicId">The topic of the entry.</param>
/// <param name="Question">The cleaned question.</param>
/// <param name="Answer">The answer built from the answering messages, each part attributed to its speaker.</param>
/// <param name="ExchangeIds">Every exchange that asks this question.</param>
/// <param name="Status">Curation status: <c>candidate</c>, <c>approved</c> or <c>rejected</c>.</param>
/// <param name="Keywords">Keywords of the question and answer.</param>
/// <param name="Experts">Who answered.</param>
/// <param name="Confidence">The highest confidence of its exchanges.</param>
/// <param name="Sources">Every cited message (question and answers) of every exchange.</param>
public sealed record FaqEntry(
    string Id,
    string TopicId,
    string Question,
    string Answer,
    IReadOnlyList<string> ExchangeIds,
    string Status,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<Expert> Experts,
    double Confidence,
    IReadOnlyList<SourceRef> Sources)
{
    /// <summary>Whether nobody in the chat answered the question: the entry has no answer text.</summary>
    public bool Unanswered => string.IsNullOrWhiteSpace(Answer);
}
