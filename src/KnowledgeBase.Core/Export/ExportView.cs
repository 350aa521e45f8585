using System.Globalization;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// A knowledge base arranged for pages: topics that have entries, the most entries first (ties in document order), each
/// with its entries, file stem and the date of its latest cited message; entries whose topic is missing go to an
/// "uncategorized" page, listed last.
/// </summary>
internal sealed class ExportView
{
    /// <summary>What the pages show where an entry has no answer: nobody in the chat answered its question.</summary>
    public const string NoAnswer = "群里暂无回答。";

    private const string UncategorizedId = "uncategorized";
    private readonly Dictionary<string, Exchange> exchanges;

    public ExportView(KnowledgeBaseDocument document)
    {
        Document = document;
        exchanges = document.Exchanges.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var known = document.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var byTopic = document.Entries.ToLookup(e => known.Contains(e.TopicId) ? e.TopicId : UncategorizedId, StringComparer.Ordinal);
        var topics = document.Topics.Append(new Topic(UncategorizedId, "未分类", [], 0));
        Topics = topics
            .Where(t => byTopic[t.Id].Any())
            .Select(t => new TopicPage(t, "topic-" + FileStem(t.Id), byTopic[t.Id].ToList(), byTopic[t.Id].Max(UpdatedOf)))
            // The pages count a topic's entries, and the build ranks topics by their exchanges (and keeps their ids as
            // they grow): listed by the count they show, largest first, a reader sees no 240 above a 241.
            .OrderBy(page => page.Topic.Id == UncategorizedId)
            .ThenByDescending(page => page.Entries.Count)
            .ToList();
        Updated = Topics.Count > 0 ? Topics.Max(t => t.Updated) : DateOnly.FromDateTime(document.GeneratedAt.UtcDateTime);
    }

    public KnowledgeBaseDocument Document { get; }

    /// <summary>Topics with at least one entry.</summary>
    public IReadOnlyList<TopicPage> Topics { get; }

    /// <summary>The latest date of any topic.</summary>
    public DateOnly Updated { get; }

    /// <summary>An entry's review status as the pages show it, in Chinese like the rest of them.</summary>
    public static string StatusLabel(string status) => status switch
    {
        "candidate" => "待审核",
        "approved" => "已通过",
        "rejected" => "已拒绝",
        _ => status,
    };

    /// <summary>The file stem of an entry's page.</summary>
    public static string EntryStem(FaqEntry entry) => "entry-" + FileStem(entry.Id);

    /// <summary>The entry's exchanges that the document holds, in the entry's order.</summary>
    public IEnumerable<Exchange> ExchangesOf(FaqEntry entry) =>
        entry.ExchangeIds.Select(id => exchanges.GetValueOrDefault(id)).OfType<Exchange>();

    /// <summary>An entry's date: its latest cited message, else the latest day in its source paths, else the build date.</summary>
    public DateOnly UpdatedOf(FaqEntry entry)
    {
        var times = ExchangesOf(entry).SelectMany(e => e.Messages).Select(m => DateOnly.FromDateTime(m.Message.Time)).ToList();
        if (times.Count > 0)
        {
            return times.Max();
        }

        var days = entry.Sources
            .Select(s => DateOnly.TryParseExact(SourceLinkBuilder.DateOf(s.Path), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>()
            .ToList();
        return days.Count > 0 ? days.Max() : DateOnly.FromDateTime(Document.GeneratedAt.UtcDateTime);
    }

    // Ids are ASCII in practice (t01, q3f2a9c1b04); anything else becomes '-' so a file name never escapes the folder.
    private static string FileStem(string id)
    {
        var stem = new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return stem.Length == 0 ? "-" : stem;
    }
}
