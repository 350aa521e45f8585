using System.Globalization;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Topics;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.ContentFingerprints;
using static KnowledgeBase.Core.Curation.CurationDatabase;
using static KnowledgeBase.Core.Curation.CurationRows;
using static KnowledgeBase.Core.Curation.EntryRow;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// The curation store: a SQLite file (WAL, synchronous commits) holding the latest build's entries and exchanges, and
/// every analyst decision about them: status, edits of question, answer and topic, merges, splits, notes, and an audit
/// trail. Each action is one transaction, committed before the method returns, and names the entry version it was based
/// on, so a stale save fails with a <see cref="CurationConflictException"/> instead of overwriting someone's work.
/// Builds merge in by entry id and never reset a decision; an entry whose question a build finds on another line (so
/// under another id) is moved to that id with everything it has. Safe to use from many threads; each call opens its
/// own pooled connection.
/// </summary>
public sealed class CurationStore : IDisposable
{
    private readonly CurationDatabase database;
    private readonly EntryRecomputer recomputer;
    private readonly CurationActions actions;
    private readonly CurationQueries queries;

    /// <summary>Opens (creating when missing) the store at <see cref="CurationStoreOptions.DatabasePath"/>.</summary>
    /// <param name="options">Where the file is, how to tokenise search text, which clock to use.</param>
    public CurationStore(CurationStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        database = new CurationDatabase(options);
        recomputer = new EntryRecomputer(database);
        actions = new CurationActions(database, recomputer);
        queries = new CurationQueries(database);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => database.Options.DatabasePath;

    /// <summary>Opens the store at <paramref name="path"/> with default options.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <returns>The store.</returns>
    public static CurationStore Open(string path) => new(new CurationStoreOptions(path));

    /// <summary>
    /// Stores a build's topics, exchanges and entries (matched by stable id), keeps every decision and edit, flags
    /// approved entries whose cited messages changed (other messages, or the same ones saying something else: file,
    /// time, speaker and text are compared, not lines) or that it no longer produces as changed since review, clears
    /// that flag where the messages are back to those approved, and returns the build with each entry's current status
    /// and edits applied. A faq.json curated elsewhere also brings its decisions: an entry it approves or rejects
    /// takes that status when the store has it as a candidate (or not at all); where the store decided otherwise, the
    /// store's decision stays.
    /// </summary>
    /// <param name="build">The document a build produced.</param>
    /// <returns>The document to write as faq.json.</returns>
    public KnowledgeBaseDocument Merge(KnowledgeBaseDocument build) => MergeBuild(build).Document;

    /// <summary>Like <see cref="Merge"/>, and also says which entries were added, changed, missing or flagged, and which decisions were imported or kept.</summary>
    /// <param name="build">The document a build produced.</param>
    /// <returns>The curated document and what changed.</returns>
    public CurationMergeResult MergeBuild(KnowledgeBaseDocument build)
    {
        var now = database.Now();
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        StoreTopics(connection, transaction, build.Topics);
        var anchors = build.Exchanges.Where(x => x.Questions.Any()).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => AnchorOf(x.FirstQuestion), StringComparer.Ordinal);
        // Before the build's exchanges and messages replace the stored ones, which say where the old questions were.
        var reanchored = Reanchor(connection, transaction, build, anchors, now);
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
            var content = ContentHash(entry.Sources.Select(s => said.TryGetValue(s, out var m) ? Said(m) : Unknown(s)));
            var anchor = entry.ExchangeIds.Count > 0 ? anchors.GetValueOrDefault(entry.ExchangeIds[0]) : null;
            if (!existing.TryGetValue(entry.Id, out var row))
            {
                // An id a moved entry left starts past that entry's versions, so a save of the old entry is stale here.
                var first = reanchored.Vacated.GetValueOrDefault(entry.Id) + 1;
                InsertBuiltEntry(connection, transaction, entry, hash, content, anchor, version: first);
                CurationRows.Audit(connection, transaction, entry.Id, now, BuildActor, "build-add", null, null, entry.Question, first);
                if (entry.Status is CurationStatus.Approved or CurationStatus.Rejected)
                {
                    // A faq.json curated elsewhere (kb review import): its decisions come along, attributed to the import.
                    CurationRows.Audit(connection, transaction, entry.Id, now, BuildActor, "import-status", "status", CurationStatus.Candidate, entry.Status, first);
                }

                added.Add(entry.Id);
                continue;
            }

            var differences = BuiltDifferences(row, entry, hash);
            // What was reviewed is what the cited messages said (file, time, speaker, text). A store written before
            // that fingerprint kept only where the messages were: such a hash that still names this build's sources
            // takes the fingerprint of what they say now, since that older hash could not see text.
            var upgrade = row.ReviewedHash is { } reviewed && !reviewed.StartsWith(ContentHashPrefix, StringComparison.Ordinal) && reviewed == hash;
            var asReviewed = upgrade || row.ReviewedHash == content;
            var flag = row.Status == CurationStatus.Approved && !row.ChangedSinceReview && !asReviewed;
            // The flag says the entry is no longer what the analyst approved. A build that brings back exactly the
            // sources they reviewed (after a build of the wrong folder, or an import of another corpus, marked it missing
            // or changed) leaves nothing new to look at, so the flag goes; the audit keeps both moves.
            var unflag = row.Status == CurationStatus.Approved && row.ChangedSinceReview && asReviewed;
            if (differences.Count == 0 && row.Present && !flag && !unflag && !upgrade && row.ContentHash == content && row.Anchor == anchor)
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
                    changed_since_review = CASE WHEN $unflag THEN 0 ELSE changed_since_review OR $flag END, version = $version
                WHERE id = $id;
                """,
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
                ("$upgrade", upgrade),
                ("$flag", flag),
                ("$unflag", unflag),
                ("$version", version));
            if (!row.Present)
            {
                CurationRows.Audit(connection, transaction, entry.Id, now, BuildActor, "build-back", "present", "0", "1", version);
            }

            foreach (var (field, before, after) in differences)
            {
                CurationRows.Audit(connection, transaction, entry.Id, now, BuildActor, "build-change", field, before, after, version);
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
                CurationRows.Audit(connection, transaction, entry.Id, now, BuildActor, "changed-since-review", "sources", row.ReviewedHash, content, version);
                flagged.Add(entry.Id);
            }

            if (unflag)
            {
                CurationRows.Audit(connection, transaction, entry.Id, now, BuildActor, "back-as-reviewed", "sources", row.Present ? row.ContentHash ?? row.SourcesHash : null, content, version);
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
            CurationRows.Audit(connection, transaction, row.Id, now, BuildActor, "build-missing", "present", "1", "0", version);
            missing.Add(row.Id);
            if (flag)
            {
                CurationRows.Audit(connection, transaction, row.Id, now, BuildActor, "changed-since-review", "sources", row.ReviewedHash, null, version);
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
            CurationRows.Audit(
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
            PresentBefore = existing.Values.Count(r => r.Origin == BuildActor && r.Present),
            ImportedDecisions = imported,
            KeptDecisions = kept,
            Moved = moved,
        };
    }

    /// <summary>
    /// The approved entries (not merged away, still produced by the latest build) with only the exchanges and topics
    /// they use: the content of an approved-only faq.json.
    /// </summary>
    /// <returns>The document.</returns>
    public KnowledgeBaseDocument ExportApproved() => queries.ExportApproved();

    /// <summary>
    /// A faq.json as the analysts left it: <c>kb review</c> and the review page change only the store, so a faq.json keeps
    /// the statuses and edits of its build until the next one. Each entry the store knows takes its current status,
    /// question, answer and topic (and, when the faq.json has their exchanges, the exchanges a merge gave it); entries
    /// merged away are left out, entries split off are added after the entry they came from, and every topic an entry
    /// names is listed. Entries the store does not know are kept as they are. Nothing is written.
    /// </summary>
    /// <param name="document">A faq.json written by a build into this store.</param>
    /// <returns>The curated document and the entries that differ from the faq.json.</returns>
    public AppliedDecisions ApplyDecisions(KnowledgeBaseDocument document) => actions.ApplyDecisions(document);

    /// <summary>
    /// What the latest build merged into the store said about topics: the topic of each of its exchanges, and every topic
    /// id any build stored, for <see cref="TopicIdMatcher"/> to keep topic ids stable.
    /// </summary>
    /// <returns>The previous build's topics; empty for a new store.</returns>
    public PreviousTopics TopicsOfLatestBuild() => queries.TopicsOfLatestBuild();

    /// <summary>
    /// Every topic any build stored, in the latest build's order; one the latest build no longer produces keeps its last
    /// label and keywords and counts no exchanges.
    /// </summary>
    /// <returns>The topics.</returns>
    public IReadOnlyList<Topic> KnownTopics() => queries.KnownTopics();

    /// <summary>
    /// The entry an analyst means by <paramref name="idOrPrefix"/>: the entry with that id, else the one entry whose id
    /// starts with it (<c>kb show</c> takes prefixes too); unchanged when none does, so the operation says there is no such entry.
    /// </summary>
    /// <param name="idOrPrefix">An entry id or the start of one.</param>
    /// <returns>The full id.</returns>
    /// <exception cref="CurationException">Several entries start with it; the message lists some.</exception>
    public string ResolveId(string idOrPrefix) => queries.ResolveId(idOrPrefix);

    /// <summary>One entry with its review state and notes, or <see langword="null"/> when the store has no such entry.</summary>
    /// <param name="id">The entry id.</param>
    /// <returns>The entry or <see langword="null"/>.</returns>
    public CuratedEntry? Get(string id) => queries.Get(id);

    /// <summary>Entries matching every filter of <paramref name="query"/>, highest confidence first; merged-away entries are left out.</summary>
    /// <param name="query">The filters.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="CurationException">A status that is none of <see cref="CurationStatus"/>'s.</exception>
    public IReadOnlyList<CuratedEntry> List(EntryQuery query) => queries.List(query);

    /// <summary>The latest build's topics, in build order.</summary>
    /// <returns>The topics.</returns>
    public IReadOnlyList<Topic> Topics() => queries.Topics();

    /// <summary>The chat groups cited by entries, sorted.</summary>
    /// <returns>The group names.</returns>
    public IReadOnlyList<string> Groups() => queries.Groups();

    /// <summary>The experts named by entries, sorted.</summary>
    /// <returns>The expert names.</returns>
    public IReadOnlyList<string> Experts() => queries.Experts();

    /// <summary>The audit trail, newest first.</summary>
    /// <param name="entryId">Only this entry's rows, or every entry's.</param>
    /// <param name="limit">At most this many rows.</param>
    /// <returns>The rows.</returns>
    public IReadOnlyList<AuditRecord> Audit(string? entryId = null, int limit = 1000) => queries.Audit(entryId, limit);

    /// <summary>
    /// The conversation around an entry's cited messages: per source file, every stored message from
    /// <paramref name="around"/> messages before the first cited one to <paramref name="around"/> after the last, in
    /// file order. The store holds the messages of every exchange of the build, so unrelated chatter may be missing.
    /// </summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="around">How many messages to show before and after.</param>
    /// <returns>The messages, with the entry's role for each.</returns>
    public IReadOnlyList<ConversationLine> Conversation(string entryId, int around = 5) => queries.Conversation(entryId, around);

    /// <summary>Approves an entry (and clears its changed-since-review flag).</summary>
    /// <param name="id">The entry.</param>
    /// <param name="actor">Who approves.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    /// <exception cref="CurationConflictException">The entry changed since <paramref name="expectedVersion"/>.</exception>
    public CuratedEntry Approve(string id, string actor, int? expectedVersion = null) => SetStatus(id, CurationStatus.Approved, actor, expectedVersion);

    /// <summary>Rejects an entry.</summary>
    /// <param name="id">The entry.</param>
    /// <param name="actor">Who rejects.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    /// <exception cref="CurationConflictException">The entry changed since <paramref name="expectedVersion"/>.</exception>
    public CuratedEntry Reject(string id, string actor, int? expectedVersion = null) => SetStatus(id, CurationStatus.Rejected, actor, expectedVersion);

    /// <summary>Puts an entry back to candidate.</summary>
    /// <param name="id">The entry.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    /// <exception cref="CurationConflictException">The entry changed since <paramref name="expectedVersion"/>.</exception>
    public CuratedEntry Reset(string id, string actor, int? expectedVersion = null) => SetStatus(id, CurationStatus.Candidate, actor, expectedVersion);

    /// <summary>Sets an entry's status.</summary>
    /// <param name="id">The entry.</param>
    /// <param name="status">One of <see cref="CurationStatus"/>'s statuses.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    /// <exception cref="CurationConflictException">The entry changed since <paramref name="expectedVersion"/>.</exception>
    public CuratedEntry SetStatus(string id, string status, string actor, int? expectedVersion = null) => actions.SetStatus(id, status, actor, expectedVersion);

    /// <summary>
    /// Sets the status of several entries in one transaction: all of them or, when any is unknown or merged away, none.
    /// </summary>
    /// <param name="ids">The entries.</param>
    /// <param name="status">One of <see cref="CurationStatus"/>'s statuses.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The entries after the change, in the order asked.</returns>
    /// <exception cref="CurationException">An unknown status, or entries that are unknown or merged away (the message names each); nothing was changed.</exception>
    public IReadOnlyList<CuratedEntry> SetStatus(IReadOnlyList<string> ids, string status, string actor) => actions.SetStatus(ids, status, actor);

    /// <summary>Edits an entry's question, answer and/or topic; fields left <see langword="null"/> keep their value.</summary>
    /// <param name="id">The entry.</param>
    /// <param name="edit">The new values.</param>
    /// <param name="actor">Who edits.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    /// <exception cref="CurationConflictException">The entry changed since <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="CurationException">An empty question or answer, or an unknown topic.</exception>
    public CuratedEntry Edit(string id, EntryEdit edit, string actor, int? expectedVersion = null) => actions.Edit(id, edit, actor, expectedVersion);

    /// <summary>Moves an entry to another topic.</summary>
    /// <param name="id">The entry.</param>
    /// <param name="topicId">A topic of the latest build.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    public CuratedEntry MoveTopic(string id, string topicId, string actor, int? expectedVersion = null) =>
        Edit(id, new EntryEdit(TopicId: topicId), actor, expectedVersion);

    /// <summary>Adds a note to an entry.</summary>
    /// <param name="id">The entry.</param>
    /// <param name="text">The note.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    public CuratedEntry AddNote(string id, string text, string actor, int? expectedVersion = null) => actions.AddNote(id, text, actor, expectedVersion);

    /// <summary>
    /// Merges entry <paramref name="sourceId"/> into <paramref name="targetId"/>: the target takes over the source's
    /// exchanges (now and in later builds) and the source is hidden. The target keeps its question, answer and status.
    /// </summary>
    /// <param name="sourceId">The entry merged away.</param>
    /// <param name="targetId">The entry that stays.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedSourceVersion">The source version the reviewer saw, or <see langword="null"/>.</param>
    /// <param name="expectedTargetVersion">The target version the reviewer saw, or <see langword="null"/>.</param>
    /// <returns>The target after the merge.</returns>
    public CuratedEntry MergeEntries(string sourceId, string targetId, string actor, int? expectedSourceVersion = null, int? expectedTargetVersion = null) =>
        actions.MergeEntries(sourceId, targetId, actor, expectedSourceVersion, expectedTargetVersion);

    /// <summary>
    /// Splits some exchanges off an entry into a new candidate entry, which keeps those exchanges in later builds. The
    /// new entry starts as a build would make it of those exchanges alone: its question, answer, topic, keywords,
    /// experts, sources and confidence are the build's for an entry of exactly those exchanges (an entry merged in
    /// earlier gets its own text back), else worked out from the exchanges by <see cref="FaqEntryBuilder.Entry"/>. The
    /// entry split keeps its status and the analysts' edits. The new entry's id is <c>&lt;id&gt;-split-&lt;hash of the
    /// exchanges&gt;</c>; when an entry split off earlier with the same exchanges (and merged back) has it, that one keeps
    /// it with its history and the new one gets the first free of that id with <c>-2</c>, <c>-3</c> and so on.
    /// </summary>
    /// <param name="id">The entry to split.</param>
    /// <param name="exchangeIds">Exchanges of the entry to move to the new entry; at least one must stay.</param>
    /// <param name="actor">Who.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The new entry.</returns>
    public CuratedEntry Split(string id, IReadOnlyCollection<string> exchangeIds, string actor, int? expectedVersion = null) =>
        queries.Get(actions.Split(id, exchangeIds, actor, expectedVersion))!;

    /// <summary>Releases the pooled connections to the file.</summary>
    public void Dispose() => database.ClearPool();

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
                ("$anchor", exchange.Questions.Any() ? AnchorOf(exchange.FirstQuestion) : null));
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
                    ("$time", message.Time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
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

    // Entry and exchange ids follow the line of the first question, so a line added or removed above it (a fuller
    // re-export, a message now on two lines) gives them new ids. Before the build's exchanges and messages replace the
    // stored ones, this finds each stored entry and exchange whose first question the build has on another line of the
    // same file (the same time, speaker and text, found once in the store and once in the build) and moves it to its new
    // id with everything that names it: status, edits, notes, audit, merges, splits, exchange moves, search rows. A
    // stored entry that had the new id, whose question is not there any more, keeps its decisions under "<id>-displaced".
    private static Reanchoring Reanchor(SqliteConnection connection, SqliteTransaction transaction, KnowledgeBaseDocument build, IReadOnlyDictionary<string, string> anchors, DateTimeOffset now)
    {
        // A message said twice the same way (same time, speaker and text) in a file cannot tell which one moved where.
        var twice = build.Exchanges.SelectMany(x => x.Messages).Select(m => m.Message).DistinctBy(m => m.Source)
            .GroupBy(m => AnchorKey(AnchorOf(m)), StringComparer.Ordinal)
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
        var exchangeMap = Matches(storedExchanges, anchors, twice);
        var rows = LoadRows(connection, transaction, "1 = 1", []);
        var storedEntries = rows
            .Where(r => r.Origin == BuildActor)
            .Select(r => (r.Id, Anchor: r.Anchor ?? (r.Present && r.BuiltExchangeIds.Count > 0 ? storedExchanges.GetValueOrDefault(r.BuiltExchangeIds[0]) : null)))
            .Where(p => p.Anchor is not null)
            .ToDictionary(p => p.Id, p => p.Anchor!, StringComparer.Ordinal);
        var builtEntries = build.Entries
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Where(g => g.Count() == 1 && g.Single().ExchangeIds.Count > 0 && anchors.ContainsKey(g.Single().ExchangeIds[0]))
            .ToDictionary(g => g.Key, g => anchors[g.Single().ExchangeIds[0]], StringComparer.Ordinal);
        var entryMap = Matches(storedEntries, builtEntries, twice);

        if (exchangeMap.Count > 0)
        {
            // An id another exchange now has names nothing of the stored one's any more: its message is no longer on that line.
            var taken = exchangeMap.Values.ToHashSet(StringComparer.Ordinal);
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
        foreach (var id in entryMap.Values.Where(id => byId.ContainsKey(id) && !entryMap.ContainsKey(id)).Order(StringComparer.Ordinal))
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
            CurationRows.Audit(connection, transaction, free, now, BuildActor, "build-displaced", "id", id, free, version);
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
            var reviewed = row.Present && row.ReviewedHash is { } hash && !hash.StartsWith(ContentHashPrefix, StringComparison.Ordinal) && hash == row.SourcesHash
                ? StoredContentHash(connection, transaction, row.Sources)
                : row.ReviewedHash;
            Execute(connection, transaction, "UPDATE entries SET version = $version, reviewed_hash = $reviewed WHERE id = $id;", ("$id", to), ("$version", version), ("$reviewed", reviewed));
            CurationRows.Audit(connection, transaction, to, now, BuildActor, "build-reanchor", "id", from, to, version);
            CurationRows.Audit(connection, transaction, to, now, BuildActor, "build-reanchor", "question", $"line {AnchorLine(storedEntries[from])}", $"line {AnchorLine(builtEntries[to])}", version);
        }

        var vacated = entryMap.Keys.Where(id => !entryMap.ContainsValue(id)).ToDictionary(id => id, id => byId[id].Version, StringComparer.Ordinal);
        return new Reanchoring(entryMap, vacated);
    }

    // Stored and built ids whose first question is the same message on another line; only one-to-one matches count.
    private static Dictionary<string, string> Matches(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> built, IReadOnlySet<string> twice)
    {
        Dictionary<string, KeyValuePair<string, string>> Once(IReadOnlyDictionary<string, string> anchors) =>
            anchors.GroupBy(p => AnchorKey(p.Value), StringComparer.Ordinal)
                .Where(g => g.Count() == 1 && !twice.Contains(g.Key))
                .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var after = Once(built);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, before) in Once(stored))
        {
            if (after.TryGetValue(key, out var now) && now.Key != before.Key && AnchorLine(now.Value) != AnchorLine(before.Value))
            {
                map[before.Key] = now.Key;
            }
        }

        return map;
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
    private static string AnchorOf(ChatMessage message) => message.Source.Line.ToString(CultureInfo.InvariantCulture) + ":" + Hash(Said(message));

    private static string AnchorOf(string path, int line, string time, string speaker, string body) =>
        line.ToString(CultureInfo.InvariantCulture) + ":" + Hash(Said(path, time, speaker, body));

    private static string AnchorKey(string anchor) => anchor[(anchor.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static int AnchorLine(string anchor) => int.Parse(anchor.AsSpan(0, anchor.IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

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

    private sealed record Reanchoring(IReadOnlyDictionary<string, string> Moved, IReadOnlyDictionary<string, int> Vacated);
}
