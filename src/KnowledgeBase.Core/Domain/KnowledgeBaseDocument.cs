namespace KnowledgeBase.Core.Domain;

/// <summary>Everything a build produces: the content of faq.json.</summary>
/// <param name="SchemaVersion">Version of the faq.json contract.</param>
/// <param name="GeneratedAt">When the build ran (UTC).</param>
/// <param name="Input">What was read.</param>
/// <param name="Topics">Topics, largest first.</param>
/// <param name="Exchanges">Exchanges in source order.</param>
/// <param name="Entries">FAQ entries.</param>
public sealed record KnowledgeBaseDocument(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    InputSummary Input,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Exchange> Exchanges,
    IReadOnlyList<FaqEntry> Entries)
{
    /// <summary>The faq.json contract version this code writes.</summary>
    public const int CurrentSchemaVersion = 1;
}
