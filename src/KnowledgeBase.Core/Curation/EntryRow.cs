using System.Text.Json;
using KnowledgeBase.Core.Domain;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Core.Curation;

/// <summary>One row of the <c>entries</c> table.</summary>
internal sealed record EntryRow(
    string Id,
    string Origin,
    bool Present,
    string BuiltTopicId,
    string BuiltQuestion,
    string BuiltAnswer,
    IReadOnlyList<string> BuiltExchangeIds,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<Expert> Experts,
    double Confidence,
    IReadOnlyList<SourceRef> Sources,
    string SourcesHash,
    string Status,
    string? TopicId,
    string? Question,
    string? Answer,
    string? ReviewedHash,
    bool ChangedSinceReview,
    string? MergedInto,
    string? SplitFrom,
    int Version,
    IReadOnlyList<string> EffExchangeIds,
    double EffConfidence,
    IReadOnlyList<SourceRef> EffSources,
    IReadOnlyList<Expert> EffExperts,
    string Groups,
    string? FirstDay,
    string? LastDay,
    string? ContentHash,
    string? Anchor,
    string? EffContentHash,
    bool Seeded)
{
    public const string Columns =
        "id, origin, present, built_topic_id, built_question, built_answer, built_exchange_ids, keywords, experts, " +
        "confidence, sources, sources_hash, status, topic_id, question, answer, reviewed_hash, changed_since_review, " +
        "merged_into, split_from, version, eff_exchange_ids, eff_confidence, eff_sources, eff_experts, groups, first_day, last_day, " +
        "content_hash, anchor, eff_content_hash, seeded";

    public string CurrentTopicId => TopicId ?? BuiltTopicId;

    public string CurrentQuestion => Question ?? BuiltQuestion;

    public string CurrentAnswer => Answer ?? BuiltAnswer;

    public static EntryRow Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt64(2) != 0,
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        Json.Strings(r.GetString(6)),
        Json.Strings(r.GetString(7)),
        Json.Experts(r.GetString(8)),
        r.GetDouble(9),
        Json.Sources(r.GetString(10)),
        r.GetString(11),
        r.GetString(12),
        r.IsDBNull(13) ? null : r.GetString(13),
        r.IsDBNull(14) ? null : r.GetString(14),
        r.IsDBNull(15) ? null : r.GetString(15),
        r.IsDBNull(16) ? null : r.GetString(16),
        r.GetInt64(17) != 0,
        r.IsDBNull(18) ? null : r.GetString(18),
        r.IsDBNull(19) ? null : r.GetString(19),
        r.GetInt32(20),
        Json.Strings(r.GetString(21)),
        r.GetDouble(22),
        Json.Sources(r.GetString(23)),
        Json.Experts(r.GetString(24)),
        r.GetString(25),
        r.IsDBNull(26) ? null : r.GetString(26),
        r.IsDBNull(27) ? null : r.GetString(27),
        r.IsDBNull(28) ? null : r.GetString(28),
        r.IsDBNull(29) ? null : r.GetString(29),
        r.IsDBNull(30) ? null : r.GetString(30),
        r.GetInt64(31) != 0);

    /// <summary>The entry as it stands now: edits, merges and splits applied.</summary>
    public FaqEntry ToEntry() => new(
        Id,
        CurrentTopicId,
        CurrentQuestion,
        CurrentAnswer,
        EffExchangeIds,
        Status,
        Keywords,
        EffExperts,
        EffConfidence,
        EffSources);

    public CuratedEntry ToCurated(IReadOnlyList<CurationNote> notes) => new(
        ToEntry(),
        Version,
        ChangedSinceReview,
        Present,
        MergedInto,
        Origin,
        BuiltQuestion,
        BuiltAnswer,
        BuiltTopicId,
        Groups.Split(',', StringSplitOptions.RemoveEmptyEntries),
        FirstDay is null ? null : DateOnly.Parse(FirstDay, System.Globalization.CultureInfo.InvariantCulture),
        LastDay is null ? null : DateOnly.Parse(LastDay, System.Globalization.CultureInfo.InvariantCulture),
        notes);

    /// <summary>JSON columns: lists of strings, experts and sources.</summary>
    internal static class Json
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

        public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);

        public static IReadOnlyList<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

        public static IReadOnlyList<Expert> Experts(string json) => JsonSerializer.Deserialize<List<Expert>>(json, Options) ?? [];

        public static IReadOnlyList<SourceRef> Sources(string json) => JsonSerializer.Deserialize<List<SourceRef>>(json, Options) ?? [];
    }
}
