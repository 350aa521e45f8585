using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Topics;

/// <summary>What the previous build of the same output said about topics, for <see cref="TopicIdMatcher"/>.</summary>
/// <param name="TopicOfExchange">The previous build's topic id of each of its clustered exchanges, by exchange id.</param>
/// <param name="UsedIds">Every topic id ever given in that output (the previous build's and older ones), never to be reused for another topic.</param>
public sealed record PreviousTopics(IReadOnlyDictionary<string, string> TopicOfExchange, IReadOnlyCollection<string> UsedIds)
{
    /// <summary>
    /// The last topic id of each exchange an older build had and the previous one did not (a day removed, then put
    /// back): matched only for topics the previous build's exchanges leave without an id.
    /// </summary>
    public IReadOnlyDictionary<string, string> EarlierTopicOfExchange { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>True when there is nothing to match against: a fresh output.</summary>
    public bool IsEmpty => TopicOfExchange.Count == 0;

    /// <summary>The topics of a faq.json a previous build wrote (used when the review store has none).</summary>
    /// <param name="document">The previous faq.json.</param>
    /// <returns>Its exchanges' topics and every topic id it names.</returns>
    public static PreviousTopics Of(KnowledgeBaseDocument document) => new(
        document.Exchanges.Where(e => e.TopicId is not null).ToDictionary(e => e.Id, e => e.TopicId!, StringComparer.Ordinal),
        document.Topics.Select(t => t.Id).Concat(document.Entries.Select(e => e.TopicId)).ToHashSet(StringComparer.Ordinal));
}
