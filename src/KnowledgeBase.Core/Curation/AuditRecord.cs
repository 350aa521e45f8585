namespace KnowledgeBase.Core.Curation;

/// <summary>One row of the audit trail: who did what to which entry, and when.</summary>
/// <param name="Id">Increasing row id.</param>
/// <param name="EntryId">The entry acted on.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">Who: a reviewer's name, or <c>build</c> for changes a build brought.</param>
/// <param name="Action">What: <c>approve</c>, <c>reject</c>, <c>reset</c>, <c>edit</c>, <c>move-topic</c>, <c>merge</c>, <c>split</c>, <c>note</c>, <c>build-add</c>, <c>build-change</c>, <c>build-missing</c>, <c>changed-since-review</c>.</param>
/// <param name="Field">The field changed, when the action changes one (<c>status</c>, <c>question</c>, <c>answer</c>, <c>topic</c>, ...).</param>
/// <param name="OldValue">The value before, when there is one.</param>
/// <param name="NewValue">The value after, when there is one.</param>
/// <param name="Version">The entry's version after the action.</param>
public sealed record AuditRecord(
    long Id,
    string EntryId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Field,
    string? OldValue,
    string? NewValue,
    int Version);
