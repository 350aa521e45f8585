using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Segmentation;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Export;

/// <summary>
/// <c>kb export --format markdown|json|html --in &lt;faq.json&gt; --out &lt;dir&gt;</c>, or
/// <c>kb export --status approved --db &lt;file&gt; --out &lt;dir&gt;</c>: personal data masked unless <c>--no-mask</c>,
/// rejected entries left out unless <c>--include-rejected</c>. With <c>--in</c>, the statuses and edits of the review store
/// (<c>--db</c>, or the <c>kb.db</c> beside the faq.json) replace those the faq.json was built with.
/// </summary>
internal sealed class ExportCommand : Command<ExportSettings>
{
    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var document = settings.Input is null ? ReadApproved(settings) : ReadFaqJson(settings.Input);
        if (document is null)
        {
            return ExitCodes.UsageOrNothingReadable;
        }

        // kb review and the review page change only the store: its decisions are the truth, not the faq.json of the last build.
        if (settings.Input is not null && settings.StoreOfInput is { } db)
        {
            using var store = OpenStore(db, settings.Models);
            var applied = store.ApplyDecisions(document);
            document = applied.Document;
            Console.Error.WriteLine(
                $"review store {db}: {applied.Differing.Count} of {applied.Document.Entries.Count} entries differ from {settings.Input} " +
                "in status, text, topic or exchanges; the store's are exported" +
                (applied.Unknown.Count > 0 ? $"; {applied.Unknown.Count} it does not have are exported as {settings.Input} has them" : string.Empty));
            if (applied.MostlyUnknown)
            {
                Terminal.Problem(
                    $"kb export: WARNING: {db} does not have {applied.Unknown.Count} of the {applied.Document.Entries.Count} entries of {settings.Input}: " +
                    "is it the review store of another build? Their decisions and edits are not applied; --db names the store of this faq.json");
            }
        }

        // A rejected entry is an analyst's no: it stays in faq.json for the record, but is not published unless asked for.
        // (An export of the store has approved entries only.)
        if (settings.Input is not null && !settings.IncludeRejected)
        {
            var all = document.Entries.Count;
            document = document.WithoutRejected();
            Console.Error.WriteLine($"{all - document.Entries.Count} of {all} entries are rejected and left out (--include-rejected keeps them)");
        }

        if (settings.AnsweredOnly)
        {
            var all = document.Entries.Count;
            document = document.AnsweredOnly();
            Console.Error.WriteLine($"--answered-only: {all - document.Entries.Count} of {all} entries have no answer and are left out");
        }

        var options = new ExportOptions(settings.ParsedFormat)
        {
            SourceUrlTemplate = settings.SourceUrl,
            // The faq.json read here may be one an earlier export wrote into this folder (or a build's, the same bytes).
            Inputs = settings.Input is null ? [] : [settings.Input],
            Masking = new MaskingOptions
            {
                MaskPersonalData = !settings.NoMask,
                AnonymizeSpeakers = settings.AnonymizeSpeakers,
                PseudonymKey = settings.PseudonymKey,
            },
        };
        ExportResult result;
        try
        {
            result = new KnowledgeBaseExporter().Export(document, options, settings.Out);
        }
        catch (IOException unwritable)
        {
            Console.Error.WriteLine($"kb export: {unwritable.Message}");
            return ExitCodes.UsageOrNothingReadable;
        }

        if (result.KeptPseudonyms)
        {
            // A pseudonym cannot be hashed again without the name behind it; parsed as a nick, every one would be 成员.
            Terminal.Problem(
                $"kb export: WARNING: the speakers in {settings.Input ?? settings.Database} are anonymized already (成员-…, an earlier kb export): " +
                "their pseudonyms are kept as they are, not anonymized again" +
                (settings.PseudonymKey is null ? string.Empty : "; --pseudonym-key cannot apply to them: export the faq.json kb build wrote for pseudonyms of that key"));
        }

        // A page an earlier export wrote and this one does not (an entry rejected since) must not stay published.
        if (result.Removed.Count > 0)
        {
            Console.Error.WriteLine($"removed {result.Removed.Count} file(s) an earlier kb export wrote in {settings.Out} and this one does not: {Names(result.Removed)}");
        }

        if (result.Changed.Count > 0)
        {
            Console.Error.WriteLine(
                $"left alone {result.Changed.Count} file(s) an earlier kb export wrote in {settings.Out} and this one does not, changed since: {Names(result.Changed)}");
        }

        var privacy = (settings.NoMask ? "personal data kept" : "personal data masked")
            + (settings.AnonymizeSpeakers ? (result.KeptPseudonyms ? ", speakers anonymized (pseudonyms kept)" : ", speakers anonymized") : string.Empty);
        Console.Out.WriteLine(
            $"{document.Entries.Count} entries, {document.Topics.Count} topics -> {result.Files.Count} files " +
            $"({options.Format.ToString().ToLowerInvariant()}) in {settings.Out}; {privacy}");
        return ExitCodes.Ok;
    }

    private static string Names(IReadOnlyList<string> files) =>
        string.Join(", ", files.Take(5)) + (files.Count > 5 ? $" and {files.Count - 5} more" : string.Empty);

    private static KnowledgeBaseDocument? ReadFaqJson(string path) => FaqJsonInput.TryRead(path, out var document) ? document : null;

    // The store indexes search text with the project's jieba segmenter; opening it with another tokenizer would re-index.
    private static KnowledgeBaseDocument ReadApproved(ExportSettings settings)
    {
        using var store = OpenStore(settings.Database!, settings.Models);
        return store.ExportApproved();
    }

    private static CurationStore OpenStore(string db, string? models)
    {
        var segmenter = ChineseSegmenter.Load(models is null ? null : new ChineseSegmenterOptions { ModelsDirectory = models });
        // An export only reads: a file that is not a review store is refused, not made one, and a damaged one before it is read.
        return new CurationStore(CurationStoreOptions.WithSegmenter(db, segmenter) with { CreateWhenMissing = false, CheckIntegrity = true });
    }
}
