using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Topics;

/// <summary>The content words of one exchange, split by the part they come from.</summary>
/// <param name="Question">Content words of the question messages.</param>
/// <param name="Answer">Content words of the answer messages.</param>
/// <param name="Domain">The payment-domain terms among both.</param>
internal sealed record ExchangeWords(IReadOnlyList<string> Question, IReadOnlyList<string> Answer, IReadOnlyList<string> Domain)
{
    /// <summary>Segments an exchange's question and answer messages.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="segmenter">The segmenter.</param>
    /// <returns>Its words.</returns>
    public static ExchangeWords From(Exchange exchange, ChineseSegmenter segmenter)
    {
        var question = Words(exchange.Questions, segmenter);
        var answer = Words(exchange.Answers, segmenter);
        var domain = question.Concat(answer).Where(segmenter.IsDomainTerm).ToArray();
        return new ExchangeWords(question, answer, domain);
    }

    /// <summary>The ML.NET row: words joined by spaces.</summary>
    /// <param name="options">Whether answers take part.</param>
    /// <returns>The row.</returns>
    public ExchangeTextRow ToRow(TopicClustererOptions options) => new()
    {
        Question = string.Join(' ', Question),
        Answer = options.IncludeAnswers ? string.Join(' ', Answer) : string.Empty,
        Domain = string.Join(' ', Domain),
    };

    private static string[] Words(IEnumerable<ChatMessage> messages, ChineseSegmenter segmenter) =>
        messages
            .Where(m => m.Kind == MessageKind.Text || m.Kind == MessageKind.Link)
            .SelectMany(m => segmenter.ContentWords(m.Text))
            .Select(w => w.Trim().Replace(' ', '_'))
            .Where(w => w.Length > 0)
            .ToArray();
}
