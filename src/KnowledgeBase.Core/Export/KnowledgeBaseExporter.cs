using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Exports a knowledge base: masks it as the options say (personal data masked by default), then writes Markdown
/// pages, faq.json or a static HTML site into a folder.
/// </summary>
public sealed class KnowledgeBaseExporter
{
    /// <summary>
    /// Masks and writes, then removes the files the previous export into the folder wrote and this one does not (as
    /// <see cref="ExportRecord"/> recorded them, unchanged since) and records this export's files.
    /// </summary>
    /// <param name="document">The knowledge base as read from faq.json or the review store.</param>
    /// <param name="options">Format, source links and masking.</param>
    /// <param name="outputDirectory">Target folder, created when missing.</param>
    /// <returns>
    /// The files written, relative to the folder, the earlier export's files removed or left alone, and whether pseudonyms
    /// the document already had were kept (<see cref="ExportResult.KeptPseudonyms"/>).
    /// </returns>
    /// <exception cref="IOException">The record cannot be written in the folder (checked before any file is written).</exception>
    public ExportResult Export(KnowledgeBaseDocument document, ExportOptions options, string outputDirectory)
    {
        var links = new SourceLinkBuilder(options.SourceUrlTemplate, SourceLinkBuilder.DaysOfFiles(document));

        // Closed and counted whatever was left out before: every topic an exchange or entry names is listed, with the exchanges exported.
        var masked = PersonalDataMasker.Mask(document.WithTopicsCounted(), options.Masking);
        ExportRecord.EnsureWritable(outputDirectory);
        IReadOnlyList<string> written;
        switch (options.Format)
        {
            case ExportFormat.Markdown:
                written = new MarkdownExporter(links).Export(masked, outputDirectory);
                break;
            case ExportFormat.Html:
                written = new HtmlSiteExporter(links).Export(masked, outputDirectory);
                break;
            default:
                new FaqJsonWriter().WriteFile(masked, Path.Combine(outputDirectory, "faq.json"));
                written = ["faq.json"];
                break;
        }

        return ExportRecord.Update(outputDirectory, written, options.Inputs) with
        {
            KeptPseudonyms = options.Masking.AnonymizeSpeakers && PersonalDataMasker.HasPseudonyms(document),
        };
    }
}
