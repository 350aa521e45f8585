namespace KnowledgeBase.Core.Evaluation;

/// <summary>The gold exchanges of one labelled corpus day.</summary>
/// <param name="Path">The corpus file the labels name, as written in the gold file (<c>group/date-chat.markdown</c>).</param>
/// <param name="Exchanges">The labelled exchanges of that day; may be empty.</param>
public sealed record GoldFile(string Path, IReadOnlyList<GoldExchange> Exchanges);
