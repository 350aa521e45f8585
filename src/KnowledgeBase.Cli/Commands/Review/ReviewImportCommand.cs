using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Privacy;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>
/// <c>kb review import &lt;faq.json&gt; --db &lt;file&gt;</c>: brings a faq.json's decisions into the store. Into a store
/// that holds entries, only decisions come: each applies where the store has the entry as a candidate; where the store
/// decided otherwise, the store's stays; entries it does not have are named; texts, topics and exchanges stay those of
/// the store's latest build, so a <c>kb export</c> (anonymized, filtered) changes no content. Into a new or empty store,
/// the faq.json is merged as a build would be, its decisions with it; a file with anonymized speakers is refused there.
/// </summary>
internal sealed class ReviewImportCommand : Command<ReviewImportSettings>
{
    public override int Execute(CommandContext context, ReviewImportSettings settings, CancellationToken cancellationToken)
    {
        if (!FaqJsonInput.TryRead(settings.FaqJson, out var file))
        {
            return ExitCodes.UsageOrNothingReadable;
        }

        // Pseudonyms would become the store's texts and speakers, and the next build would flag every imported approval.
        var anonymized = PersonalDataMasker.HasAnonymizedSpeakers(file);
        if (anonymized && !File.Exists(settings.Database))
        {
            return RefuseAnonymized(settings);
        }

        using var store = ReviewStore.Open(settings);
        if (!store.HasEntries())
        {
            return anonymized ? RefuseAnonymized(settings) : ReviewStore.Run(() => Seed(store, file, settings));
        }

        return ReviewStore.Run(() =>
        {
            var result = store.ImportDecisions(file);
            WriteOut(store.ApplyDecisions(file).Document, settings);
            Console.Out.WriteLine(
                $"{file.Entries.Count} entries -> {settings.Database}: decisions only, texts stay those of the store's latest build; " +
                $"{result.Imported.Count} {(result.Imported.Count == 1 ? "decision" : "decisions")} imported");
            ReportKept(store, file, settings, result.Kept);
            if (result.Unknown.Count > 0)
            {
                Terminal.Problem(
                    $"kb review import: {result.Unknown.Count} of the decisions in {settings.FaqJson} {(result.Unknown.Count == 1 ? "is" : "are")} for entries {settings.Database} does not have " +
                    $"(a faq.json of another corpus, or of a build not merged into this store?), not imported: {Named(result.Unknown)}");
            }
        });
    }

    // A new store takes everything from the file, as from a build.
    private static void Seed(CurationStore store, KnowledgeBaseDocument file, ReviewImportSettings settings)
    {
        var result = store.MergeBuild(file);
        WriteOut(result.Document, settings);
        Console.Out.WriteLine(
            $"{file.Entries.Count} entries -> {settings.Database}: {result.Added.Count} new, {result.Changed.Count} changed, {result.Moved.Count} moved, " +
            $"{result.Missing.Count} missing, {result.ChangedSinceReview.Count} changed since review, {result.ImportedDecisions.Count} {(result.ImportedDecisions.Count == 1 ? "decision" : "decisions")} imported");
        ReportKept(store, file, settings, result.KeptDecisions);
    }

    private static int RefuseAnonymized(ReviewImportSettings settings)
    {
        Terminal.Problem(
            $"kb review import: the speakers in {settings.FaqJson} are anonymized (成员-…): it is a kb export, not a build, and a new store would take its pseudonyms " +
            $"for its texts; nothing was imported. Run kb build --db {settings.Database} (or import the faq.json kb build wrote), then import this file for its decisions");
        return ExitCodes.UsageOrNothingReadable;
    }

    private static void WriteOut(KnowledgeBaseDocument document, ReviewImportSettings settings)
    {
        if (settings.Out is not null)
        {
            // Edits are stored as typed; the faq.json written here is masked like the one kb build writes.
            var masking = MaskingOptions.Default with { MaskPersonalData = !settings.NoMask };
            new FaqJsonWriter().WriteFile(PersonalDataMasker.Mask(document, masking), settings.Out);
        }
    }

    private static void ReportKept(CurationStore store, KnowledgeBaseDocument file, ReviewImportSettings settings, IReadOnlyList<string> kept)
    {
        if (kept.Count == 0)
        {
            return;
        }

        var statuses = file.Entries.DistinctBy(e => e.Id).ToDictionary(e => e.Id, e => e.Status, StringComparer.Ordinal);
        var named = kept.Take(5).Select(id => Kept(store, id, statuses[id]));
        Terminal.Problem(
            $"kb review import: {kept.Count} of the decisions in {settings.FaqJson} {(kept.Count == 1 ? "differs" : "differ")} from those already in {settings.Database}, " +
            $"which stay: {string.Join(", ", named)}{(kept.Count > 5 ? ", …" : string.Empty)}");
    }

    private static string Named(IReadOnlyList<string> ids) => string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", …" : string.Empty);

    private static string Kept(CurationStore store, string id, string fileStatus)
    {
        var entry = store.Get(id)!;
        var here = entry.MergedInto is { } target ? $"merged into {target}" : entry.Entry.Status;
        return $"{id} ({fileStatus} in the file, {here} in the store)";
    }
}
