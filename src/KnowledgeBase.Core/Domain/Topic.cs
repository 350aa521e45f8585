namespace KnowledgeBase.Core.Domain;

/// <summary>A cluster of exchanges about one subject, labelled with keywords.</summary>
/// <param name="Id">Topic id, stable for the same input.</param>
/// <param name="Label">A short label built from the keywords.</param>
/// <param name="Keywords">3 to 6 keywords, most characteristic first.</param>
/// <param name="ExchangeCount">Number of exchanges in the topic.</param>
public sealed record Topic(string Id, string Label, IReadOnlyList<string> Keywords, int ExchangeCount);
