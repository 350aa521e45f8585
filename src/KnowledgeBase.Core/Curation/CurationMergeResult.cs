using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Curation;

/// <summary>What merging a build into the store did.</summary>
/// <param name="Document">The build with every entry's current status and edits applied (merged-away entries left out).</param>
/// <param name="Added">Entries new to the store.</param>
/// <param name="Changed">Entries whose built question, answer, topic or sources changed.</param>
/// <param name="Missing">
/// Entries in the store that this build no longer produced, and entries split off another that hold none of the exchanges
/// it found (kept, with their decisions).
/// </param>
/// <param name="ChangedSinceReview">
/// Approved entries whose cited messages changed (other messages, or the same ones saying something else, those merged
/// into them or split off them included) or that went missing: flagged for another look, still approved.
/// </param>
public sealed record CurationMergeResult(
    KnowledgeBaseDocument Document,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> ChangedSinceReview)
{
    /// <summary>
    /// Entries whose question this build found on another line of its file (old id, new id): the store moved them, with
    /// every decision, edit, note and merge, to the id the new line gives. Not counted as added or missing.
    /// </summary>
    public IReadOnlyDictionary<string, string> Moved { get; init; } = new Dictionary<string, string>();

    /// <summary>Entries the previous build or import had produced, and entries split off that held exchanges: those this one could mark missing.</summary>
    public int PresentBefore { get; init; }

    /// <summary>
    /// Entries whose decision (approved or rejected) came from the merged document: new to the store with that status,
    /// or candidates in the store until now. Only a faq.json curated elsewhere has any; a build's entries are all candidates.
    /// </summary>
    public IReadOnlyList<string> ImportedDecisions { get; init; } = [];

    /// <summary>
    /// Entries the merged document decides (approved or rejected) where the store had already decided otherwise, or had
    /// merged them into another entry: the store's decision stays.
    /// </summary>
    public IReadOnlyList<string> KeptDecisions { get; init; } = [];

    /// <summary>
    /// True when this build or import no longer produced most of the entries the store had: more often a faq.json of
    /// another corpus, or a build of the wrong folder, than a real change, and worth a loud warning. Nothing is lost
    /// (missing entries keep their decisions, and merging the right build brings them back), but the review lists hide them.
    /// </summary>
    public bool MostlyMissing => PresentBefore > 0 && Missing.Count * 2 > PresentBefore;
}
