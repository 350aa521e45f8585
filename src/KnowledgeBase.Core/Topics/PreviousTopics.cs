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

    /// <summary>
    /// The previous build's topic of each of its clustered exchanges, by what its first question is (a hash of its file,
    /// time, speaker and text): an exchange whose id changed because a line was added or removed above it is found by it.
    /// </summary>
    public IReadOnlyDictionary<string, string> TopicOfQuestion { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The previous build's topic of each of its clustered exchanges by what its first question says wherever its file is
    /// (<see cref="MessageContent.KeyInAnyFile(ChatMessage)"/>): an exchange of a file renamed or moved to another group
    /// folder is found by it. A key two topics share is left out.
    /// </summary>
    public IReadOnlyDictionary<string, string> TopicOfQuestionInAnyFile { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The topic an exchange had in the previous build: found by its first question (which a line added or removed above
    /// it does not change), else by its id, else by its first question in another file (the file renamed).
    /// </summary>
    /// <param name="exchange">An exchange of the build.</param>
    /// <returns>The topic id, or <see langword="null"/> when the previous build did not have the exchange.</returns>
    internal string? LatestTopicOf(Exchange exchange)
    {
        if (!exchange.Questions.Any())
        {
            return TopicOfExchange.GetValueOrDefault(exchange.Id);
        }

        return TopicOfQuestion.TryGetValue(MessageContent.Key(exchange.FirstQuestion), out var topic)
            ? topic
            : TopicOfExchange.GetValueOrDefault(exchange.Id) ?? TopicOfQuestionInAnyFile.GetValueOrDefault(MessageContent.KeyInAnyFile(exchange.FirstQuestion));
    }

    /// <summary>The topic an older build gave an exchange the previous build did not have (a day removed, then put back), if that topic is continued.</summary>
    /// <param name="exchange">An exchange of the build.</param>
    /// <param name="continued">The previous build's topics that this build continues.</param>
    /// <returns>The topic id, or <see langword="null"/>.</returns>
    internal string? EarlierTopicOf(Exchange exchange, IReadOnlySet<string> continued) =>
        EarlierTopicOfExchange.TryGetValue(exchange.Id, out var topic) && continued.Contains(topic) ? topic : null;

    /// <summary>True when there is nothing to match against: a fresh output.</summary>
    public bool IsEmpty => TopicOfExchange.Count == 0;

    /// <summary>The topics of a faq.json a previous build wrote (used when the review store has none).</summary>
    /// <param name="document">The previous faq.json.</param>
    /// <returns>Its exchanges' topics and every topic id it names.</returns>
    public static PreviousTopics Of(KnowledgeBaseDocument document) => new(
        document.Exchanges.Where(e => e.TopicId is not null).ToDictionary(e => e.Id, e => e.TopicId!, StringComparer.Ordinal),
        document.Topics.Select(t => t.Id).Concat(document.Entries.Select(e => e.TopicId)).ToHashSet(StringComparer.Ordinal));
}
