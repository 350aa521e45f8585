using System.Globalization;
using KnowledgeBase.Core.Domain;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.CurationDatabase;
using static KnowledgeBase.Core.Curation.EntryRow;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// Reads and writes of the store's tables that the merger, the actions and the queries share: entries, notes, topics,
/// exchanges, meta and the audit trail, mapped to and from their records.
/// </summary>
internal static class CurationRows
{
    internal static List<EntryRow> LoadRows(SqliteConnection connection, SqliteTransaction? transaction, string where, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, "SELECT " + Columns + " FROM entries WHERE " + where + ";", [.. parameters]);
        using var reader = command.ExecuteReader();
        var rows = new List<EntryRow>();
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    internal static EntryRow? LoadRow(SqliteConnection connection, SqliteTransaction? transaction, string id) =>
        LoadRows(connection, transaction, "id = $id", [("$id", id)]).SingleOrDefault();

    internal static CurationException NotFound(string id) => CurationException.NoEntry(id, null);

    /// <summary>
    /// The error for an id no entry has, saying where a build moved it when the audit trail knows (a build that finds an
    /// entry's question on another line gives it the id of that line), following moves of moves to the entry there is.
    /// </summary>
    internal static CurationException NotFound(SqliteConnection connection, SqliteTransaction? transaction, string id) =>
        CurationException.NoEntry(id, MovedTo(connection, transaction, id));

    /// <summary>The entry a build moved <paramref name="id"/> to, through any later moves, or null.</summary>
    internal static string? MovedTo(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        string? movedTo = null;
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        for (var from = id; LastMoveFrom(connection, transaction, from)?.To is { } next && seen.Add(next); from = next)
        {
            movedTo = next;
            if (LoadRow(connection, transaction, next) is not null)
            {
                break;
            }
        }

        return movedTo;
    }

    /// <summary>
    /// The latest build move of the entry that had <paramref name="id"/>: the id it went to, and whether it went because its
    /// question was gone (displaced) rather than on another line; null when no build moved one.
    /// </summary>
    internal static (string To, bool Displaced)? LastMoveFrom(SqliteConnection connection, SqliteTransaction? transaction, string id)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT entry_id, action FROM audit WHERE action IN ('build-reanchor', 'build-displaced') AND field = 'id' AND old_value = $id ORDER BY id DESC LIMIT 1;",
            ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1) == "build-displaced") : null;
    }

    internal static Dictionary<string, IReadOnlyList<CurationNote>> LoadNotes(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var notes = new Dictionary<string, List<CurationNote>>(StringComparer.Ordinal);
        using var command = Command(connection, transaction, "SELECT entry_id, at, actor, text FROM notes ORDER BY id;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!wanted.Contains(id))
            {
                continue;
            }

            if (!notes.TryGetValue(id, out var list))
            {
                notes[id] = list = [];
            }

            list.Add(new CurationNote(DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), reader.GetString(2), reader.GetString(3)));
        }

        return notes.ToDictionary(p => p.Key, p => (IReadOnlyList<CurationNote>)p.Value, StringComparer.Ordinal);
    }

    internal static List<Topic> LoadTopics(SqliteConnection connection, SqliteTransaction? transaction, bool presentOnly)
    {
        using var command = Command(connection, transaction, "SELECT id, label, keywords, exchange_count FROM topics WHERE present = 1 OR NOT $present ORDER BY ordinal;", ("$present", presentOnly));
        using var reader = command.ExecuteReader();
        var topics = new List<Topic>();
        while (reader.Read())
        {
            topics.Add(new Topic(reader.GetString(0), reader.GetString(1), Json.Strings(reader.GetString(2)), reader.GetInt32(3)));
        }

        return topics;
    }

    internal static List<Topic> LoadKnownTopics(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var present = LoadTopics(connection, transaction, presentOnly: true).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return LoadTopics(connection, transaction, presentOnly: false).Select(t => present.Contains(t.Id) ? t : t with { ExchangeCount = 0 }).ToList();
    }

    internal static List<Exchange> LoadExchanges(SqliteConnection connection, SqliteTransaction transaction)
    {
        var messages = new Dictionary<string, List<ExchangeMessage>>(StringComparer.Ordinal);
        using (var command = Command(
            connection,
            transaction,
            """
            SELECT x.exchange_id, x.role, x.duplicates, m.path, m.line, m.time, m.speaker, m.speaker_name, m.company, m.role, m.city, m.kind, m.body
            FROM exchange_messages x JOIN messages m ON m.path = x.path AND m.line = x.line ORDER BY x.exchange_id, x.seq;
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var message = new ChatMessage(
                    new SourceRef(reader.GetString(3), reader.GetInt32(4)),
                    ParseTime(reader.GetString(5)),
                    new Speaker(
                        reader.GetString(6),
                        reader.GetString(7),
                        reader.IsDBNull(8) ? null : reader.GetString(8),
                        reader.IsDBNull(9) ? null : reader.GetString(9),
                        reader.IsDBNull(10) ? null : reader.GetString(10)),
                    reader.GetString(12),
                    Enum.TryParse<MessageKind>(reader.GetString(11), out var kind) ? kind : MessageKind.Text,
                    []);
                var id = reader.GetString(0);
                if (!messages.TryGetValue(id, out var list))
                {
                    messages[id] = list = [];
                }

                list.Add(new ExchangeMessage(message, ParseRole(reader.GetString(1)), Json.Sources(reader.GetString(2))));
            }
        }

        using var exchanges = Command(connection, transaction, "SELECT id, path, topic_id, confidence FROM exchanges ORDER BY ordinal;");
        using var rows = exchanges.ExecuteReader();
        var result = new List<Exchange>();
        while (rows.Read())
        {
            var id = rows.GetString(0);
            result.Add(new Exchange(id, rows.GetString(1), messages.GetValueOrDefault(id, []), rows.GetDouble(3), rows.IsDBNull(2) ? null : rows.GetString(2)));
        }

        return result;
    }

    internal static Dictionary<string, string> LoadMeta(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = Command(connection, transaction, "SELECT key, value FROM meta;");
        using var reader = command.ExecuteReader();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            meta[reader.GetString(0)] = reader.GetString(1);
        }

        return meta;
    }

    internal static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value) =>
        Execute(connection, transaction, "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value);", ("$key", key), ("$value", value));

    internal static void Audit(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string entryId,
        DateTimeOffset at,
        string actor,
        string action,
        string? field,
        string? oldValue,
        string? newValue,
        int version) =>
        Execute(
            connection,
            transaction,
            """
            INSERT INTO audit (entry_id, at, actor, action, field, old_value, new_value, version)
            VALUES ($entry, $at, $actor, $action, $field, $old, $new, $version);
            """,
            ("$entry", entryId),
            ("$at", Format(at)),
            ("$actor", actor),
            ("$action", action),
            ("$field", field),
            ("$old", oldValue),
            ("$new", newValue),
            ("$version", version));

    // A build's entry, or (with splitFrom) an entry an analyst split off another, built from its exchanges at the split.
    // One that comes decided (from a faq.json curated elsewhere) is seeded: its texts are those the analyst decided on.
    internal static void InsertBuiltEntry(SqliteConnection connection, SqliteTransaction transaction, FaqEntry entry, string hash, string content, string? anchor, string? splitFrom = null, int version = 1) =>
        Execute(
            connection,
            transaction,
            """
            INSERT INTO entries (id, origin, present, built_topic_id, built_question, built_answer, built_exchange_ids, keywords,
                experts, confidence, sources, sources_hash, content_hash, anchor, status, reviewed_hash, split_from, version, seeded)
            VALUES ($id, $origin, 1, $topic, $question, $answer, $exchanges, $keywords, $experts, $confidence, $sources, $hash, $content, $anchor,
                $status, CASE WHEN $status = 'approved' THEN $content END, $splitFrom, $version, $splitFrom IS NULL AND $status <> 'candidate');
            """,
            [
                .. BuiltColumns(entry, hash, content, anchor),
                ("$version", version),
                ("$origin", splitFrom is null ? BuildActor : "split"),
                ("$splitFrom", splitFrom),
                ("$status", entry.Status is CurationStatus.Approved or CurationStatus.Rejected ? entry.Status : CurationStatus.Candidate),
            ]);

    // The columns a build writes of an entry, as the parameters of both the insert and the update of a built entry.
    internal static (string Name, object? Value)[] BuiltColumns(FaqEntry entry, string hash, string content, string? anchor) =>
    [
        ("$id", entry.Id),
        ("$topic", entry.TopicId),
        ("$question", entry.Question),
        ("$answer", entry.Answer),
        ("$exchanges", Json.Of(entry.ExchangeIds)),
        ("$keywords", Json.Of(entry.Keywords)),
        ("$experts", Json.Of(entry.Experts)),
        ("$confidence", entry.Confidence),
        ("$sources", Json.Of(entry.Sources)),
        ("$hash", hash),
        ("$content", content),
        ("$anchor", anchor),
    ];

    internal static DateTime ParseTime(string text) => DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static MessageRole ParseRole(string role) => role switch
    {
        "question" => MessageRole.Question,
        "answer" => MessageRole.Answer,
        _ => MessageRole.Context,
    };
}
