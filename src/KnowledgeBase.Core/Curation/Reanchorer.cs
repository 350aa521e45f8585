using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.ContentFingerprints;
using static KnowledgeBase.Core.Curation.CurationDatabase;
using static KnowledgeBase.Core.Curation.CurationRows;
using static KnowledgeBase.Core.Curation.EntryRow;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// Keeps entries and exchanges whose first question a build finds on another line of the same file: moves them to
/// the ids the build gives them, with everything the store holds about them.
/// </summary>
internal static partial class Reanchorer
{
    // Entry and exchange ids follow the line of the first question, so a line added or removed above it (a fuller
    // re-export, a message now on two lines) gives them new ids. Before the build's exchanges and messages replace the
    // stored ones, this finds each stored entry and exchange whose first question the build has on another line of the
    // same file (the same time, speaker and text, found once in the store and once in the build) and moves it to its new
    // id with everything that names it: status, edits, notes, audit, merges, splits, exchange moves, search rows. A
    // stored entry that had the new id, whose question is not there any more, keeps its decisions under "<id>-displaced";
    // so does one whose line now holds another message (see AnotherMessage), and the id goes to that message's entry as
    // a new candidate.
    internal static Reanchoring Reanchor(SqliteConnection connection, SqliteTransaction transaction, KnowledgeBaseDocument build, IReadOnlyDictionary<string, string> anchors, DateTimeOffset now)
    {
        // A file renamed or moved to another group folder is the file it was: its questions are matched as if it had kept
        // its path, and its entries and exchanges move to the ids the new path gives them.
        var renamed = RenamedFiles(connection, transaction, build);
        ChatMessage AsBefore(ChatMessage message) =>
            renamed.TryGetValue(message.Source.Path, out var path) ? message with { Source = message.Source with { Path = path } } : message;
        var inRenamed = new HashSet<string>(StringComparer.Ordinal);
        if (renamed.Count > 0)
        {
            var asBefore = anchors.ToDictionary(StringComparer.Ordinal);
            foreach (var exchange in build.Exchanges.Where(x => renamed.ContainsKey(x.Path) && asBefore.ContainsKey(x.Id)))
            {
                asBefore[exchange.Id] = AnchorOf(AsBefore(exchange.FirstQuestion));
                inRenamed.Add(exchange.Id);
            }

            inRenamed.UnionWith(build.Entries.Where(e => e.ExchangeIds.Count > 0 && inRenamed.Contains(e.ExchangeIds[0])).Select(e => e.Id));
            anchors = asBefore;
        }

        // A message said twice the same way (same time, speaker and text) in a file cannot tell which one moved where.
        var twice = build.Exchanges.SelectMany(x => x.Messages).Select(m => m.Message).DistinctBy(m => m.Source)
            .GroupBy(m => MessageContent.Key(AsBefore(m)), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        var presentWithout = new HashSet<string>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, "SELECT id, present, anchor FROM exchanges;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored[reader.GetString(0)] = reader.IsDBNull(2) ? null : reader.GetString(2);
                if (reader.IsDBNull(2) && reader.GetInt64(1) != 0)
                {
                    presentWithout.Add(reader.GetString(0));
                }
            }
        }

        if (presentWithout.Count > 0)
        {
            // A store written before anchors were kept: the latest build's exchanges still have their messages in place.
            using var command = Command(
                connection,
                transaction,
                """
                SELECT x.exchange_id, m.path, m.line, m.time, m.speaker, m.body
                FROM exchange_messages x JOIN messages m ON m.path = x.path AND m.line = x.line
                WHERE x.role = 'question' ORDER BY x.exchange_id, x.seq;
                """);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (presentWithout.Remove(id))
                {
                    stored[id] = AnchorOf(reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
                }
            }
        }

        var storedExchanges = stored.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var exchangeMap = Matches(storedExchanges, anchors, twice, inRenamed);
        var rows = LoadRows(connection, transaction, "1 = 1", []);
        var storedEntries = rows
            .Where(r => r.Origin == BuildActor)
            .Select(r => (r.Id, Anchor: r.Anchor ?? (r.Present && r.BuiltExchangeIds.Count > 0 ? storedExchanges.GetValueOrDefault(r.BuiltExchangeIds[0]) : null)))
            .Where(p => p.Anchor is not null)
            .ToDictionary(p => p.Id, p => p.Anchor!, StringComparer.Ordinal);
        var builtFirst = build.Entries
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Where(g => g.Count() == 1 && g.Single().ExchangeIds.Count > 0 && anchors.ContainsKey(g.Single().ExchangeIds[0]))
            .ToDictionary(g => g.Key, g => g.Single().ExchangeIds[0], StringComparer.Ordinal);
        var builtEntries = builtFirst.ToDictionary(p => p.Key, p => anchors[p.Value], StringComparer.Ordinal);
        var entryMap = Matches(storedEntries, builtEntries, twice, inRenamed);
        foreach (var (from, to) in Regrouped(rows, storedExchanges, build, anchors, twice, entryMap))
        {
            entryMap[from] = to;
        }

        // An entry of a renamed file cites the same messages as before, in the same place: its fingerprints go with it.
        var renamedFingerprints = renamed.Count == 0 ? [] : FingerprintsInRenamedFile(connection, transaction, rows, entryMap, inRenamed, renamed);
        var fileOf = renamed.Count == 0
            ? []
            : build.Exchanges.Where(x => inRenamed.Contains(x.Id)).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.Path, StringComparer.Ordinal);

        // A build that finds another message on a stored question's line gives it the stored id; what the store holds
        // under that id is about the question that was there.
        var asked = build.Exchanges.Where(x => x.Questions.Any()).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.FirstQuestion, StringComparer.Ordinal);
        var replacedExchanges = storedExchanges
            .Where(p => !exchangeMap.ContainsKey(p.Key) && asked.TryGetValue(p.Key, out var now) && AnotherMessage(connection, transaction, p.Value, now))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);
        var replacedEntries = storedEntries
            .Where(p => !entryMap.ContainsKey(p.Key) && builtFirst.TryGetValue(p.Key, out var first) && AnotherMessage(connection, transaction, p.Value, asked[first]))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);

        if (exchangeMap.Count > 0 || replacedExchanges.Count > 0)
        {
            // An id another exchange now has names nothing of the stored one's any more: its message is no longer on that line.
            var taken = exchangeMap.Values.Concat(replacedExchanges).ToHashSet(StringComparer.Ordinal);
            string? Mapped(string id) => exchangeMap.TryGetValue(id, out var to) ? to : taken.Contains(id) ? null : id;
            var moves = new List<(string Exchange, string Entry)>();
            using (var command = Command(connection, transaction, "SELECT exchange_id, entry_id FROM exchange_moves;"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    moves.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            Execute(connection, transaction, "DELETE FROM exchange_moves;");
            foreach (var (exchange, entry) in moves)
            {
                if (Mapped(exchange) is { } to)
                {
                    Execute(connection, transaction, "INSERT INTO exchange_moves (exchange_id, entry_id) VALUES ($x, $e);", ("$x", to), ("$e", entry));
                }
            }

            foreach (var row in rows)
            {
                var ids = row.BuiltExchangeIds.Select(Mapped).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                if (!ids.SequenceEqual(row.BuiltExchangeIds, StringComparer.Ordinal))
                {
                    Execute(connection, transaction, "UPDATE entries SET built_exchange_ids = $x WHERE id = $id;", ("$id", row.Id), ("$x", Json.Of(ids)));
                }
            }

            foreach (var id in exchangeMap.Keys)
            {
                Execute(connection, transaction, "DELETE FROM exchanges WHERE id = $id; DELETE FROM exchange_messages WHERE exchange_id = $id;", ("$id", id));
            }
        }

        var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var used = byId.Keys.ToHashSet(StringComparer.Ordinal);
        var displaced = entryMap.Values.Where(id => byId.ContainsKey(id) && !entryMap.ContainsKey(id)).Union(replacedEntries, StringComparer.Ordinal).ToList();
        foreach (var id in displaced.Order(StringComparer.Ordinal))
        {
            var free = id + "-displaced";
            for (var n = 2; used.Contains(free); n++)
            {
                free = $"{id}-displaced-{n}";
            }

            used.Add(free);
            Rekey(connection, transaction, id, free);
            var version = byId[id].Version + 1;
            Execute(connection, transaction, "UPDATE entries SET version = $version WHERE id = $id;", ("$id", free), ("$version", version));
            Audit(connection, transaction, free, now, BuildActor, "build-displaced", "id", id, free, version);
        }

        foreach (var id in entryMap.Keys)
        {
            Rekey(connection, transaction, id, "~" + id);
        }

        foreach (var (from, to) in entryMap.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            Rekey(connection, transaction, "~" + from, to);
            var row = byId[from];
            // A reviewer's save of whatever had this id before must fail as stale, not land on this entry.
            var version = Math.Max(row.Version, byId.GetValueOrDefault(to)?.Version ?? 0) + 1;
            // A reviewed hash of the places only (older stores): what the messages said there is still stored, so the
            // review carries over as the fingerprint of that text, which the build then compares with the moved messages.
            var inFile = renamedFingerprints.GetValueOrDefault(from);
            var reviewed = inFile.Reviewed is { } renamedHash ? renamedHash
                : row.Present && row.ReviewedHash is { } hash && !hash.StartsWith(ContentHashPrefix, StringComparison.Ordinal) && hash == row.SourcesHash
                    ? StoredContentHash(connection, transaction, row.Sources)
                    : row.ReviewedHash;
            Execute(
                connection,
                transaction,
                "UPDATE entries SET version = $version, reviewed_hash = $reviewed, content_hash = $content WHERE id = $id;",
                ("$id", to),
                ("$version", version),
                ("$reviewed", reviewed),
                ("$content", inFile.Content ?? row.ContentHash));
            Audit(connection, transaction, to, now, BuildActor, "build-reanchor", "id", from, to, version);
            if (storedEntries.TryGetValue(from, out var was) && builtEntries.TryGetValue(to, out var line))
            {
                if (fileOf.TryGetValue(builtFirst[to], out var path) && renamed.TryGetValue(path, out var before))
                {
                    Audit(connection, transaction, to, now, BuildActor, "build-reanchor", "file", before, path, version);
                }

                Audit(connection, transaction, to, now, BuildActor, "build-reanchor", "question", $"line {AnchorLine(was)}", $"line {AnchorLine(line)}", version);
            }
        }

        // An id left behind (its entry moved or displaced, nothing moved onto it) starts its new entry past the old one's
        // versions, so a save of the old entry is stale there.
        var vacated = entryMap.Keys.Where(id => !entryMap.ContainsValue(id)).Concat(replacedEntries)
            .ToDictionary(id => id, id => byId[id].Version, StringComparer.Ordinal);
        return new Reanchoring(entryMap, vacated);
    }

    // Stored and built ids whose first question is the same message under another id: moved to another line, in a renamed
    // file, or back on the line of an entry displaced while its question was gone. Only one-to-one matches count.
    private static Dictionary<string, string> Matches(
        IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> built, IReadOnlySet<string> twice, IReadOnlySet<string> inRenamed)
    {
        Dictionary<string, KeyValuePair<string, string>> Once(IReadOnlyDictionary<string, string> anchors) =>
            anchors.GroupBy(p => AnchorKey(p.Value), StringComparer.Ordinal)
                .Where(g => g.Count() == 1 && !twice.Contains(g.Key))
                .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var after = Once(built);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, before) in Once(stored))
        {
            if (after.TryGetValue(key, out var now) && now.Key != before.Key
                && (AnchorLine(now.Value) != AnchorLine(before.Value) || Displaced().IsMatch(before.Key) || inRenamed.Contains(now.Key)))
            {
                map[before.Key] = now.Key;
            }
        }

        return map;
    }

    // Files the latest build read and this one does not, each with the file new to the store that now holds its messages:
    // a file renamed, or moved to another group folder. A pair counts when the new file's exchanges have at least half of
    // the messages (time, speaker, text) the old file's exchanges had, and neither file pairs so with another.
    private static Dictionary<string, string> RenamedFiles(SqliteConnection connection, SqliteTransaction transaction, KnowledgeBaseDocument build)
    {
        var read = build.Exchanges.Select(x => x.Path).ToHashSet(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var gone = new HashSet<string>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, "SELECT path, max(present) FROM exchanges GROUP BY path;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                known.Add(reader.GetString(0));
                if (reader.GetInt64(1) != 0 && !read.Contains(reader.GetString(0)))
                {
                    gone.Add(reader.GetString(0));
                }
            }
        }

        read.ExceptWith(known);
        if (gone.Count == 0 || read.Count == 0)
        {
            return [];
        }

        // The new files of each message, by what it says wherever it is.
        var newFilesOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var message in build.Exchanges.Where(x => read.Contains(x.Path)).SelectMany(x => x.Messages).Select(m => m.Message))
        {
            var key = MessageContent.KeyInAnyFile(message);
            (newFilesOf.TryGetValue(key, out var paths) ? paths : newFilesOf[key] = new HashSet<string>(StringComparer.Ordinal)).Add(message.Source.Path);
        }

        var messagesOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var command = Command(
            connection,
            transaction,
            """
            SELECT DISTINCT m.path, m.time, m.speaker, m.body
            FROM exchanges x JOIN exchange_messages e ON e.exchange_id = x.id JOIN messages m ON m.path = e.path AND m.line = e.line
            WHERE x.present = 1;
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var path = reader.GetString(0);
                if (gone.Contains(path))
                {
                    (messagesOf.TryGetValue(path, out var messages) ? messages : messagesOf[path] = new HashSet<string>(StringComparer.Ordinal))
                        .Add(MessageContent.KeyInAnyFile(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                }
            }
        }

        var pairs = new List<(string Old, string New)>();
        foreach (var (path, messages) in messagesOf)
        {
            var candidates = messages.SelectMany(m => newFilesOf.GetValueOrDefault(m) ?? []).CountBy(p => p, StringComparer.Ordinal)
                .Where(p => p.Value * 2 >= messages.Count)
                .ToList();
            if (candidates.Count == 1)
            {
                pairs.Add((path, candidates[0].Key));
            }
        }

        return pairs.GroupBy(p => p.New, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Old, StringComparer.Ordinal);
    }

    // The fingerprints of each entry moving with its renamed file, taken to the new path: what its build cited (content)
    // and what was reviewed of it as it stands (EntryRecomputer's fingerprint). Each is taken over only while it is what
    // the stored messages still say, so that the build compares the moved messages with what was there. Read before the
    // moved exchanges' rows go.
    private static Dictionary<string, (string? Reviewed, string? Content)> FingerprintsInRenamedFile(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<EntryRow> rows,
        IReadOnlyDictionary<string, string> entryMap,
        IReadOnlySet<string> inRenamed,
        IReadOnlyDictionary<string, string> renamed)
    {
        var newPath = renamed.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        IEnumerable<string> Said(IEnumerable<(string Path, string Time, string Speaker, string Body)> messages, bool moved) =>
            messages.Select(m => MessageContent.Said(moved ? newPath.GetValueOrDefault(m.Path, m.Path) : m.Path, m.Time, m.Speaker, m.Body));
        var fingerprints = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => entryMap.TryGetValue(r.Id, out var to) && inRenamed.Contains(to)))
        {
            string? reviewed = null;
            if (IsEffective(row.ReviewedHash))
            {
                var cited = row.EffExchangeIds.SelectMany(x => Messages(
                    connection,
                    transaction,
                    """
                    SELECT m.path, m.time, m.speaker, m.body
                    FROM exchange_messages e JOIN messages m ON m.path = e.path AND m.line = e.line
                    WHERE e.exchange_id = $id AND e.role <> 'context';
                    """,
                    ("$id", x))).ToList();
                reviewed = EffectiveContentHash(Said(cited, moved: false)) == row.ReviewedHash ? EffectiveContentHash(Said(cited, moved: true)) : null;
            }

            var sources = row.Sources.Select(source => Messages(
                connection,
                transaction,
                "SELECT path, time, speaker, body FROM messages WHERE path = $path AND line = $line;",
                ("$path", source.Path),
                ("$line", source.Line))).ToList();
            var content = sources.All(m => m.Count == 1) && ContentHash(Said(sources.Select(m => m[0]), moved: false)) == row.ContentHash
                ? ContentHash(Said(sources.Select(m => m[0]), moved: true))
                : null;
            fingerprints[row.Id] = (reviewed, content);
        }

        return fingerprints;
    }

    private static List<(string Path, string Time, string Speaker, string Body)> Messages(
        SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var messages = new List<(string, string, string, string)>();
        while (reader.Read())
        {
            messages.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return messages;
    }

    // Stored entries the build no longer produced whose questions it asks in one new entry: one led by an earlier copy of
    // the question (a day added before it, a second export of the day), or by a question that was one of the stored
    // entry's own (its first question's day gone). The entry id follows the first question, so such an entry comes under
    // a new id; the stored entry moves there with its decisions when the two share an exchange's question (the same
    // message) and neither shares one with another such entry.
    private static IEnumerable<(string From, string To)> Regrouped(
        IReadOnlyList<EntryRow> rows,
        IReadOnlyDictionary<string, string> storedExchanges,
        KnowledgeBaseDocument build,
        IReadOnlyDictionary<string, string> anchors,
        IReadOnlySet<string> twice,
        IReadOnlyDictionary<string, string> moved)
    {
        var storedIds = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var builtIds = build.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var taken = moved.Values.ToHashSet(StringComparer.Ordinal);
        var asking = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in build.Entries.Where(e => !storedIds.Contains(e.Id) && !taken.Contains(e.Id)))
        {
            foreach (var key in entry.ExchangeIds.Where(anchors.ContainsKey).Select(x => AnchorKey(anchors[x])).Where(k => !twice.Contains(k)))
            {
                (asking.TryGetValue(key, out var ids) ? ids : asking[key] = new HashSet<string>(StringComparer.Ordinal)).Add(entry.Id);
            }
        }

        var pairs = rows
            .Where(r => r.Origin == BuildActor && !builtIds.Contains(r.Id) && !moved.ContainsKey(r.Id))
            .Select(r => (From: r.Id, To: r.BuiltExchangeIds
                .Where(storedExchanges.ContainsKey)
                .SelectMany(x => asking.GetValueOrDefault(AnchorKey(storedExchanges[x])) ?? [])
                .Distinct(StringComparer.Ordinal)
                .ToList()))
            .Where(p => p.To.Count == 1)
            .Select(p => (p.From, To: p.To[0]))
            .ToList();
        return pairs.GroupBy(p => p.To, StringComparer.Ordinal).Where(g => g.Count() == 1).Select(g => g.Single());
    }

    // Whether the message a build has on a stored question's line is another message rather than the same one reworded:
    // at most one of its time, speaker and text is the stored one's. A message rewritten in place (same time and speaker)
    // stays the entry's question, so an approval of it is flagged, not dropped. The stored question is read back from the
    // messages the store keeps; when those no longer hold it, the id stays with the entry as it did before anchors.
    private static bool AnotherMessage(SqliteConnection connection, SqliteTransaction transaction, string anchor, ChatMessage now)
    {
        var key = AnchorKey(anchor);
        if (key == MessageContent.Key(now) || AnchorLine(anchor) != now.Source.Line)
        {
            return false;
        }

        using var command = Command(
            connection,
            transaction,
            "SELECT time, speaker, body FROM messages WHERE path = $path AND line = $line;",
            ("$path", now.Source.Path),
            ("$line", now.Source.Line));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return false;
        }

        var (time, speaker, body) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        if (MessageContent.Key(now.Source.Path, time, speaker, body) != key)
        {
            return false;
        }

        var same = (ParseTime(time) == now.Time ? 1 : 0)
            + (speaker == now.Speaker.Raw ? 1 : 0)
            + (body == now.Body ? 1 : 0);
        return same < 2;
    }

    // Gives an entry another id everywhere the store names it.
    private static void Rekey(SqliteConnection connection, SqliteTransaction transaction, string from, string to) =>
        Execute(
            connection,
            transaction,
            """
            UPDATE entries SET id = $to WHERE id = $from;
            UPDATE entries SET merged_into = $to WHERE merged_into = $from;
            UPDATE entries SET split_from = $to WHERE split_from = $from;
            UPDATE notes SET entry_id = $to WHERE entry_id = $from;
            UPDATE audit SET entry_id = $to WHERE entry_id = $from;
            UPDATE exchange_moves SET entry_id = $to WHERE entry_id = $from;
            UPDATE entries_fts SET entry_id = $to WHERE rowid = (SELECT fts_rowid FROM fts_map WHERE entry_id = $from);
            UPDATE fts_map SET entry_id = $to WHERE entry_id = $from;
            """,
            ("$from", from),
            ("$to", to));

    // Where a first question is and what it is: "<line>:<hash of file, time, speaker and text>".
    internal static string AnchorOf(ChatMessage message) => message.Source.Line.ToString(CultureInfo.InvariantCulture) + ":" + MessageContent.Key(message);

    internal static string AnchorOf(string path, int line, string time, string speaker, string body) =>
        line.ToString(CultureInfo.InvariantCulture) + ":" + MessageContent.Key(path, time, speaker, body);

    internal static string AnchorKey(string anchor) => anchor[(anchor.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static int AnchorLine(string anchor) => int.Parse(anchor.AsSpan(0, anchor.IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    // The id a stored entry gets when the build gives its id to another question: "<id>-displaced" or "<id>-displaced-<n>".
    [GeneratedRegex(@"-displaced(-[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Displaced();

    internal sealed record Reanchoring(IReadOnlyDictionary<string, string> Moved, IReadOnlyDictionary<string, int> Vacated);
}
