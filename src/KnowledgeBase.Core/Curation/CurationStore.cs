using System.Text.Json;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Topics;
using Microsoft.Data.Sqlite;

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
    private readonly BuildMerger merger;
    private readonly CurationActions actions;
    private readonly CurationQueries queries;

    /// <summary>
    /// Opens the store at <see cref="CurationStoreOptions.DatabasePath"/>, creating it when missing unless
    /// <see cref="CurationStoreOptions.CreateWhenMissing"/> is false. A file that is not a store (not SQLite, another
    /// application's database, a damaged or newer store) is refused and left as it was.
    /// </summary>
    /// <param name="options">Where the file is, how to tokenise search text, which clock to use.</param>
    /// <exception cref="CurationStoreException">The file cannot be used as a store; the message names it and says why.</exception>
    public CurationStore(CurationStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        database = new CurationDatabase(options);
        var recomputer = new EntryRecomputer(database);
        merger = new BuildMerger(database, recomputer);
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
    public CurationMergeResult MergeBuild(KnowledgeBaseDocument build) => Guard(() => merger.MergeBuild(build));

    /// <summary>
    /// Takes a faq.json's decisions, and nothing else: an entry it approves or rejects takes that status where the store
    /// has it as a candidate (attributed to the import, the store's current sources taken as those reviewed); where the
    /// store decided otherwise or merged the entry away, the store's decision stays; entries the store does not have are
    /// left alone. Texts, topics, exchanges and which entries the latest build produced stay as they are, so a file
    /// whose speakers were anonymized or whose entries were filtered (a <c>kb export</c>) changes no content.
    /// </summary>
    /// <param name="document">A faq.json curated elsewhere.</param>
    /// <returns>Which decisions were imported, kept, or are for entries the store does not have.</returns>
    public ImportedDecisions ImportDecisions(KnowledgeBaseDocument document) => Guard(() => actions.ImportDecisions(document));

    /// <summary>Whether the store holds any entry (a build or an import was merged into it).</summary>
    /// <returns>False for a new store.</returns>
    public bool HasEntries() => Guard(() => queries.HasEntries());

    /// <summary>
    /// The approved entries (not merged away, still produced by the latest build) with only the exchanges they use and
    /// the topics these name, each topic counting the exchanges exported: the content of an approved-only faq.json.
    /// </summary>
    /// <returns>The document.</returns>
    public KnowledgeBaseDocument ExportApproved() => Guard(() => queries.ExportApproved());

    /// <summary>
    /// A faq.json as the analysts left it: <c>kb review</c> and the review page change only the store, so a faq.json keeps
    /// the statuses and edits of its build until the next one. Each entry the store knows takes its current status,
    /// question, answer and topic (and, when the faq.json has their exchanges, the exchanges a merge gave it); entries
    /// merged away are left out, entries split off are added after the entry they came from, and every topic an entry
    /// names is listed. An entry whose question a later build moved to another id (another line, or displaced when
    /// another message took its line) takes the decisions found there under its own id. Entries the store does not know
    /// are kept as they are. Nothing is written.
    /// </summary>
    /// <param name="document">A faq.json written by a build into this store.</param>
    /// <returns>The curated document and the entries that differ from the faq.json.</returns>
    public AppliedDecisions ApplyDecisions(KnowledgeBaseDocument document) => Guard(() => actions.ApplyDecisions(document));

    /// <summary>
    /// What the latest build merged into the store said about topics: the topic of each of its exchanges, and every topic
    /// id any build stored, for <see cref="TopicIdMatcher"/> to keep topic ids stable.
    /// </summary>
    /// <returns>The previous build's topics; empty for a new store.</returns>
    public PreviousTopics TopicsOfLatestBuild() => Guard(() => queries.TopicsOfLatestBuild());

    /// <summary>The files the latest build merged into the store found exchanges in, by path under the input folder.</summary>
    /// <returns>The paths; empty for a new store.</returns>
    public IReadOnlySet<string> FilesOfLatestBuild() => Guard(() => queries.FilesOfLatestBuild());

    /// <summary>
    /// Every topic any build stored, in the latest build's order; one the latest build no longer produces keeps its last
    /// label and keywords and counts no exchanges.
    /// </summary>
    /// <returns>The topics.</returns>
    public IReadOnlyList<Topic> KnownTopics() => Guard(() => queries.KnownTopics());

    /// <summary>
    /// The entry an analyst means by <paramref name="idOrPrefix"/>: the entry with that id, else the one entry whose id
    /// starts with it (<c>kb show</c> takes prefixes too); unchanged when none does, so the operation says there is no such entry.
    /// </summary>
    /// <param name="idOrPrefix">An entry id or the start of one.</param>
    /// <returns>The full id.</returns>
    /// <exception cref="CurationException">Several entries start with it; the message lists some.</exception>
    public string ResolveId(string idOrPrefix) => Guard(() => queries.ResolveId(idOrPrefix));

    /// <summary>One entry with its review state and notes, or <see langword="null"/> when the store has no such entry.</summary>
    /// <param name="id">The entry id.</param>
    /// <returns>The entry or <see langword="null"/>.</returns>
    public CuratedEntry? Get(string id) => Guard(() => queries.Get(id));

    /// <summary>Entries matching every filter of <paramref name="query"/>, highest confidence first; merged-away entries are left out.</summary>
    /// <param name="query">The filters.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="CurationException">A status that is none of <see cref="CurationStatus"/>'s.</exception>
    public IReadOnlyList<CuratedEntry> List(EntryQuery query) => Guard(() => queries.List(query));

    /// <summary>How many entries match every filter of <paramref name="query"/> (its limit and offset aside).</summary>
    /// <param name="query">The filters.</param>
    /// <returns>The number of entries <see cref="List"/> pages through.</returns>
    /// <exception cref="CurationException">A status that is none of <see cref="CurationStatus"/>'s.</exception>
    public int Count(EntryQuery query) => Guard(() => queries.Count(query));

    /// <summary>
    /// For an id no entry has: the entry a build moved it to (its question is on another line or in another file now, so the entry has that
    /// line's id), following later moves; <see langword="null"/> when an entry has the id or no build moved it.
    /// </summary>
    /// <param name="id">The id, say of a bookmark or an open page.</param>
    /// <returns>The entry's id now, or <see langword="null"/>.</returns>
    public string? MovedTo(string id) => Guard(() => queries.MovedTo(id));

    /// <summary>The latest build's topics, in build order.</summary>
    /// <returns>The topics.</returns>
    public IReadOnlyList<Topic> Topics() => Guard(() => queries.Topics());

    /// <summary>The chat groups cited by entries, sorted.</summary>
    /// <returns>The group names.</returns>
    public IReadOnlyList<string> Groups() => Guard(() => queries.Groups());

    /// <summary>The experts named by entries, sorted.</summary>
    /// <returns>The expert names.</returns>
    public IReadOnlyList<string> Experts() => Guard(() => queries.Experts());

    /// <summary>The audit trail, newest first.</summary>
    /// <param name="entryId">Only this entry's rows, or every entry's.</param>
    /// <param name="limit">At most this many rows.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="CurationException">No entry has that id (the message says where a build moved it, if it did).</exception>
    public IReadOnlyList<AuditRecord> Audit(string? entryId = null, int limit = 1000) => Guard(() => queries.Audit(entryId, limit));

    /// <summary>
    /// The conversation around an entry's cited messages: per source file, every stored message from
    /// <paramref name="around"/> messages before the first cited one to <paramref name="around"/> after the last, in
    /// file order. The store holds the messages of every exchange of the build, so unrelated chatter may be missing.
    /// </summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="around">How many messages to show before and after.</param>
    /// <returns>The messages, with the entry's role for each.</returns>
    public IReadOnlyList<ConversationLine> Conversation(string entryId, int around = 5) => Guard(() => queries.Conversation(entryId, around));

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
    public CuratedEntry SetStatus(string id, string status, string actor, int? expectedVersion = null) => Guard(() => actions.SetStatus(id, status, actor, expectedVersion));

    /// <summary>
    /// Sets the status of several entries in one transaction: all of them or, when any is unknown or merged away, none.
    /// </summary>
    /// <param name="ids">The entries.</param>
    /// <param name="status">One of <see cref="CurationStatus"/>'s statuses.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The entries after the change, in the order asked.</returns>
    /// <exception cref="CurationException">An unknown status, or entries that are unknown or merged away (the message names each); nothing was changed.</exception>
    public IReadOnlyList<CuratedEntry> SetStatus(IReadOnlyList<string> ids, string status, string actor) => Guard(() => actions.SetStatus(ids, status, actor));

    /// <summary>Edits an entry's question, answer and/or topic; fields left <see langword="null"/> keep their value.</summary>
    /// <param name="id">The entry.</param>
    /// <param name="edit">The new values.</param>
    /// <param name="actor">Who edits.</param>
    /// <param name="expectedVersion">The version the reviewer saw, or <see langword="null"/> to act on the current one.</param>
    /// <returns>The entry after the change.</returns>
    /// <exception cref="CurationConflictException">The entry changed since <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="CurationException">An empty question or answer, or an unknown topic.</exception>
    public CuratedEntry Edit(string id, EntryEdit edit, string actor, int? expectedVersion = null) => Guard(() => actions.Edit(id, edit, actor, expectedVersion));

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
    public CuratedEntry AddNote(string id, string text, string actor, int? expectedVersion = null) => Guard(() => actions.AddNote(id, text, actor, expectedVersion));

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
        Guard(() => actions.MergeEntries(sourceId, targetId, actor, expectedSourceVersion, expectedTargetVersion));

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
        Guard(() => queries.Get(actions.Split(id, exchangeIds, actor, expectedVersion))!);

    /// <summary>Releases the pooled connections to the file.</summary>
    public void Dispose() => database.ClearPool();

    // A store found damaged while in use (SQLite reads pages as it needs them, so opening does not see every fault) is
    // said as at opening: naming the file, in words.
    private T Guard<T>(Func<T> use)
    {
        try
        {
            return use();
        }
        catch (SqliteException unusable) when (unusable.SqliteErrorCode is 11 or 26)
        {
            throw CurationDatabase.Unusable(DatabasePath, unusable);
        }
        catch (CurationException refused) when (refused.InnerException is SqliteException { SqliteErrorCode: 11 or 26 } unusable)
        {
            throw CurationDatabase.Unusable(DatabasePath, unusable);
        }
        catch (JsonException unreadable)
        {
            // Only the store's own JSON columns are parsed here; one that does not parse was damaged in the file.
            throw CurationDatabase.Damaged(DatabasePath, "a value stored as JSON cannot be read: " + unreadable.Message.TrimEnd('.'), unreadable);
        }
    }
}
