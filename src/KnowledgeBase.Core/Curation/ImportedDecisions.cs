namespace KnowledgeBase.Core.Curation;

/// <summary>What <see cref="CurationStore.ImportDecisions"/> did with a faq.json's decisions.</summary>
/// <param name="Imported">Entries the store had as candidates that now have the file's status (approved or rejected).</param>
/// <param name="Kept">Entries the file decides where the store had decided otherwise, or merged them away: the store's decision stays.</param>
/// <param name="Unknown">Entries the file decides that the store does not have: nothing was done with them.</param>
public sealed record ImportedDecisions(IReadOnlyList<string> Imported, IReadOnlyList<string> Kept, IReadOnlyList<string> Unknown);
