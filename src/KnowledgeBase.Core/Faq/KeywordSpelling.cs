using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Faq;

/// <summary>
/// One spelling per keyword across a build. Keywords come lower-cased out of segmentation; each entry's are spelled as
/// its own texts spell them, which gives <c>p2p</c> in one entry and <c>P2P</c> in the next. A wiki that makes a tag of
/// each keyword wants one: the spelling the exchanges behind the keyword use most, counted over every entry and topic
/// that has it.
/// </summary>
internal static class KeywordSpelling
{
    /// <summary>The topics (labels included) and entries with every keyword spelled as the build's texts spell it most often.</summary>
    /// <param name="topics">The build's topics.</param>
    /// <param name="exchanges">Its exchanges, with their topic ids.</param>
    /// <param name="entries">Its entries.</param>
    /// <returns>Topics and entries in the same order, otherwise unchanged.</returns>
    public static (IReadOnlyList<Topic> Topics, IReadOnlyList<FaqEntry> Entries) Unify(
        IReadOnlyList<Topic> topics, IReadOnlyList<Exchange> exchanges, IReadOnlyList<FaqEntry> entries)
    {
        var entryKeywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var id in entry.ExchangeIds)
            {
                entryKeywords.TryAdd(id, entry.Keywords);
            }
        }

        var topicKeywords = topics.ToDictionary(t => t.Id, t => t.Keywords, StringComparer.Ordinal);
        var forms = new WrittenForm();
        foreach (var exchange in exchanges)
        {
            var words = entryKeywords.GetValueOrDefault(exchange.Id, []).Concat(
                exchange.TopicId is { } topic ? topicKeywords.GetValueOrDefault(topic, []) : []);
            forms.Count(words, Texts(exchange));
        }

        return (
            topics.Select(t => forms.Of(t.Keywords) is var keywords ? t with { Label = TopicLabeler.Label(keywords), Keywords = keywords } : t).ToList(),
            entries.Select(e => e with { Keywords = forms.Of(e.Keywords) }).ToList());
    }

    // What keywords are taken from: the texts of the questions and answers.
    private static IEnumerable<string> Texts(Exchange exchange) =>
        exchange.Questions.Concat(exchange.Answers).Where(m => m.Kind is MessageKind.Text or MessageKind.Link).Select(m => m.Text);
}
