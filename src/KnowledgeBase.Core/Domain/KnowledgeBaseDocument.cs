using KnowledgeBase.Core.Curation;

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

    /// <summary>
    /// The document with only the entries that have an answer, the exchanges they are built from and the topics they
    /// are in (topics keep their exchange counts, as an export of approved entries does).
    /// </summary>
    /// <returns>The answered part of the document.</returns>
    public KnowledgeBaseDocument AnsweredOnly() => Keeping(e => !e.Unanswered);

    /// <summary>
    /// The document without the entries an analyst rejected, and without the exchanges and topics only they used (topics
    /// keep their exchange counts, as in <see cref="AnsweredOnly"/>): what may be published.
    /// </summary>
    /// <returns>The document less its rejected entries.</returns>
    public KnowledgeBaseDocument WithoutRejected() => Keeping(e => e.Status != CurationStatus.Rejected);

    /// <summary>
    /// The document with every topic its entries name listed in <see cref="Topics"/>: an analyst may have moved an entry
    /// to a topic the latest build no longer produces; it is added, from <paramref name="known"/>, with its last label and
    /// keywords and no exchanges.
    /// </summary>
    /// <param name="known">Topics of earlier builds (the review store's).</param>
    /// <returns>The document, the same instance when nothing is missing.</returns>
    public KnowledgeBaseDocument WithTopicsOfEntries(IEnumerable<Topic> known)
    {
        var listed = Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = Entries.Select(e => e.TopicId).Where(id => !listed.Contains(id)).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return this;
        }

        var gone = known.Where(t => wanted.Contains(t.Id)).DistinctBy(t => t.Id).Select(t => t with { ExchangeCount = 0 });
        return this with { Topics = [.. Topics, .. gone] };
    }

    private KnowledgeBaseDocument Keeping(Func<FaqEntry, bool> keep)
    {
        var entries = Entries.Where(keep).ToList();
        var exchangeIds = entries.SelectMany(e => e.ExchangeIds).ToHashSet(StringComparer.Ordinal);
        var topicIds = entries.Select(e => e.TopicId).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Topics = Topics.Where(t => topicIds.Contains(t.Id)).ToList(),
            Exchanges = Exchanges.Where(e => exchangeIds.Contains(e.Id)).ToList(),
            Entries = entries,
        };
    }
}
