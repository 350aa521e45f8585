using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Curation;

/// <summary>Options of a <see cref="CurationStore"/>. Hosts that have the project's segmenter use <see cref="WithSegmenter"/>.</summary>
/// <param name="DatabasePath">The SQLite file; created with its folder when missing, unless <see cref="CreateWhenMissing"/> is false.</param>
public sealed record CurationStoreOptions(string DatabasePath)
{
    /// <summary>
    /// Cuts question and answer text into search tokens for the FTS5 index (and queries the same way). Hosts pass
    /// <c>ChineseSegmenter.Segment</c>; the default splits CJK text into single characters, which still finds any
    /// substring as a phrase.
    /// </summary>
    public Func<string, IReadOnlyList<string>> Tokenize { get; init; } = SearchTokens.Characters;

    /// <summary>
    /// Names <see cref="Tokenize"/>; when a store is opened with another name than the one its index was built with,
    /// the search index is rebuilt, so a build and a server never search with mismatched tokens.
    /// </summary>
    public string TokenizerName { get; init; } = "characters";

    /// <summary>Options whose search tokens come from jieba through the project's <see cref="ChineseSegmenter"/>.</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="segmenter">A loaded segmenter.</param>
    /// <returns>The options.</returns>
    public static CurationStoreOptions WithSegmenter(string databasePath, ChineseSegmenter segmenter) =>
        new(databasePath) { Tokenize = segmenter.Segment, TokenizerName = "jieba", Segmenter = segmenter };

    /// <summary>
    /// The segmenter with which a split works out the new entry's question, answer and keywords as a build would; when
    /// <see langword="null"/>, the store loads the default one (<see cref="ChineseSegmenter.Load"/>) the first time it needs it.
    /// </summary>
    public ChineseSegmenter? Segmenter { get; init; }

    /// <summary>The clock for audit rows.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether a file that does not exist, or an empty one (no tables), becomes a new store (the default: a build or an
    /// import). When false, as for verbs that only read or act on an existing store, such a file is refused with a
    /// <see cref="CurationStoreException"/> and nothing is created. A file that is not a store (not SQLite, or SQLite
    /// without the store's tables) is refused either way, unchanged.
    /// </summary>
    public bool CreateWhenMissing { get; init; } = true;

    /// <summary>
    /// Whether opening also reads the whole file for damage (SQLite's <c>quick_check</c>, about half a second for a
    /// store of the full corpus), so that a damaged store is refused before anything is read from it or written to it:
    /// <c>kb build</c> (before its long work), every <c>kb review</c> verb, <c>kb export</c> and <c>kb serve</c> set it.
    /// Without it, damage is found only when a statement reads a damaged page.
    /// </summary>
    public bool CheckIntegrity { get; init; }

    /// <summary>How long a writer waits for another writer's transaction before giving up, in whole seconds (rounded up, one at the least).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
