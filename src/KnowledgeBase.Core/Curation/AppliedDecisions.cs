using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Curation;

/// <summary>A faq.json with the review store's current decisions and edits applied (<see cref="CurationStore.ApplyDecisions"/>).</summary>
/// <param name="Document">The faq.json with each entry's current status, question, answer and topic from the store; entries merged away are left out, entries split off are added.</param>
/// <param name="Differing">The entries whose status, text, topic or exchanges differ from the faq.json, or that the store merged away or split off.</param>
/// <param name="Unknown">The faq.json's entries the store does not have, taken as the faq.json has them.</param>
public sealed record AppliedDecisions(KnowledgeBaseDocument Document, IReadOnlyList<string> Differing, IReadOnlyList<string> Unknown)
{
    /// <summary>
    /// True when the store has fewer than half of the faq.json's entries: more often the store of another build (a
    /// <c>--db</c> of another output folder) than a real difference, and worth a loud warning.
    /// </summary>
    public bool MostlyUnknown => Unknown.Count * 2 > Document.Entries.Count;
}
