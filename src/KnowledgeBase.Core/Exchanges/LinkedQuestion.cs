namespace KnowledgeBase.Core.Exchanges;

/// <summary>A candidate question after linking: its answers and how the linker saw the messages after it.</summary>
/// <param name="Group">The question.</param>
/// <param name="Probability">The detector's probability (the largest of its turns).</param>
/// <param name="Answers">The messages it was given as answers, ascending.</param>
/// <param name="Answered">P(at least one later message answers it) = 1 − Π(1 − link probability).</param>
/// <param name="MaxLink">The largest link probability of any later message.</param>
/// <param name="SumLink">The sum of the link probabilities.</param>
/// <param name="StrongLinks">Later messages with a link probability of at least one half.</param>
/// <param name="HardLinks">Later messages by others that @mention or quote the asker.</param>
internal sealed record LinkedQuestion(
    QuestionGroup Group, float Probability, IReadOnlyList<int> Answers, double Answered, float MaxLink, float SumLink, int StrongLinks, int HardLinks)
{
    /// <summary>The exchange, with P(question) × P(answered) as its confidence.</summary>
    public FoundExchange Exchange => new(Group, Answers, Probability * Answered);
}
