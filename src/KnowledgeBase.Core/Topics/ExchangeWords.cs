using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Topics;

/// <summary>The content words of one exchange, split by the part they come from.</summary>
/// <param name="Question">Content words of the question messages.</param>
/// <param name="Answer">Content words of the answer messages.</param>
/// <param name="Domain">The payment-domain terms among both.</param>
internal sealed record ExchangeWords(IReadOnlyList<string> Question, IReadOnlyList<string> Answer, IReadOnlyList<string> Domain)
{
    /// <summary>Segments an exchange's question and answer messages, leaving out @mentions and people's names.</summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="segmenter">The segmenter.</param>
    /// <param name="names">Names of the people in the chat: they say who talks, not what about.</param>
    /// <returns>Its words.</returns>
    public static ExchangeWords From(Exchange exchange, ChineseSegmenter segmenter, IReadOnlySet<string> names)
    {
        var question = Words(exchange.Questions, segmenter, names);
        var answer = Words(exchange.Answers, segmenter, names);
        var domain = question.Concat(answer).Where(segmenter.IsDomainTerm).ToArray();
        return new ExchangeWords(question, answer, domain);
    }

    /// <summary>The names of everyone who speaks in the exchanges (two characters or more, domain terms excepted).</summary>
    /// <param name="exchanges">The exchanges.</param>
    /// <param name="segmenter">The segmenter, to keep domain terms that happen to be someone's nick.</param>
    /// <returns>The names, compared case-insensitively.</returns>
    public static IReadOnlySet<string> Names(IEnumerable<Exchange> exchanges, ChineseSegmenter segmenter) =>
        exchanges
            .SelectMany(e => e.Messages)
            .Select(m => m.Message.Speaker.Name.Trim().ToLowerInvariant())
            .Where(name => name.Length >= 2 && !segmenter.IsDomainTerm(name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ML.NET row: words joined by spaces.</summary>
    /// <param name="options">Whether answers take part.</param>
    /// <returns>The row.</returns>
    public ExchangeTextRow ToRow(TopicClustererOptions options) => new()
    {
        Question = string.Join(' ', Question),
        Answer = options.IncludeAnswers ? string.Join(' ', Answer) : string.Empty,
        Domain = string.Join(' ', Domain),
    };

    private static string[] Words(IEnumerable<ChatMessage> messages, ChineseSegmenter segmenter, IReadOnlySet<string> names) =>
        messages
            .Where(m => m.Kind is MessageKind.Text or MessageKind.Link)
            .SelectMany(m => segmenter.ContentWords(WithoutMentions(m)))
            .Select(w => w.Trim().Replace(' ', '_'))
            .Where(w => w.Length > 0 && !names.Contains(w))
            .ToArray();

    // "@钟文帅-天下支付-PM-深圳" would otherwise give the topic a person, a company and a city.
    private static string WithoutMentions(ChatMessage message)
    {
        var text = message.Text;
        foreach (var mention in message.Mentions.Where(m => m.Length > 0).OrderByDescending(m => m.Length))
        {
            text = text.Replace("@" + mention, " ", StringComparison.Ordinal);
        }

        return text;
    }
}
