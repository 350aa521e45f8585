using System.Globalization;
using KnowledgeBase.Core.Domain;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.ContentFingerprints;
using static KnowledgeBase.Core.Curation.CurationDatabase;
using static KnowledgeBase.Core.Curation.CurationRows;
using static KnowledgeBase.Core.Curation.EntryRow;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// Merges a build into the store: stores its topics, exchanges and messages, moves re-anchored entries, adds, updates
/// and flags entries, imports the decisions of a faq.json curated elsewhere, and gives exchanges of missing entries back
/// to the entries the build made of them.
/// </summary>
/// <param name="database">The store's file.</param>
/// <param name="recomputer">Works out each entry's exchanges after the merge.</param>
internal sealed class BuildMerger(CurationDatabase database, EntryRecomputer recomputer)
{
    /// <inheritdoc cref="CurationStore.MergeBuild"/>
    internal CurationMergeResult MergeBuild(KnowledgeBaseDocument build)
    {
        var now = database.Now();
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        StoreTopics(connection, transaction, build.Topics);
        var anchors = build.Exchanges.Where(x => x.Questions.Any()).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => Reanchorer.AnchorOf(x.FirstQuestion), StringComparer.Ordinal);
        // Before the build's exchanges and messages replace the stored ones, which say where the old questions were.
        var reanchored = Reanchorer.Reanchor(connection, transaction, build, anchors, now);
        var moved = reanchored.Moved;
        var movedTo = moved.Values.ToHashSet(StringComparer.Ordinal);
        StoreExchanges(connection, transaction, build.Exchanges);

        var existing = LoadRows(connection, transaction, "1 = 1", []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var said = build.Exchanges.SelectMany(x => x.Messages).Select(m => m.Message).DistinctBy(m => m.Source).ToDictionary(m => m.Source);
        var added = new List<string>();
        var changed = new List<string>();
        var reworded = new List<string>();
        var flagged = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in build.Entries)
        {
            if (!seen.Add(entry.Id))
            {
                throw new CurationException($"the build has two entries with id {entry.Id}");
            }

            var hash = SourcesHash(entry.Sources);
            var content = ContentHash(entry.Sources.Select(s => said.TryGetValue(s, out var m) ? MessageContent.Said(m) : Unknown(s)));
            var anchor = entry.ExchangeIds.Count > 0 ? anchors.GetValueOrDefault(entry.ExchangeIds[0]) : null;
            if (!existing.TryGetValue(entry.Id, out var row))
            {
                // An id a moved entry left starts past that entry's versions, so a save of the old entry is stale here.
                var first = reanchored.Vacated.GetValueOrDefault(entry.Id) + 1;
                InsertBuiltEntry(connection, transaction, entry, hash, content, anchor, version: first);
                Audit(connection, transaction, entry.Id, now, BuildActor, "build-add", null, null, entry.Question, first);
                if (entry.Status is CurationStatus.Approved or CurationStatus.Rejected)
                {
                    // A faq.json curated elsewhere (kb review import): its decisions come along, attributed to the import.
                    Audit(connection, transaction, entry.Id, now, BuildActor, "import-status", "status", CurationStatus.Candidate, entry.Status, first);
                }

                added.Add(entry.Id);
                continue;
            }

            var differences = BuiltDifferences(row, entry, hash);
            // What was reviewed is what the entry cites as it stands (see Rereview below). A reviewed hash from before that
            // fingerprint is of what the build's own sources said (file, time, speaker, text), or, older still, of where
            // they were: such a hash that still names this build's sources takes the fingerprint of what they say now,
            // since that older hash could not see text.
            var older = !IsEffective(row.ReviewedHash);
            var upgrade = older && row.ReviewedHash is { } reviewed && !reviewed.StartsWith(ContentHashPrefix, StringComparison.Ordinal) && reviewed == hash;
            var asReviewed = upgrade || row.ReviewedHash == content;
            var flag = older && row.Status == CurationStatus.Approved && !row.ChangedSinceReview && !asReviewed;
            // The flag says the entry is no longer what the analyst approved. A build that brings back exactly the
            // sources they reviewed (after a build of the wrong folder, or an import of another corpus, marked it missing
            // or changed) leaves nothing new to look at, so the flag goes; the audit keeps both moves.
            var unflag = older && row.Status == CurationStatus.Approved && row.ChangedSinceReview && asReviewed;
            // An entry seeded from a curated faq.json (kb review import into a new store) came with the texts its analyst
            // decided on. The first build that produces it, worded otherwise, keeps those as the analyst's edits (where
            // there is none yet) instead of replacing them; from then on it is an entry like any other.
            var decided = row.Status is CurationStatus.Approved or CurationStatus.Rejected;
            var keptQuestion = row.Seeded && decided && row.Question is null && row.BuiltQuestion != entry.Question ? row.BuiltQuestion : null;
            var keptAnswer = row.Seeded && decided && row.Answer is null && row.BuiltAnswer != entry.Answer ? row.BuiltAnswer : null;
            if (differences.Count == 0 && row.Present && !flag && !unflag && !upgrade && !row.Seeded && row.ContentHash == content && row.Anchor == anchor)
            {
                continue;
            }

            // Keywords, experts and confidence are not a reviewer's to edit, so a change there alone does not make their
            // pending save stale.
            var version = differences.All(d => d.Field == "details") && row.Present && !flag && !unflag ? row.Version : row.Version + 1;
            Execute(
                connection,
                transaction,
                """
                UPDATE entries SET present = 1, built_topic_id = $topic, built_question = $question, built_answer = $answer,
                    built_exchange_ids = $exchanges, keywords = $keywords, experts = $experts, confidence = $confidence,
                    sources = $sources, sources_hash = $hash, content_hash = $content, anchor = $anchor,
                    reviewed_hash = CASE WHEN $upgrade THEN $content ELSE reviewed_hash END,
                    changed_since_review = CASE WHEN $unflag THEN 0 ELSE changed_since_review OR $flag END, version = $version,
                    question = COALESCE(question, $keptQuestion), answer = COALESCE(answer, $keptAnswer), seeded = 0
                WHERE id = $id;
                """,
                [
                    .. BuiltColumns(entry, hash, content, anchor),
                    ("$upgrade", upgrade),
                    ("$flag", flag),
                    ("$unflag", unflag),
                    ("$version", version),
                    ("$keptQuestion", keptQuestion),
                    ("$keptAnswer", keptAnswer),
                ]);
            if (!row.Present)
            {
                Audit(connection, transaction, entry.Id, now, BuildActor, "build-back", "present", "0", "1", version);
            }

            foreach (var (field, before, after) in differences)
            {
                Audit(connection, transaction, entry.Id, now, BuildActor, "build-change", field, before, after, version);
            }

            if (keptQuestion is not null)
            {
                Audit(connection, transaction, entry.Id, now, BuildActor, "import-text", "question", entry.Question, keptQuestion, version);
            }

            if (keptAnswer is not null)
            {
                Audit(connection, transaction, entry.Id, now, BuildActor, "import-text", "answer", entry.Answer, keptAnswer, version);
            }

            // A question found on another line is reported as moved; it is changed too only when more than its place did.
            if (differences.Count > 0
                && !(movedTo.Contains(entry.Id) && differences.All(d => d.Field is "sources" or "exchanges" or "details") && row.ContentHash == content))
            {
                changed.Add(entry.Id);
            }

            if (differences.Any(d => d.Field is "question" or "answer"))
            {
                reworded.Add(entry.Id);
            }

            if (flag)
            {
                Audit(connection, transaction, entry.Id, now, BuildActor, "changed-since-review", "sources", row.ReviewedHash, content, version);
                flagged.Add(entry.Id);
            }

            if (unflag)
            {
                Audit(connection, transaction, entry.Id, now, BuildActor, "back-as-reviewed", "sources", row.Present ? row.ContentHash ?? row.SourcesHash : null, content, version);
            }
        }

        var missing = new List<string>();
        foreach (var row in existing.Values.Where(r => r.Origin == BuildActor && r.Present && !seen.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var flag = row.Status == CurationStatus.Approved && !row.ChangedSinceReview;
            var version = row.Version + 1;
            Execute(
                connection,
                transaction,
                "UPDATE entries SET present = 0, changed_since_review = changed_since_review OR $flag, version = $version WHERE id = $id;",
                ("$id", row.Id),
                ("$flag", flag),
                ("$version", version));
            Audit(connection, transaction, row.Id, now, BuildActor, "build-missing", "present", "1", "0", version);
            missing.Add(row.Id);
            if (flag)
            {
                Audit(connection, transaction, row.Id, now, BuildActor, "changed-since-review", "sources", row.ReviewedHash, null, version);
                flagged.Add(row.Id);
            }
        }

        var (imported, kept) = CurationActions.ImportDecisions(connection, transaction, build.Entries, existing, now);

        // Only entries whose text changed need new search tokens (a new topic or new sources leave the words alone).
        var fallbacks = recomputer.Recompute(connection, transaction, null, added.Concat(reworded).ToHashSet(StringComparer.Ordinal));
        // Exchanges an analyst gave to an entry this build no longer produced go back to the entry the build made of
        // them, for as long as that one is missing: every exchange found stays in some entry of faq.json.
        var wentMissing = missing.ToHashSet(StringComparer.Ordinal);
        foreach (var group in fallbacks.Where(f => wentMissing.Contains(f.From)).GroupBy(f => (f.To, f.From)).OrderBy(g => g.Key.To, StringComparer.Ordinal))
        {
            var version = Scalar(connection, transaction, "SELECT version FROM entries WHERE id = $id;", ("$id", group.Key.To));
            Audit(
                connection,
                transaction,
                group.Key.To,
                now,
                BuildActor,
                "build-fallback",
                "exchanges",
                group.Key.From,
                string.Join(",", group.Select(f => f.Exchange).Order(StringComparer.Ordinal)),
                (int)version);
        }

        SetMeta(connection, transaction, "build.generatedAt", build.GeneratedAt.ToString("O", CultureInfo.InvariantCulture));
        SetMeta(connection, transaction, "build.schemaVersion", build.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        SetMeta(connection, transaction, "input.root", build.Input.Root);
        SetMeta(connection, transaction, "input.files", build.Input.Files.ToString(CultureInfo.InvariantCulture));
        SetMeta(connection, transaction, "input.skippedFiles", build.Input.SkippedFiles.ToString(CultureInfo.InvariantCulture));
        SetMeta(connection, transaction, "input.messages", build.Input.Messages.ToString(CultureInfo.InvariantCulture));
        SetMeta(connection, transaction, "input.problems", build.Input.Problems.ToString(CultureInfo.InvariantCulture));

        var rows = LoadRows(connection, transaction, "1 = 1", []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var gone = EntryRecomputer.Gone(rows.Values);
        // Rereview changes versions, reviewed hashes and flags only: none of what the entries listed below hold.
        Rereview(connection, transaction, rows.Values.Where(r => EntryRecomputer.MergedInto(r, gone) is null), existing, now, missing, flagged);
        var splits = rows.Values
            .Where(r => r.SplitFrom is not null && EntryRecomputer.MergedInto(r, gone) is null && r.EffExchangeIds.Count > 0)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var splitsOf = splits.ToLookup(r => r.SplitFrom!, StringComparer.Ordinal);
        var entries = new List<FaqEntry>();
        foreach (var entry in build.Entries)
        {
            var row = rows[entry.Id];
            if (EntryRecomputer.MergedInto(row, gone) is not null)
            {
                continue;
            }

            entries.Add(row.ToEntry());
            entries.AddRange(splitsOf[entry.Id].Select(r => r.ToEntry()));
        }

        // Entries split off one that is now missing or merged away still hold their exchanges.
        var listed = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(splits.Where(r => !listed.Contains(r.Id)).Select(r => r.ToEntry()));

        transaction.Commit();
        return new CurationMergeResult(build with { Entries = entries }, added, changed, missing, flagged)
        {
            PresentBefore = existing.Values.Count(r => r.Present && (r.Origin == BuildActor || r.MergedInto is null)),
            ImportedDecisions = imported,
            KeptDecisions = kept,
            Moved = moved,
        };
    }

    // After the entries' exchanges are worked out, for the entries not merged away: an entry split off another goes
    // missing when the build found none of its exchanges (and is back when it finds them), and an approved entry is
    // flagged when what it cites as it stands (its own exchanges, those merged into it, split off it or moved to it) no
    // longer says what it said when approved, or it is missing; one that says it again is unflagged. An approval from
    // before that fingerprint takes it now, when the build's check in MergeBuild (or, for an entry split off, what its
    // messages say) found it as reviewed.
    private static void Rereview(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IEnumerable<EntryRow> standing,
        IReadOnlyDictionary<string, EntryRow> before,
        DateTimeOffset now,
        List<string> missing,
        List<string> flagged)
    {
        foreach (var row in standing.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var wasPresent = before.TryGetValue(row.Id, out var was) && was.Present;
            var presence = row.Origin != BuildActor && wasPresent != row.Present;
            var approved = row.Status == CurationStatus.Approved;
            var effective = IsEffective(row.ReviewedHash);
            var asReviewed = row.Present && (effective
                ? row.ReviewedHash == row.EffContentHash
                : row.Origin == BuildActor || row.ReviewedHash == StoredContentHash(connection, transaction, row.EffSources));
            var flag = approved && !row.ChangedSinceReview && !asReviewed;
            var unflag = approved && row.ChangedSinceReview && asReviewed && effective;
            var upgrade = approved && !row.ChangedSinceReview && asReviewed && !effective && row.EffContentHash is not null;
            if (!presence && !flag && !unflag && !upgrade)
            {
                continue;
            }

            var version = presence || flag || unflag ? row.Version + 1 : row.Version;
            Execute(
                connection,
                transaction,
                """
                UPDATE entries SET version = $version, reviewed_hash = CASE WHEN $upgrade THEN eff_content_hash ELSE reviewed_hash END,
                    changed_since_review = CASE WHEN $unflag THEN 0 ELSE changed_since_review OR $flag END
                WHERE id = $id;
                """,
                ("$id", row.Id),
                ("$version", version),
                ("$upgrade", upgrade),
                ("$flag", flag),
                ("$unflag", unflag));
            if (presence)
            {
                Audit(connection, transaction, row.Id, now, BuildActor, row.Present ? "build-back" : "build-missing", "present", row.Present ? "0" : "1", row.Present ? "1" : "0", version);
                if (!row.Present)
                {
                    missing.Add(row.Id);
                }
            }

            if (flag)
            {
                Audit(connection, transaction, row.Id, now, BuildActor, "changed-since-review", "sources", row.ReviewedHash, row.Present ? row.EffContentHash : null, version);
                flagged.Add(row.Id);
            }

            if (unflag)
            {
                Audit(connection, transaction, row.Id, now, BuildActor, "back-as-reviewed", "sources", null, row.EffContentHash, version);
            }
        }
    }

    private static void StoreTopics(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Topic> topics)
    {
        Execute(connection, transaction, "UPDATE topics SET present = 0;");
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            Execute(
                connection,
                transaction,
                "INSERT OR REPLACE INTO topics (id, label, keywords, exchange_count, ordinal, present) VALUES ($id, $label, $keywords, $count, $ordinal, 1);",
                ("$id", topic.Id),
                ("$label", topic.Label),
                ("$keywords", Json.Of(topic.Keywords)),
                ("$count", topic.ExchangeCount),
                ("$ordinal", i));
        }
    }

    private static void StoreExchanges(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Exchange> exchanges)
    {
        Execute(connection, transaction, "UPDATE exchanges SET present = 0;");
        for (var i = 0; i < exchanges.Count; i++)
        {
            var exchange = exchanges[i];
            Execute(
                connection,
                transaction,
                """
                INSERT OR REPLACE INTO exchanges (id, path, topic_id, confidence, ordinal, present, anchor) VALUES ($id, $path, $topic, $confidence, $ordinal, 1, $anchor);
                DELETE FROM exchange_messages WHERE exchange_id = $id;
                """,
                ("$id", exchange.Id),
                ("$path", exchange.Path),
                ("$topic", exchange.TopicId),
                ("$confidence", exchange.Confidence),
                ("$ordinal", i),
                ("$anchor", exchange.Questions.Any() ? Reanchorer.AnchorOf(exchange.FirstQuestion) : null));
            for (var seq = 0; seq < exchange.Messages.Count; seq++)
            {
                var cited = exchange.Messages[seq];
                var message = cited.Message;
                Execute(
                    connection,
                    transaction,
                    """
                    INSERT INTO exchange_messages (exchange_id, seq, path, line, role, duplicates) VALUES ($id, $seq, $path, $line, $role, $duplicates);
                    INSERT OR REPLACE INTO messages (path, line, time, speaker, speaker_name, company, role, city, kind, body)
                    VALUES ($path, $line, $time, $speaker, $name, $company, $speakerRole, $city, $kind, $body);
                    """,
                    ("$id", exchange.Id),
                    ("$seq", seq),
                    ("$path", message.Source.Path),
                    ("$line", message.Source.Line),
                    ("$role", RoleName(cited.Role)),
                    ("$duplicates", Json.Of(cited.Duplicates)),
                    ("$time", MessageContent.TimeAsStored(message.Time)),
                    ("$speaker", message.Speaker.Raw),
                    ("$name", message.Speaker.Name),
                    ("$company", message.Speaker.Company),
                    ("$speakerRole", message.Speaker.Role),
                    ("$city", message.Speaker.City),
                    ("$kind", message.Kind.ToString()),
                    ("$body", message.Body));
            }
        }
    }

    private static List<(string Field, string? Old, string? New)> BuiltDifferences(EntryRow row, FaqEntry entry, string hash)
    {
        var differences = new List<(string, string?, string?)>();
        if (row.BuiltQuestion != entry.Question)
        {
            differences.Add(("question", row.BuiltQuestion, entry.Question));
        }

        if (row.BuiltAnswer != entry.Answer)
        {
            differences.Add(("answer", row.BuiltAnswer, entry.Answer));
        }

        if (row.BuiltTopicId != entry.TopicId)
        {
            differences.Add(("topic", row.BuiltTopicId, entry.TopicId));
        }

        if (row.SourcesHash != hash)
        {
            differences.Add(("sources", string.Join(' ', row.Sources), string.Join(' ', entry.Sources)));
        }

        if (!row.BuiltExchangeIds.SequenceEqual(entry.ExchangeIds, StringComparer.Ordinal))
        {
            differences.Add(("exchanges", string.Join(' ', row.BuiltExchangeIds), string.Join(' ', entry.ExchangeIds)));
        }

        // faq.json keeps confidences to 4 decimals: a build read back from it is the same build.
        if (!row.Keywords.SequenceEqual(entry.Keywords, StringComparer.Ordinal) || !row.Experts.SequenceEqual(entry.Experts)
            || Math.Round(row.Confidence, 4) != Math.Round(entry.Confidence, 4))
        {
            differences.Add(("details", null, null));
        }

        return differences;
    }

    private static string RoleName(MessageRole role) => role switch
    {
        MessageRole.Question => "question",
        MessageRole.Answer => "answer",
        _ => "context",
    };
}
