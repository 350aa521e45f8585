using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Curation;

/// <summary>A faq.json with the review store's current decisions and edits applied (<see cref="CurationStore.ApplyDecisions"/>).</summary>
/// <param name="Document">The faq.json with each entry's current status, question, answer and topic from the store; entries merged away are left out, entries split off are added.</param>
/// <param name="Differing">The entries whose status, text, topic or exchanges differ from the faq.json, or that the store merged away or split off.</param>
public sealed record AppliedDecisions(KnowledgeBaseDocument Document, IReadOnlyList<string> Differing);
