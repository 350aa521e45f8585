using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Curation;

/// <summary>An entry as the store holds it: the current entry (edits, merges and splits applied) and its review state.</summary>
/// <param name="Entry">The entry with its current status, question, answer, topic, exchanges and sources.</param>
/// <param name="Version">Incremented by every change; a save names the version it was based on.</param>
/// <param name="ChangedSinceReview">
/// Approved, and a later build changed its sources or no longer produced it: needs another look. Cleared by approving it
/// again, or by a build that brings back exactly the sources that were approved.
/// </param>
/// <param name="InLatestBuild">Whether the latest build still produced it (entries made by a split count as present).</param>
/// <param name="MergedInto">The entry it was merged into, if any (then it is hidden from lists and exports).</param>
/// <param name="Origin"><c>build</c>, or <c>split</c> for an entry an analyst split off another.</param>
/// <param name="BuiltQuestion">The question as the latest build wrote it (before edits); for an entry split off another, as worked out from its exchanges at the split.</param>
/// <param name="BuiltAnswer">The answer as the latest build wrote it (before edits); for an entry split off another, as worked out from its exchanges at the split.</param>
/// <param name="BuiltTopicId">The topic the latest build gave it.</param>
/// <param name="Groups">Chat groups of its sources.</param>
/// <param name="FirstDay">Earliest day it cites.</param>
/// <param name="LastDay">Latest day it cites.</param>
/// <param name="Notes">Analysts' notes, oldest first.</param>
public sealed record CuratedEntry(
    FaqEntry Entry,
    int Version,
    bool ChangedSinceReview,
    bool InLatestBuild,
    string? MergedInto,
    string Origin,
    string BuiltQuestion,
    string BuiltAnswer,
    string BuiltTopicId,
    IReadOnlyList<string> Groups,
    DateOnly? FirstDay,
    DateOnly? LastDay,
    IReadOnlyList<CurationNote> Notes)
{
    /// <summary>The entry id.</summary>
    public string Id => Entry.Id;

    /// <summary>Whether the question, answer or topic differ from the build's.</summary>
    public bool Edited => Entry.Question != BuiltQuestion || Entry.Answer != BuiltAnswer || Entry.TopicId != BuiltTopicId;
}
