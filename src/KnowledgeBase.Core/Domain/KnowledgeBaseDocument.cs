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
    /// The document with only the entries that have an answer, the exchanges they are built from and the topics these
    /// name, counted again (<see cref="WithTopicsCounted"/>).
    /// </summary>
    /// <returns>The answered part of the document.</returns>
    public KnowledgeBaseDocument AnsweredOnly() => Keeping(e => !e.Unanswered);

    /// <summary>
    /// The document without the entries an analyst rejected, and without the exchanges and topics only they used (topics
    /// counted again, as in <see cref="AnsweredOnly"/>): what may be published.
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

    /// <summary>
    /// The document with <see cref="Topics"/> fitted to its exchanges and entries: every topic an exchange or an entry
    /// names, and no other, in the order of <see cref="Topics"/> (a topic only <paramref name="known"/> has comes after,
    /// in its order), each with <see cref="Topic.ExchangeCount"/> the number of this document's exchanges in it, so
    /// <c>0</c> for a topic listed only because an analyst moved an entry to it. An export that leaves entries and
    /// exchanges out stays closed and counts what it holds.
    /// </summary>
    /// <param name="known">Topics to take a named topic from when <see cref="Topics"/> lacks it (the review store's).</param>
    /// <returns>The document with its topics fitted.</returns>
    public KnowledgeBaseDocument WithTopicsCounted(IEnumerable<Topic>? known = null)
    {
        var counts = Exchanges.Where(e => e.TopicId is not null).CountBy(e => e.TopicId!, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var named = Entries.Select(e => e.TopicId).Concat(counts.Keys).ToHashSet(StringComparer.Ordinal);
        var topics = Topics.Concat(known ?? [])
            .DistinctBy(t => t.Id, StringComparer.Ordinal)
            .Where(t => named.Contains(t.Id))
            .Select(t => t.ExchangeCount == counts.GetValueOrDefault(t.Id) ? t : t with { ExchangeCount = counts.GetValueOrDefault(t.Id) })
            .ToList();
        return this with { Topics = topics };
    }

    private KnowledgeBaseDocument Keeping(Func<FaqEntry, bool> keep)
    {
        var entries = Entries.Where(keep).ToList();
        var exchangeIds = entries.SelectMany(e => e.ExchangeIds).ToHashSet(StringComparer.Ordinal);
        var kept = this with
        {
            Exchanges = Exchanges.Where(e => exchangeIds.Contains(e.Id)).ToList(),
            Entries = entries,
        };
        return kept.WithTopicsCounted();
    }
}
