using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Export;

/// <summary>How <see cref="KnowledgeBaseExporter"/> writes a knowledge base.</summary>
/// <param name="Format">Markdown pages, faq.json or a static HTML site.</param>
public sealed record ExportOptions(ExportFormat Format)
{
    /// <summary>
    /// Template of links to the chat logs with <c>{path}</c>, <c>{line}</c>, <c>{group}</c> and <c>{date}</c>
    /// (e.g. <c>https://git.example.com/chat/blob/main/{path}#L{line}</c>); null gives relative <c>path#Lline</c> links.
    /// </summary>
    public string? SourceUrlTemplate { get; init; }

    /// <summary>
    /// Files the export reads (the faq.json given with <c>--in</c>): never removed as an earlier export's, even when an
    /// earlier export into the same folder wrote them with the same content.
    /// </summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Personal-data masking and pseudonyms; on by default, as for faq.json.</summary>
    public MaskingOptions Masking { get; init; } = MaskingOptions.Default;
}
