using System.Globalization;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Topics;
using static KnowledgeBase.Core.Curation.CurationDatabase;
using static KnowledgeBase.Core.Curation.CurationRows;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// What the store answers without changing anything: entries, topics, groups, experts, the audit trail, the
/// conversation around an entry, the approved entries and the topics of the latest build.
/// </summary>
/// <param name="database">The store's file.</param>
internal sealed class CurationQueries(CurationDatabase database)
{
    // Entries not merged away: never merged, or merged into an entry the latest build no longer produced (see EntryRecomputer.MergedInto).
    private const string Standing = "(merged_into IS NULL OR merged_into IN (SELECT id FROM entries WHERE origin = 'build' AND present = 0))";

    /// <inheritdoc cref="CurationStore.ExportApproved"/>
    internal KnowledgeBaseDocument ExportApproved()
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var entries = LoadRows(connection, transaction, "status = 'approved' AND " + Standing + " AND present = 1", [])
            .OrderByDescending(r => r.EffConfidence)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => r.ToEntry())
            .ToList();
        var exchangeIds = entries.SelectMany(e => e.ExchangeIds).ToHashSet(StringComparer.Ordinal);
        var exchanges = LoadExchanges(connection, transaction).Where(e => exchangeIds.Contains(e.Id)).ToList();
        var topics = LoadKnownTopics(connection, transaction);
        var meta = LoadMeta(connection, transaction);
        var input = new InputSummary(
            meta.GetValueOrDefault("input.root", string.Empty),
            int.Parse(meta.GetValueOrDefault("input.files", "0"), CultureInfo.InvariantCulture),
            int.Parse(meta.GetValueOrDefault("input.messages", "0"), CultureInfo.InvariantCulture),
            int.Parse(meta.GetValueOrDefault("input.problems", "0"), CultureInfo.InvariantCulture))
        {
            SkippedFiles = int.Parse(meta.GetValueOrDefault("input.skippedFiles", "0"), CultureInfo.InvariantCulture),
        };
        var generatedAt = meta.TryGetValue("build.generatedAt", out var at)
            ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : database.Now();
        // The topics the approved entries and their exchanges name, each counting the exchanges exported.
        return new KnowledgeBaseDocument(KnowledgeBaseDocument.CurrentSchemaVersion, generatedAt, input, [], exchanges, entries).WithTopicsCounted(topics);
    }

    /// <inheritdoc cref="CurationStore.TopicsOfLatestBuild"/>
    /// <inheritdoc cref="CurationStore.HasEntries"/>
    internal bool HasEntries()
    {
        using var connection = database.OpenConnection();
        using var command = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM entries);");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    internal PreviousTopics TopicsOfLatestBuild()
    {
        using var connection = database.OpenConnection();
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        var earlier = new Dictionary<string, string>(StringComparer.Ordinal);
        var byQuestion = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = Command(connection, null, "SELECT id, topic_id, present, anchor FROM exchanges WHERE topic_id IS NOT NULL;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var present = reader.GetBoolean(2);
                (present ? latest : earlier)[reader.GetString(0)] = reader.GetString(1);
                if (present && !reader.IsDBNull(3))
                {
                    byQuestion[Reanchorer.AnchorKey(reader.GetString(3))] = reader.GetString(1);
                }
            }
        }

        // The same first questions by what they say wherever their file is: a file renamed since keeps its topics.
        var anyFile = new Dictionary<string, string?>(StringComparer.Ordinal);
        using (var command = Command(
            connection,
            null,
            """
            SELECT x.id, x.topic_id, m.time, m.speaker, m.body
            FROM exchanges x JOIN exchange_messages e ON e.exchange_id = x.id JOIN messages m ON m.path = e.path AND m.line = e.line
            WHERE x.present = 1 AND x.topic_id IS NOT NULL AND e.role = 'question'
            ORDER BY x.id, e.seq;
            """))
        using (var reader = command.ExecuteReader())
        {
            string? last = null;
            while (reader.Read())
            {
                if (reader.GetString(0) == last)
                {
                    continue;
                }

                last = reader.GetString(0);
                var key = MessageContent.KeyInAnyFile(reader.GetString(2), reader.GetString(3), reader.GetString(4));
                anyFile[key] = anyFile.TryGetValue(key, out var other) && other != reader.GetString(1) ? null : reader.GetString(1);
            }
        }

        var used = Strings(connection, "SELECT id FROM topics UNION SELECT topic_id FROM entries WHERE topic_id IS NOT NULL;");
        return new PreviousTopics(latest, used)
        {
            EarlierTopicOfExchange = earlier,
            TopicOfQuestion = byQuestion,
            TopicOfQuestionInAnyFile = anyFile.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal),
        };
    }

    /// <inheritdoc cref="CurationStore.FilesOfLatestBuild"/>
    internal IReadOnlySet<string> FilesOfLatestBuild()
    {
        using var connection = database.OpenConnection();
        return Strings(connection, "SELECT DISTINCT path FROM exchanges WHERE present = 1;").ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc cref="CurationStore.KnownTopics"/>
    internal IReadOnlyList<Topic> KnownTopics()
    {
        using var connection = database.OpenConnection();
        return LoadKnownTopics(connection, null);
    }

    /// <inheritdoc cref="CurationStore.ResolveId"/>
    internal string ResolveId(string idOrPrefix)
    {
        using var connection = database.OpenConnection();
        var ids = Strings(connection, "SELECT id FROM entries WHERE substr(id, 1, length($prefix)) = $prefix ORDER BY id LIMIT 6;", ("$prefix", idOrPrefix));
        return ids.Contains(idOrPrefix, StringComparer.Ordinal) || ids.Count == 0 ? idOrPrefix
            : ids.Count == 1 ? ids[0]
            : throw new CurationException($"{idOrPrefix} names several entries: {string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", …" : string.Empty)}; give more of the id");
    }

    /// <inheritdoc cref="CurationStore.Get"/>
    internal CuratedEntry? Get(string id)
    {
        using var connection = database.OpenConnection();
        var row = LoadRow(connection, null, id);
        return row?.ToCurated(LoadNotes(connection, null, [id]).GetValueOrDefault(id, []));
    }

    /// <inheritdoc cref="CurationStore.List"/>
    internal IReadOnlyList<CuratedEntry> List(EntryQuery query)
    {
        if (Filter(query) is not { } filter)
        {
            return [];
        }

        using var connection = database.OpenConnection();
        var rows = LoadRows(
            connection,
            null,
            $"""
            {filter.Sql}
            ORDER BY eff_confidence DESC, id
            LIMIT $limit OFFSET $offset
            """,
            [.. filter.Parameters, ("$limit", Math.Max(1, query.Limit)), ("$offset", Math.Max(0, query.Offset))]);
        var notes = LoadNotes(connection, null, rows.Select(r => r.Id).ToList());
        return rows.Select(r => r.ToCurated(notes.GetValueOrDefault(r.Id, []))).ToList();
    }

    /// <inheritdoc cref="CurationStore.Count"/>
    internal int Count(EntryQuery query)
    {
        if (Filter(query) is not { } filter)
        {
            return 0;
        }

        using var connection = database.OpenConnection();
        using var command = Command(connection, null, $"SELECT count(*) FROM entries WHERE {filter.Sql};", filter.Parameters);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc cref="CurationStore.MovedTo"/>
    internal string? MovedTo(string id)
    {
        using var connection = database.OpenConnection();
        return LoadRow(connection, null, id) is null ? CurationRows.MovedTo(connection, null, id) : null;
    }

    // The WHERE condition of a listing and its parameters, or null when its free text has no word to search for.
    private (string Sql, (string Name, object? Value)[] Parameters)? Filter(EntryQuery query)
    {
        if (Blank(query.Status) is { } status && !CurationStatus.IsKnown(status))
        {
            throw new CurationException($"unknown status '{status}': use candidate, approved or rejected");
        }

        var match = query.Text is null ? null : SearchTokens.MatchQuery(database.Options.Tokenize(query.Text));
        if (query.Text is not null && !string.IsNullOrWhiteSpace(query.Text) && match is null)
        {
            return null;
        }

        return (
            $"""
            {Standing}
            AND ($missing OR present = 1 OR $changed = 1)
            AND ($status IS NULL OR status = $status)
            AND ($topic IS NULL OR COALESCE(topic_id, built_topic_id) = $topic)
            AND ($group IS NULL OR instr(groups, ',' || $group || ',') > 0)
            AND ($expert IS NULL OR instr(expert_names, ',' || $expert || ',') > 0)
            AND ($from IS NULL OR last_day >= $from)
            AND ($to IS NULL OR first_day <= $to)
            AND ($changed IS NULL OR changed_since_review = $changed)
            AND ($match IS NULL OR id IN (SELECT entry_id FROM entries_fts WHERE entries_fts MATCH $match))
            """,
            [
                ("$missing", query.IncludeMissing),
                ("$status", Blank(query.Status)),
                ("$topic", Blank(query.TopicId)),
                ("$group", Blank(query.Group)),
                ("$expert", Blank(query.Expert)),
                ("$from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("$to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("$changed", query.ChangedSinceReview),
                ("$match", match),
            ]);
    }

    /// <inheritdoc cref="CurationStore.Topics"/>
    internal IReadOnlyList<Topic> Topics()
    {
        using var connection = database.OpenConnection();
        return LoadTopics(connection, null, presentOnly: true);
    }

    /// <inheritdoc cref="CurationStore.Groups"/>
    internal IReadOnlyList<string> Groups()
    {
        return Listed("SELECT groups FROM entries WHERE merged_into IS NULL AND present = 1;");
    }

    /// <inheritdoc cref="CurationStore.Experts"/>
    internal IReadOnlyList<string> Experts()
    {
        return Listed("SELECT expert_names FROM entries WHERE merged_into IS NULL AND present = 1;");
    }

    // The distinct names of a comma-separated column over the entries the query selects, in ordinal order.
    private List<string> Listed(string sql)
    {
        using var connection = database.OpenConnection();
        return Strings(connection, sql)
            .SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc cref="CurationStore.Audit"/>
    internal IReadOnlyList<AuditRecord> Audit(string? entryId = null, int limit = 1000)
    {
        using var connection = database.OpenConnection();
        if (entryId is not null && LoadRow(connection, null, entryId) is null)
        {
            // An id a build moved (its question on another line) names nothing now: say where its history went.
            throw NotFound(connection, null, entryId);
        }

        using var command = Command(
            connection,
            null,
            """
            SELECT id, entry_id, at, actor, action, field, old_value, new_value, version FROM audit
            WHERE $entry IS NULL OR entry_id = $entry ORDER BY id DESC LIMIT $limit;
            """,
            ("$entry", entryId),
            ("$limit", limit));
        using var reader = command.ExecuteReader();
        var rows = new List<AuditRecord>();
        while (reader.Read())
        {
            rows.Add(new AuditRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8)));
        }

        return rows;
    }

    /// <inheritdoc cref="CurationStore.Conversation"/>
    internal IReadOnlyList<ConversationLine> Conversation(string entryId, int around = 5)
    {
        using var connection = database.OpenConnection();
        var row = LoadRow(connection, null, entryId) ?? throw NotFound(connection, null, entryId);
        var roles = new Dictionary<(string Path, int Line), (string Role, string ExchangeId)>();
        foreach (var exchangeId in row.EffExchangeIds)
        {
            using var command = Command(connection, null, "SELECT path, line, role FROM exchange_messages WHERE exchange_id = $id ORDER BY seq;", ("$id", exchangeId));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetInt32(1));
                var role = reader.GetString(2);
                if (!roles.TryGetValue(key, out var known) || known.Role == "context")
                {
                    roles[key] = (role, exchangeId);
                }
            }
        }

        var lines = new List<ConversationLine>();
        foreach (var path in roles.Keys.Select(k => k.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            using var command = Command(connection, null, "SELECT line, time, speaker, body FROM messages WHERE path = $path ORDER BY line;", ("$path", path));
            using var reader = command.ExecuteReader();
            var file = new List<ConversationLine>();
            while (reader.Read())
            {
                var line = reader.GetInt32(0);
                var (role, exchange) = roles.TryGetValue((path, line), out var found) ? found : (string.Empty, null);
                file.Add(new ConversationLine(path, line, ParseTime(reader.GetString(1)), reader.GetString(2), reader.GetString(3), role, exchange));
            }

            var first = file.FindIndex(l => l.Role.Length > 0);
            var last = file.FindLastIndex(l => l.Role.Length > 0);
            var start = Math.Max(0, first - around);
            var end = Math.Min(file.Count - 1, last + around);
            lines.AddRange(file.Skip(start).Take(end - start + 1));
        }

        return lines;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
