namespace KnowledgeBase.Core.Curation;

/// <summary>Options of a <see cref="CurationStore"/>.</summary>
/// <param name="DatabasePath">The SQLite file; created with its folder when missing.</param>
public sealed record CurationStoreOptions(string DatabasePath)
{
    /// <summary>
    /// Cuts question and answer text into search tokens for the FTS5 index (and queries the same way). Hosts pass
    /// <c>ChineseSegmenter.Segment</c>; the default splits CJK text into single characters, which still finds any
    /// substring as a phrase.
    /// </summary>
    public Func<string, IReadOnlyList<string>> Tokenize { get; init; } = SearchTokens.Characters;

    /// <summary>The clock for audit rows.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long a writer waits for another writer's transaction before giving up.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
