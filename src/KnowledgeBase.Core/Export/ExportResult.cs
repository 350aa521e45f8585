namespace KnowledgeBase.Core.Export;

/// <summary>What an export did in its folder.</summary>
/// <param name="Files">The files written, relative to the folder (the export's record, <see cref="ExportRecord.FileName"/>, not counted).</param>
/// <param name="Removed">Files an earlier export wrote there and this one no longer writes: removed.</param>
/// <param name="Changed">Files an earlier export wrote there and this one no longer writes, changed since: left alone.</param>
public sealed record ExportResult(IReadOnlyList<string> Files, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    /// <summary>
    /// Speakers were to be anonymized and the document had pseudonyms already (a faq.json an anonymized export wrote):
    /// they were kept as they are, not anonymized again, so a pseudonym key did not change them.
    /// </summary>
    public bool KeptPseudonyms { get; init; }
}
