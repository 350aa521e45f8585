using System.Globalization;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.ContentFingerprints;
using static KnowledgeBase.Core.Curation.CurationDatabase;
using static KnowledgeBase.Core.Curation.CurationRows;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// The analysts' actions on the store: status, edits, notes, merges and splits, each one transaction that names the
/// entry version it was based on; and the decisions a faq.json curated elsewhere brings, or that the store applies to
/// a faq.json.
/// </summary>
internal sealed class CurationActions
{
    private readonly CurationDatabase database;
    private readonly EntryRecomputer recomputer;
    private readonly Lazy<FaqEntryBuilder> entryBuilder;

    /// <summary>Acts on the store in <paramref name="database"/>.</summary>
    /// <param name="database">The store's file.</param>
    /// <param name="recomputer">Works out each entry's exchanges after a merge or a split.</param>
    internal CurationActions(CurationDatabase database, EntryRecomputer recomputer)
    {
        this.database = database;
        this.recomputer = recomputer;
        entryBuilder = new(() => new FaqEntryBuilder(database.Options.Segmenter ?? ChineseSegmenter.Load()));
    }

    /// <inheritdoc cref="CurationStore.SetStatus(string, string, string, int?)"/>
    internal CuratedEntry SetStatus(string id, string status, string actor, int? expectedVersion = null)
    {
        if (!CurationStatus.IsKnown(status))
        {
            throw new CurationException($"unknown status '{status}': use candidate, approved or rejected");
        }

        return Act(id, actor, expectedVersion, (connection, transaction, row, now) => ChangeStatus(connection, transaction, row, status, actor, now));
    }

    /// <inheritdoc cref="CurationStore.SetStatus(IReadOnlyList{string}, string, string)"/>
    internal IReadOnlyList<CuratedEntry> SetStatus(IReadOnlyList<string> ids, string status, string actor)
    {
        if (!CurationStatus.IsKnown(status))
        {
            throw new CurationException($"unknown status '{status}': use candidate, approved or rejected");
        }

        CheckActor(actor);
        using var connection = database.OpenConnection();
        using (var transaction = connection.BeginTransaction())
        {
            var problems = ids.Distinct(StringComparer.Ordinal)
                .Select(id => LoadRow(connection, transaction, id) is { } row
                    ? row.MergedInto is null ? null : $"{id} was merged into {row.MergedInto}: act on that entry"
                    : NotFound(connection, transaction, id).Message)
                .OfType<string>()
                .ToList();
            if (problems.Count > 0)
            {
                throw new CurationException($"nothing was changed: {string.Join("; ", problems)}");
            }

            var now = database.Now();
            try
            {
                // Each row is read again: an id named twice sees its first change.
                var changed = ids.Select(id => ChangeStatus(connection, transaction, LoadRow(connection, transaction, id)!, status, actor, now)).ToList();
                if (changed.Contains(true))
                {
                    transaction.Commit();
                }
            }
            catch (SqliteException refused) when (refused.SqliteErrorCode is not (5 or 6))
            {
                throw new CurationException($"the store refused this change to {string.Join(", ", ids)} ({refused.Message.TrimEnd('.')}); nothing was saved", refused);
            }
        }

        var notes = LoadNotes(connection, null, ids);
        return ids.Select(id => LoadRow(connection, null, id)!.ToCurated(notes.GetValueOrDefault(id, []))).ToList();
    }

    /// <inheritdoc cref="CurationStore.Edit"/>
    internal CuratedEntry Edit(string id, EntryEdit edit, string actor, int? expectedVersion = null)
    {
        if (edit.Question is not null && string.IsNullOrWhiteSpace(edit.Question))
        {
            throw new CurationException("the question cannot be empty");
        }

        if (edit.Answer is not null && string.IsNullOrWhiteSpace(edit.Answer))
        {
            throw new CurationException("the answer cannot be empty");
        }

        CheckTyped("question", edit.Question);
        CheckTyped("answer", edit.Answer);
        CheckTyped("topic", edit.TopicId);

        return Act(id, actor, expectedVersion, (connection, transaction, row, now) =>
        {
            var question = edit.Question?.Trim();
            var answer = edit.Answer?.Trim();
            var topic = edit.TopicId?.Trim();
            if (topic is not null && topic != row.CurrentTopicId
                && Scalar(connection, transaction, "SELECT COUNT(*) FROM topics WHERE id = $id;", ("$id", topic)) == 0)
            {
                throw new CurationException($"unknown topic '{topic}'");
            }

            var changes = new List<(string Action, string Field, string Old, string New)>();
            if (question is not null && question != row.CurrentQuestion)
            {
                changes.Add(("edit", "question", row.CurrentQuestion, question));
            }

            if (answer is not null && answer != row.CurrentAnswer)
            {
                changes.Add(("edit", "answer", row.CurrentAnswer, answer));
            }

            if (topic is not null && topic != row.CurrentTopicId)
            {
                changes.Add(("move-topic", "topic", row.CurrentTopicId, topic));
            }

            if (changes.Count == 0)
            {
                return false;
            }

            var version = row.Version + 1;
            Execute(
                connection,
                transaction,
                """
                UPDATE entries SET question = COALESCE($question, question), answer = COALESCE($answer, answer),
                    topic_id = COALESCE($topic, topic_id), version = $version
                WHERE id = $id;
                """,
                ("$id", id),
                ("$question", question),
                ("$answer", answer),
                ("$topic", topic),
                ("$version", version));
            foreach (var (action, field, before, after) in changes)
            {
                Audit(connection, transaction, id, now, actor, action, field, before, after, version);
            }

            database.Index(connection, transaction, id, question ?? row.CurrentQuestion, answer ?? row.CurrentAnswer);
            return true;
        });
    }

    /// <inheritdoc cref="CurationStore.AddNote"/>
    internal CuratedEntry AddNote(string id, string text, string actor, int? expectedVersion = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CurationException("the note is empty");
        }

        CheckTyped("note", text);

        return Act(id, actor, expectedVersion, (connection, transaction, row, now) =>
        {
            var version = row.Version + 1;
            Execute(
                connection,
                transaction,
                "INSERT INTO notes (entry_id, at, actor, text) VALUES ($id, $at, $actor, $text); UPDATE entries SET version = $version WHERE id = $id;",
                ("$id", id),
                ("$at", Format(now)),
                ("$actor", actor),
                ("$text", text.Trim()),
                ("$version", version));
            Audit(connection, transaction, id, now, actor, "note", "note", null, text.Trim(), version);
            return true;
        });
    }

    /// <inheritdoc cref="CurationStore.MergeEntries"/>
    internal CuratedEntry MergeEntries(string sourceId, string targetId, string actor, int? expectedSourceVersion = null, int? expectedTargetVersion = null)
    {
        if (string.IsNullOrWhiteSpace(targetId))
        {
            throw new CurationException($"name the entry to merge {sourceId} into");
        }

        if (sourceId == targetId)
        {
            throw new CurationException($"cannot merge {sourceId} into itself");
        }

        return Act(targetId, actor, expectedTargetVersion, (connection, transaction, target, now) =>
        {
            var source = LoadRow(connection, transaction, sourceId) ?? throw NotFound(connection, transaction, sourceId);
            CheckVersion(connection, transaction, source, expectedSourceVersion);
            if (source.MergedInto is not null)
            {
                throw new CurationException($"{sourceId} was already merged into {source.MergedInto}");
            }

            Execute(
                connection,
                transaction,
                """
                UPDATE entries SET merged_into = $target, version = version + 1 WHERE id = $source;
                UPDATE entries SET merged_into = $target WHERE merged_into = $source;
                UPDATE exchange_moves SET entry_id = $target WHERE entry_id = $source;
                UPDATE entries SET version = version + 1 WHERE id = $target;
                DELETE FROM entries_fts WHERE rowid = (SELECT fts_rowid FROM fts_map WHERE entry_id = $source);
                DELETE FROM fts_map WHERE entry_id = $source;
                """,
                ("$source", sourceId),
                ("$target", targetId));
            Audit(connection, transaction, sourceId, now, actor, "merge", "merged_into", null, targetId, source.Version + 1);
            Audit(connection, transaction, targetId, now, actor, "merge", "merged_from", null, sourceId, target.Version + 1);
            recomputer.Recompute(connection, transaction, [sourceId, targetId]);
            KeepReviewed(connection, transaction, targetId);
            return true;
        });
    }

    /// <inheritdoc cref="CurationStore.Split"/>
    /// <returns>The new entry's id.</returns>
    internal string Split(string id, IReadOnlyCollection<string> exchangeIds, string actor, int? expectedVersion = null)
    {
        var newId = string.Empty;
        Act(id, actor, expectedVersion, (connection, transaction, row, now) =>
        {
            var moving = exchangeIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var unknown = moving.Where(x => !row.EffExchangeIds.Contains(x, StringComparer.Ordinal)).ToList();
            if (moving.Count == 0 || unknown.Count > 0)
            {
                throw new CurationException(moving.Count == 0
                    ? "name at least one exchange to split off"
                    : $"{id} has no exchange {string.Join(", ", unknown)}");
            }

            if (moving.Count >= row.EffExchangeIds.Count)
            {
                throw new CurationException($"at least one exchange must stay with {id}");
            }

            newId = FreeId(connection, transaction, $"{id}-split-{Hash(string.Join('\n', moving))[..8]}");
            var entry = BuiltEntryOf(connection, transaction, moving) with { Id = newId, Status = CurationStatus.Candidate };
            if (string.IsNullOrEmpty(entry.TopicId))
            {
                entry = entry with { TopicId = row.CurrentTopicId };
            }

            InsertBuiltEntry(connection, transaction, entry, SourcesHash(entry.Sources), StoredContentHash(connection, transaction, entry.Sources), null, splitFrom: id);
            // The question the entry shows is the one split off: it takes the text of the exchanges it keeps, as a split's
            // edit (a build keeps it as it keeps edits), unless the analyst wrote their own.
            var keeping = row.EffExchangeIds.Except(moving, StringComparer.Ordinal).ToList();
            var rest = row.Question is null && entry.Question == row.BuiltQuestion ? TryBuiltEntryOf(connection, transaction, keeping) : null;
            var question = rest?.Question;
            var answer = row.Answer is null ? rest?.Answer : null;
            Execute(
                connection,
                transaction,
                "UPDATE entries SET version = version + 1, question = COALESCE($question, question), answer = COALESCE($answer, answer) WHERE id = $id;",
                ("$id", id),
                ("$question", question),
                ("$answer", answer));
            if (question is not null)
            {
                Audit(connection, transaction, id, now, actor, "split-text", "question", row.CurrentQuestion, question, row.Version + 1);
            }

            if (answer is not null && answer != row.CurrentAnswer)
            {
                Audit(connection, transaction, id, now, actor, "split-text", "answer", row.CurrentAnswer, answer, row.Version + 1);
            }

            foreach (var exchange in moving)
            {
                Execute(connection, transaction, "INSERT OR REPLACE INTO exchange_moves (exchange_id, entry_id) VALUES ($x, $e);", ("$x", exchange), ("$e", newId));
            }

            Audit(connection, transaction, id, now, actor, "split", "exchanges", string.Join(",", moving), newId, row.Version + 1);
            Audit(connection, transaction, newId, now, actor, "split", "split_from", null, id, 1);
            Audit(connection, transaction, newId, now, actor, "split", "question", null, entry.Question, 1);
            recomputer.Recompute(connection, transaction, [id, newId]);
            KeepReviewed(connection, transaction, id);
            return true;
        });
        return newId;
    }

    /// <inheritdoc cref="CurationStore.ApplyDecisions"/>
    internal AppliedDecisions ApplyDecisions(KnowledgeBaseDocument document)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var rows = LoadRows(connection, transaction, "1 = 1", []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var topics = LoadKnownTopics(connection, transaction);
        var curatedAs = CuratedAs(connection, transaction, document, rows);
        transaction.Commit();

        var inFaq = document.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var exchanges = document.Exchanges.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        bool Complete(EntryRow row) => row.EffExchangeIds.Count > 0 && row.EffExchangeIds.All(exchanges.Contains);
        var splits = rows.Values
            .Where(r => r.SplitFrom is not null && r.MergedInto is null && !inFaq.Contains(r.Id) && Complete(r))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToLookup(r => r.SplitFrom!, StringComparer.Ordinal);
        var entries = new List<FaqEntry>();
        var differing = new List<string>();
        var unknown = new List<string>();
        foreach (var entry in document.Entries)
        {
            if (curatedAs.GetValueOrDefault(entry.Id) is not { } row)
            {
                entries.Add(entry);
                unknown.Add(entry.Id);
                continue;
            }

            if (row.MergedInto is not null)
            {
                differing.Add(entry.Id);
                continue;
            }

            // The store's own exchanges only when the faq.json has them all (a faq.json of an older build may not) under the
            // ids they have there.
            var curated = row.Id == entry.Id && Complete(row)
                ? row.ToEntry()
                : entry with { Status = row.Status, TopicId = row.CurrentTopicId, Question = row.CurrentQuestion, Answer = row.CurrentAnswer };
            entries.Add(curated);
            if (curated.Status != entry.Status || curated.TopicId != entry.TopicId || !curated.ExchangeIds.SequenceEqual(entry.ExchangeIds, StringComparer.Ordinal)
                || !SameText(curated.Question, entry.Question) || !SameText(curated.Answer, entry.Answer))
            {
                differing.Add(entry.Id);
            }

            foreach (var split in splits[row.Id])
            {
                entries.Add(split.ToEntry());
                differing.Add(split.Id);
            }
        }

        return new AppliedDecisions((document with { Entries = entries }).WithTopicsOfEntries(topics), differing, unknown);
    }

    // The stored entry that holds the decisions about each entry of the faq.json: the one with its id while that one asks
    // the same question (its first question the same message), else the one a later build moved that question to (to
    // another line, or displaced when another message took its line), as kb review history shows.
    private static Dictionary<string, EntryRow> CuratedAs(SqliteConnection connection, SqliteTransaction transaction, KnowledgeBaseDocument document, IReadOnlyDictionary<string, EntryRow> rows)
    {
        var asked = document.Exchanges.Where(x => x.Questions.Any()).DistinctBy(x => x.Id)
            .ToDictionary(x => x.Id, x => MessageContent.Key(x.FirstQuestion), StringComparer.Ordinal);
        var curated = new Dictionary<string, EntryRow>(StringComparer.Ordinal);
        foreach (var entry in document.Entries.DistinctBy(e => e.Id))
        {
            var key = entry.ExchangeIds.Count > 0 ? asked.GetValueOrDefault(entry.ExchangeIds[0]) : null;
            bool Asks(EntryRow row) => key is null || row.Anchor is null || Reanchorer.AnchorKey(row.Anchor) == key;
            var row = rows.GetValueOrDefault(entry.Id);
            if ((row is null || !Asks(row)) && MovedTo(connection, transaction, entry.Id) is { } to && rows.TryGetValue(to, out var moved) && Asks(moved))
            {
                row = moved;
            }

            if (row is not null)
            {
                curated[entry.Id] = row;
            }
        }

        return curated;
    }

    // The store keeps an edit as typed; the faq.json has it masked (unless built with --no-mask): the same text either way.
    private static bool SameText(string stored, string written) =>
        string.Equals(stored, written, StringComparison.Ordinal) || string.Equals(PersonalDataMasker.Mask(stored), written, StringComparison.Ordinal);

    /// <inheritdoc cref="CurationStore.ImportDecisions"/>
    internal ImportedDecisions ImportDecisions(KnowledgeBaseDocument document)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var existing = LoadRows(connection, transaction, "1 = 1", []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var decided = document.Entries.Where(e => e.Status is CurationStatus.Approved or CurationStatus.Rejected).DistinctBy(e => e.Id).ToList();
        var known = decided.Where(e => existing.ContainsKey(e.Id)).ToList();
        var (imported, kept) = ImportDecisions(connection, transaction, known, existing, database.Now());
        transaction.Commit();
        return new ImportedDecisions(imported, kept, [.. decided.Where(e => !existing.ContainsKey(e.Id)).Select(e => e.Id)]);
    }

    // A faq.json curated elsewhere (kb review import) brings its decisions. An entry new to the store came in with its
    // status (InsertBuiltEntry); one the store has as a candidate takes the file's decision, attributed to the import; one
    // the store decided otherwise, or merged away, keeps the store's decision, and the caller says so. A build's entries
    // are all candidates, so a build imports nothing here.
    internal static (List<string> Imported, List<string> Kept) ImportDecisions(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<FaqEntry> entries,
        IReadOnlyDictionary<string, EntryRow> before,
        DateTimeOffset now)
    {
        var imported = new List<string>();
        var kept = new List<string>();
        foreach (var entry in entries.Where(e => e.Status is CurationStatus.Approved or CurationStatus.Rejected))
        {
            if (!before.ContainsKey(entry.Id))
            {
                imported.Add(entry.Id);
                continue;
            }

            var row = LoadRow(connection, transaction, entry.Id)!;
            if (row.MergedInto is null && row.Status == entry.Status)
            {
                continue;
            }

            if (row.MergedInto is not null || row.Status != CurationStatus.Candidate)
            {
                kept.Add(entry.Id);
                continue;
            }

            ChangeStatus(connection, transaction, row, entry.Status, BuildActor, now, "import-status");
            imported.Add(entry.Id);
        }

        return (imported, kept);
    }

    private CuratedEntry Act(string id, string actor, int? expectedVersion, Func<SqliteConnection, SqliteTransaction, EntryRow, DateTimeOffset, bool> change)
    {
        CheckActor(actor);
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var row = LoadRow(connection, transaction, id) ?? throw NotFound(connection, transaction, id);
        CheckVersion(connection, transaction, row, expectedVersion);
        if (row.MergedInto is not null)
        {
            throw new CurationException($"{id} was merged into {row.MergedInto}: act on that entry");
        }

        try
        {
            if (change(connection, transaction, row, database.Now()))
            {
                transaction.Commit();
            }
            else
            {
                transaction.Rollback();
            }
        }
        catch (SqliteException refused) when (refused.SqliteErrorCode is not (5 or 6))
        {
            // Busy and locked stores are the hosts' to report ("try again"); anything else the store refuses is a
            // failed action like any other, said in words, with SQLite's own reason for whoever looks into it.
            throw new CurationException($"the store refused this change to {id} ({refused.Message.TrimEnd('.')}); nothing was saved", refused);
        }

        var after = LoadRow(connection, null, id)!;
        return after.ToCurated(LoadNotes(connection, null, [id]).GetValueOrDefault(id, []));
    }

    // Sets the status (approving also takes what the entry cites now as what was reviewed) and audits it as action, by default
    // approve, reject or reset; false when there is nothing to change.
    private static bool ChangeStatus(SqliteConnection connection, SqliteTransaction transaction, EntryRow row, string status, string actor, DateTimeOffset now, string? action = null)
    {
        if (row.Status == status && !(status == CurationStatus.Approved && (row.ChangedSinceReview || row.ReviewedHash != (row.EffContentHash ?? row.ContentHash ?? row.SourcesHash))))
        {
            return false;
        }

        var version = row.Version + 1;
        Execute(
            connection,
            transaction,
            """
            UPDATE entries SET status = $status, version = $version,
                reviewed_hash = CASE WHEN $status = 'approved' THEN COALESCE(eff_content_hash, content_hash, sources_hash) ELSE reviewed_hash END,
                changed_since_review = CASE WHEN $status = 'approved' THEN 0 ELSE changed_since_review END
            WHERE id = $id;
            """,
            ("$id", row.Id),
            ("$status", status),
            ("$version", version));
        action ??= status switch
        {
            CurationStatus.Approved => "approve",
            CurationStatus.Rejected => "reject",
            _ => "reset",
        };
        Audit(connection, transaction, row.Id, now, actor, action, "status", row.Status, status, version);
        return true;
    }

    // What an analyst types is stored as typed and goes into faq.json, pages and the search index, so it must be text: a
    // NUL or another control character (line breaks and tabs are text) or half of a surrogate pair is refused, saying where.
    private static void CheckTyped(string what, string? text, bool oneLine = false)
    {
        for (var i = 0; text is not null && i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && (oneLine || c is not ('\n' or '\r' or '\t'))))
            {
                var kind = char.IsSurrogate(c) ? "half of a surrogate pair" : "a control character";
                throw new CurationException($"the {what} has {kind} (U+{(int)c:X4}) at character {i + 1}; nothing was saved");
            }
        }
    }

    // The reviewer's name goes into every audit row and into tab-separated history: one line of text, without the tabs
    // and line breaks typed text may hold (they would split the row).
    private static void CheckActor(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        CheckTyped("reviewer name", actor, oneLine: true);
    }

    // A merge or split changes what an approved entry cites by an analyst's own hand: what it cites now is what they
    // stand behind, so the next build compares with that (an entry already flagged stays flagged until approved again).
    private static void KeepReviewed(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        Execute(
            connection,
            transaction,
            "UPDATE entries SET reviewed_hash = eff_content_hash WHERE id = $id AND status = 'approved' AND changed_since_review = 0 AND eff_content_hash IS NOT NULL;",
            ("$id", id));

    // An id no entry has yet. Splitting an exchange off, merging the new entry back and splitting the exchange off again
    // names the same exchanges as the first split: that entry keeps its id and its history (merged away), and the new
    // one gets the first free of <id>-2, <id>-3 and so on.
    private static string FreeId(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var free = id;
        for (var n = 2; Scalar(connection, transaction, "SELECT COUNT(*) FROM entries WHERE id = $id;", ("$id", free)) > 0; n++)
        {
            free = $"{id}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return free;
    }

    private static void CheckVersion(SqliteConnection connection, SqliteTransaction transaction, EntryRow row, int? expectedVersion)
    {
        if (expectedVersion is not { } expected || expected == row.Version)
        {
            return;
        }

        // A build that found the caller's entry on another line moved it to that line's id and gave this id to another
        // question, past the moved entry's versions: a version from before that arrival was of the moved entry.
        if (expected < ArrivalVersion(connection, transaction, row.Id) && MovedTo(connection, transaction, row.Id) is { } movedTo && movedTo != row.Id)
        {
            var why = LastMoveFrom(connection, transaction, row.Id) is { Displaced: true } ? "its question is not on its line any more" : "its question is on another line or in another file now";
            throw new CurationConflictException(
                $"entry {row.Id} is another question now: a build moved the entry you loaded to {movedTo} ({why}). " +
                $"Nothing was saved; open {movedTo} and make your change there.")
            {
                EntryId = row.Id,
                ExpectedVersion = expected,
                ActualVersion = row.Version,
                MovedTo = movedTo,
            };
        }

        using var command = Command(connection, transaction, "SELECT actor, action, at FROM audit WHERE entry_id = $id ORDER BY id DESC LIMIT 1;", ("$id", row.Id));
        using var reader = command.ExecuteReader();
        var who = reader.Read() ? $" by {reader.GetString(0)} ({reader.GetString(1)} at {reader.GetString(2)})" : string.Empty;
        throw new CurationConflictException(
            $"entry {row.Id} was changed{who} after you loaded it: you saved version {expected}, the store has version {row.Version}. " +
            "Nothing was saved; reload the entry and make your change again.")
        {
            EntryId = row.Id,
            ExpectedVersion = expected,
            ActualVersion = row.Version,
        };
    }

    // The version at which the entry now under this id came to it: added by a build, or moved here from another line.
    private static long ArrivalVersion(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        Scalar(
            connection,
            transaction,
            """
            SELECT COALESCE(MAX(version), 0) FROM audit WHERE entry_id = $id
            AND (action = 'build-add' OR (action IN ('build-reanchor', 'build-displaced') AND field = 'id' AND new_value = $id));
            """,
            ("$id", id));

    // The entry a build makes of exactly these exchanges: the build's own row when it made one of them alone (so undoing
    // a merge brings the entry's text back word for word), else the entry builder's work on the stored exchanges.
    private FaqEntry BuiltEntryOf(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string> exchangeIds) =>
        TryBuiltEntryOf(connection, transaction, exchangeIds)
        ?? throw new CurationException($"none of {string.Join(", ", exchangeIds)} asks a question: there is nothing to start an entry from");

    // The entry the build made of exactly these exchanges, or the one the entry builder makes of them; null when none
    // of them asks a question.
    private FaqEntry? TryBuiltEntryOf(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string> exchangeIds)
    {
        var wanted = exchangeIds.ToHashSet(StringComparer.Ordinal);
        var built = LoadRows(connection, transaction, "origin = $origin", [("$origin", BuildActor)])
            .Where(r => wanted.SetEquals(r.BuiltExchangeIds))
            .OrderByDescending(r => r.Present)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (built is not null)
        {
            return new FaqEntry(
                built.Id,
                built.BuiltTopicId,
                built.BuiltQuestion,
                built.BuiltAnswer,
                built.BuiltExchangeIds,
                CurationStatus.Candidate,
                built.Keywords,
                built.Experts,
                built.Confidence,
                built.Sources);
        }

        var exchanges = LoadExchanges(connection, transaction).Where(x => wanted.Contains(x.Id)).Select(Reparsed).ToList();
        return exchanges.Any(x => x.Questions.Any()) ? entryBuilder.Value.Entry(exchanges) : null;
    }

    // The store keeps each message's body only; its quote and mentions are read from it again, as the reader found them,
    // so the builder cleans the text the way it did in the build.
    private static Exchange Reparsed(Exchange exchange) => exchange with
    {
        Messages = exchange.Messages
            .Select(m =>
            {
                var body = MessageBodyParser.Parse(m.Message.Body);
                return m with { Message = m.Message with { Mentions = body.Mentions, Quote = body.Quote } };
            })
            .ToList(),
    };
}
