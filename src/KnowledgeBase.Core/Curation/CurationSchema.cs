namespace KnowledgeBase.Core.Curation;

/// <summary>The store's tables. Built data (<c>built_*</c>, exchanges, messages) is replaced by each build; curation data never is.</summary>
internal static class CurationSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS topics (
            id             TEXT PRIMARY KEY,
            label          TEXT NOT NULL,
            keywords       TEXT NOT NULL,
            exchange_count INTEGER NOT NULL,
            ordinal        INTEGER NOT NULL,
            present        INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS exchanges (
            id         TEXT PRIMARY KEY,
            path       TEXT NOT NULL,
            topic_id   TEXT,
            confidence REAL NOT NULL,
            ordinal    INTEGER NOT NULL,
            present    INTEGER NOT NULL,
            anchor     TEXT
        );
        CREATE TABLE IF NOT EXISTS exchange_messages (
            exchange_id TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            path        TEXT NOT NULL,
            line        INTEGER NOT NULL,
            role        TEXT NOT NULL,
            duplicates  TEXT NOT NULL,
            PRIMARY KEY (exchange_id, seq)
        );
        CREATE INDEX IF NOT EXISTS exchange_messages_source ON exchange_messages (path, line);
        CREATE TABLE IF NOT EXISTS messages (
            path         TEXT NOT NULL,
            line         INTEGER NOT NULL,
            time         TEXT NOT NULL,
            speaker      TEXT NOT NULL,
            speaker_name TEXT NOT NULL,
            company      TEXT,
            role         TEXT,
            city         TEXT,
            kind         TEXT NOT NULL,
            body         TEXT NOT NULL,
            PRIMARY KEY (path, line)
        );
        CREATE TABLE IF NOT EXISTS entries (
            id                   TEXT PRIMARY KEY,
            origin               TEXT NOT NULL,
            present              INTEGER NOT NULL,
            built_topic_id       TEXT NOT NULL,
            built_question       TEXT NOT NULL,
            built_answer         TEXT NOT NULL,
            built_exchange_ids   TEXT NOT NULL,
            keywords             TEXT NOT NULL,
            experts              TEXT NOT NULL,
            confidence           REAL NOT NULL,
            sources              TEXT NOT NULL,
            sources_hash         TEXT NOT NULL,
            status               TEXT NOT NULL,
            topic_id             TEXT,
            question             TEXT,
            answer               TEXT,
            reviewed_hash        TEXT,
            changed_since_review INTEGER NOT NULL DEFAULT 0,
            merged_into          TEXT,
            split_from           TEXT,
            version              INTEGER NOT NULL,
            eff_exchange_ids     TEXT NOT NULL DEFAULT '[]',
            eff_confidence       REAL NOT NULL DEFAULT 0,
            eff_sources          TEXT NOT NULL DEFAULT '[]',
            eff_experts          TEXT NOT NULL DEFAULT '[]',
            groups               TEXT NOT NULL DEFAULT ',',
            expert_names         TEXT NOT NULL DEFAULT ',',
            first_day            TEXT,
            last_day             TEXT,
            content_hash         TEXT,
            anchor               TEXT,
            eff_content_hash     TEXT,
            seeded               INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS exchange_moves (
            exchange_id TEXT PRIMARY KEY,
            entry_id    TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS notes (
            id       INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL,
            at       TEXT NOT NULL,
            actor    TEXT NOT NULL,
            text     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS audit (
            id        INTEGER PRIMARY KEY,
            entry_id  TEXT NOT NULL,
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            action    TEXT NOT NULL,
            field     TEXT,
            old_value TEXT,
            new_value TEXT,
            version   INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_entry ON audit (entry_id, id);
        CREATE INDEX IF NOT EXISTS entries_merged_into ON entries (merged_into) WHERE merged_into IS NOT NULL;
        CREATE INDEX IF NOT EXISTS entries_split_from ON entries (split_from) WHERE split_from IS NOT NULL;
        CREATE INDEX IF NOT EXISTS notes_entry ON notes (entry_id);
        CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5 (entry_id UNINDEXED, tokens, tokenize = 'unicode61');
        CREATE TABLE IF NOT EXISTS fts_map (
            entry_id  TEXT PRIMARY KEY,
            fts_rowid INTEGER NOT NULL
        );
        """;

    /// <summary>
    /// Columns added after the first release, with their definitions: a store written before them gets them on opening.
    /// <c>content_hash</c> is the fingerprint of what an entry's cited messages say (see <c>CurationStore.ContentHash</c>);
    /// <c>anchor</c> is where an entry's or exchange's first question is and a hash of what it is (file, time, speaker,
    /// text), so a build can tell the same question on another line (see <c>CurationStore.Reanchor</c>);
    /// <c>eff_content_hash</c> is the fingerprint of what an entry cites as it stands, merges and splits applied, which an
    /// approval takes as reviewed; <c>seeded</c> marks an entry whose texts and decision came from a curated faq.json
    /// merged into a new store, until a build has produced it (see <c>BuildMerger.MergeBuild</c>).
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns =
    [
        ("entries", "content_hash", "TEXT"),
        ("entries", "anchor", "TEXT"),
        ("exchanges", "anchor", "TEXT"),
        ("entries", "eff_content_hash", "TEXT"),
        ("entries", "seeded", "INTEGER NOT NULL DEFAULT 0"),
    ];
}
