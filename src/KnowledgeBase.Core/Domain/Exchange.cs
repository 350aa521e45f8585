namespace KnowledgeBase.Core.Domain;

/// <summary>A domain question asked in one chat day together with the messages that answer it.</summary>
/// <param name="Id">Stable id derived from the day and the first question line (same input, same id).</param>
/// <param name="Path">The chat-log file it comes from.</param>
/// <param name="Messages">Question, answer and context messages in time order.</param>
/// <param name="Confidence">Calibrated probability that this is a real, answered domain question.</param>
/// <param name="TopicId">The topic it was clustered into, once topics are known.</param>
public sealed record Exchange(
    string Id,
    string Path,
    IReadOnlyList<ExchangeMessage> Messages,
    double Confidence,
    string? TopicId = null)
{
    /// <summary>The question messages.</summary>
    public IEnumerable<ChatMessage> Questions => Messages.Where(m => m.Role == MessageRole.Question).Select(m => m.Message);

    /// <summary>The answer messages.</summary>
    public IEnumerable<ChatMessage> Answers => Messages.Where(m => m.Role == MessageRole.Answer).Select(m => m.Message);

    /// <summary>The first question message.</summary>
    public ChatMessage FirstQuestion => Questions.First();
}
