using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Exports a knowledge base: masks it as the options say (personal data masked by default), then writes Markdown
/// pages, faq.json or a static HTML site into a folder.
/// </summary>
public sealed class KnowledgeBaseExporter
{
    /// <summary>Masks and writes.</summary>
    /// <param name="document">The knowledge base as read from faq.json or the review store.</param>
    /// <param name="options">Format, source links and masking.</param>
    /// <param name="outputDirectory">Target folder, created when missing.</param>
    /// <returns>The files written, relative to the folder.</returns>
    public IReadOnlyList<string> Export(KnowledgeBaseDocument document, ExportOptions options, string outputDirectory)
    {
        var links = new SourceLinkBuilder(options.SourceUrlTemplate, SourceLinkBuilder.DaysOfFiles(document));
        // Closed and counted whatever was left out before: every topic an exchange or entry names is listed, with the exchanges exported.
        var masked = PersonalDataMasker.Mask(document.WithTopicsCounted(), options.Masking);
        switch (options.Format)
        {
            case ExportFormat.Markdown:
                return new MarkdownExporter(links).Export(masked, outputDirectory);
            case ExportFormat.Html:
                return new HtmlSiteExporter(links).Export(masked, outputDirectory);
            default:
                new FaqJsonWriter().WriteFile(masked, Path.Combine(outputDirectory, "faq.json"));
                return ["faq.json"];
        }
    }
}
