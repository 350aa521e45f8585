using KnowledgeBase.Core.Domain;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.ContentFingerprints;
using static KnowledgeBase.Core.Curation.CurationDatabase;
using static KnowledgeBase.Core.Curation.CurationRows;
using static KnowledgeBase.Core.Curation.EntryRow;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// Works out what each entry holds after a build, a merge or a split: its exchanges, sources, experts, confidence,
/// groups, days and search text.
/// </summary>
/// <param name="database">The store's file.</param>
internal sealed class EntryRecomputer(CurationDatabase database)
{
    // Works out each entry's exchanges after merges and splits, then its sources, experts, confidence, groups, days
    // and search text. An exchange moved by a merge or split follows the move; otherwise it stays with the entry the
    // build gave it to, or with the entry that entry was merged into.
    internal List<(string Exchange, string From, string To)> Recompute(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string>? ids, IReadOnlySet<string>? reindex = null)
    {
        var rows = LoadRows(connection, transaction, "1 = 1", []);
        var exchanges = LoadExchangeFacts(connection, transaction);
        var moves = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = Command(connection, transaction, "SELECT exchange_id, entry_id FROM exchange_moves;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                moves[reader.GetString(0)] = reader.GetString(1);
            }
        }

        // A merge into, or a move to, an entry the latest build no longer produced holds while that entry is missing
        // only for exchanges that are missing too: one the build found goes to the entry the build made of it (or the
        // one that entry is merged into), and an entry merged into the missing one stands on its own again.
        var gone = Gone(rows);
        var builtBy = rows.Where(r => r.Origin == BuildActor && r.Present)
            .SelectMany(r => r.BuiltExchangeIds.Select(x => (Exchange: x, Row: r)))
            .DistinctBy(p => p.Exchange, StringComparer.Ordinal)
            .ToDictionary(p => p.Exchange, p => p.Row, StringComparer.Ordinal);
        var fallbacks = new List<(string Exchange, string From, string To)>();
        foreach (var (exchange, owner) in moves.ToList())
        {
            if (gone.Contains(owner) && exchanges.TryGetValue(exchange, out var found) && found.Present && builtBy.TryGetValue(exchange, out var built))
            {
                moves[exchange] = MergedInto(built, gone) ?? built.Id;
                fallbacks.Add((exchange, owner, moves[exchange]));
            }
        }

        foreach (var row in rows.Where(r => r.MergedInto is { } target && gone.Contains(target)))
        {
            fallbacks.AddRange(row.BuiltExchangeIds.Where(x => exchanges.TryGetValue(x, out var found) && found.Present && !moves.ContainsKey(x)).Select(x => (x, row.MergedInto!, row.Id)));
        }

        var children = rows.Where(r => MergedInto(r, gone) is not null).ToLookup(r => r.MergedInto!, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => ids is null || ids.Contains(r.Id)))
        {
            var mergedInto = MergedInto(row, gone);
            var candidates = mergedInto is null
                ? row.BuiltExchangeIds.Concat(children[row.Id].SelectMany(c => c.BuiltExchangeIds))
                : row.BuiltExchangeIds;
            // An entry of the latest build cites only exchanges that build found: an exchange whose messages are gone (its
            // file removed, its question no longer asked) leaves the entry it was merged or moved into, and an entry split
            // off holding no other is missing. One the build no longer produced keeps what it had, for the analyst to see.
            var missingBuilt = row.Origin == BuildActor && !row.Present;
            var effective = candidates
                .Where(x => !moves.TryGetValue(x, out var owner) || owner == row.Id || mergedInto is not null)
                .Concat(mergedInto is null ? moves.Where(m => m.Value == row.Id).Select(m => m.Key) : [])
                .Where(x => exchanges.TryGetValue(x, out var found) && (found.Present || missingBuilt))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(x => exchanges[x].Ordinal)
                .ToList();
            var cited = effective.SelectMany(x => CitedBy(connection, transaction, x)).Where(m => m.Role != "context").ToList();
            var citedSources = cited.Select(m => new SourceRef(m.Path, m.Line)).Distinct().OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Line).ToList();
            // An entry keeps what its builder gave it while it has the exchanges it was built of: a build's entry until the
            // next build, an entry split off another while those exchanges still cite the messages they cited at the split.
            var asBuilt = effective.ToHashSet(StringComparer.Ordinal).SetEquals(row.BuiltExchangeIds.Where(exchanges.ContainsKey))
                && (row.Origin == BuildActor || (row.BuiltExchangeIds.Count > 0 && SourcesHash(citedSources) == row.SourcesHash));
            var sources = asBuilt ? row.Sources : citedSources;
            var experts = asBuilt
                ? row.Experts
                : cited.Where(m => m.Role == "answer")
                    .GroupBy(m => m.SpeakerName, StringComparer.Ordinal)
                    .Select(g => new Expert(g.Key, g.First().Company, g.First().SpeakerRole, g.Count()))
                    .OrderByDescending(e => e.Answers)
                    .ThenBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
            var confidence = asBuilt ? row.Confidence : effective.Select(x => exchanges[x].Confidence).DefaultIfEmpty(0).Max();
            var groups = effective.Select(x => ChatGroup.Of(exchanges[x].Path)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var days = cited.Select(m => m.Time[..10]).Order(StringComparer.Ordinal).ToList();
            var present = row.Origin == BuildActor ? row.Present : effective.Count > 0;
            var said = EffectiveContentHash(cited.Select(m => MessageContent.Said(m.Path, m.Time, m.Speaker, m.Body)));
            Execute(
                connection,
                transaction,
                """
                UPDATE entries SET eff_exchange_ids = $exchanges, eff_confidence = $confidence, eff_sources = $sources,
                    eff_experts = $experts, groups = $groups, expert_names = $names, first_day = $first, last_day = $last, present = $present,
                    eff_content_hash = $said
                WHERE id = $id;
                """,
                ("$id", row.Id),
                ("$exchanges", Json.Of(effective)),
                ("$confidence", confidence),
                ("$sources", Json.Of(sources)),
                ("$experts", Json.Of(experts)),
                ("$groups", "," + string.Join(',', groups) + ","),
                ("$names", "," + string.Join(',', experts.Select(e => e.Name.Replace(',', ' '))) + ","),
                ("$first", days.Count > 0 ? days[0] : null),
                ("$last", days.Count > 0 ? days[^1] : null),
                ("$present", present),
                ("$said", said));
            if (reindex is null || reindex.Contains(row.Id))
            {
                database.Index(connection, transaction, row.Id, row.CurrentQuestion, row.CurrentAnswer);
            }
        }

        return fallbacks;
    }

    // Entries of the build that the latest build no longer produced.
    internal static HashSet<string> Gone(IEnumerable<EntryRow> rows) =>
        rows.Where(r => r.Origin == BuildActor && !r.Present).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    // The entry a row is merged into, while that entry is in the latest build (a merge into a missing one rests meanwhile).
    internal static string? MergedInto(EntryRow row, IReadOnlySet<string> gone) =>
        row.MergedInto is { } target && !gone.Contains(target) ? target : null;

    // What the entries need of every exchange; the messages each cites are read when its entry is worked out (CitedBy),
    // so that the merge of a large build does not hold every cited message's text at once.
    private static Dictionary<string, ExchangeFacts> LoadExchangeFacts(SqliteConnection connection, SqliteTransaction transaction)
    {
        var facts = new Dictionary<string, ExchangeFacts>(StringComparer.Ordinal);
        using var command = Command(connection, transaction, "SELECT id, path, confidence, ordinal, present FROM exchanges;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            facts[reader.GetString(0)] = new ExchangeFacts(reader.GetString(1), reader.GetDouble(2), reader.GetInt32(3), reader.GetInt64(4) != 0);
        }

        return facts;
    }

    // The messages an exchange cites, in its order, with what their speakers and words were.
    private static List<CitedFact> CitedBy(SqliteConnection connection, SqliteTransaction transaction, string exchange)
    {
        var cited = new List<CitedFact>();
        using var reader = Prepared(
            connection,
            transaction,
            """
            SELECT x.path, x.line, x.role, m.time, m.speaker_name, m.company, m.role, m.speaker, m.body
            FROM exchange_messages x JOIN messages m ON m.path = x.path AND m.line = x.line WHERE x.exchange_id = $id ORDER BY x.seq;
            """,
            ("$id", exchange)).ExecuteReader();
        while (reader.Read())
        {
            cited.Add(new CitedFact(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8)));
        }

        return cited;
    }

    private sealed record ExchangeFacts(string Path, double Confidence, int Ordinal, bool Present);

    private sealed record CitedFact(string Path, int Line, string Role, string Time, string SpeakerName, string? Company, string? SpeakerRole, string Speaker, string Body);
}
