using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Topics;

/// <summary>Topics found in a set of exchanges.</summary>
/// <param name="Topics">Topics, largest first, with ids <c>t01</c>, <c>t02</c>, … in that order.</param>
/// <param name="Exchanges">The exchanges in the order given, each with its <see cref="Exchange.TopicId"/> set.</param>
/// <param name="Selection">How the topic count was chosen.</param>
public sealed record TopicClusteringResult(
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Exchange> Exchanges,
    TopicCountSelection Selection);
