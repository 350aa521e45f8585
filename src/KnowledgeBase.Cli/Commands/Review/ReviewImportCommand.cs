using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Privacy;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>
/// <c>kb review import &lt;faq.json&gt; --db &lt;file&gt;</c>: merges an existing faq.json into the store exactly as
/// <c>kb build --db</c> merges a fresh build (decisions kept, changed approved entries flagged), and brings the file's
/// decisions: each applies where the store has the entry as a candidate; where the store decided otherwise, the store's
/// stays and stderr names the entries.
/// </summary>
internal sealed class ReviewImportCommand : Command<ReviewImportSettings>
{
    public override int Execute(CommandContext context, ReviewImportSettings settings, CancellationToken cancellationToken)
    {
        var build = new FaqJsonReader().ReadFile(settings.FaqJson);
        using var store = ReviewStore.Open(settings);
        return ReviewStore.Run(() =>
        {
            var result = store.MergeBuild(build);
            if (settings.Out is not null)
            {
                // Edits are stored as typed; the faq.json written here is masked like the one kb build writes.
                var masking = MaskingOptions.Default with { MaskPersonalData = !settings.NoMask };
                new FaqJsonWriter().WriteFile(PersonalDataMasker.Mask(result.Document, masking), settings.Out);
            }

            Console.Out.WriteLine(
                $"{build.Entries.Count} entries -> {settings.Database}: {result.Added.Count} new, {result.Changed.Count} changed, {result.Moved.Count} moved, " +
                $"{result.Missing.Count} missing, {result.ChangedSinceReview.Count} changed since review, {result.ImportedDecisions.Count} {(result.ImportedDecisions.Count == 1 ? "decision" : "decisions")} imported");
            if (result.KeptDecisions.Count > 0)
            {
                var file = build.Entries.ToDictionary(e => e.Id, e => e.Status, StringComparer.Ordinal);
                var named = result.KeptDecisions.Take(5).Select(id => Kept(store, id, file[id]));
                Terminal.Problem(
                    $"kb review import: {result.KeptDecisions.Count} of the decisions in {settings.FaqJson} {(result.KeptDecisions.Count == 1 ? "differs" : "differ")} from those already in {settings.Database}, " +
                    $"which stay: {string.Join(", ", named)}{(result.KeptDecisions.Count > 5 ? ", …" : string.Empty)}");
            }

            if (result.MostlyMissing)
            {
                Terminal.Problem(
                    $"kb review import: WARNING: {settings.FaqJson} lacks {result.Missing.Count} of the {result.PresentBefore} entries {settings.Database} had; " +
                    "they are now marked missing (kept with their decisions, hidden from lists and exports). A faq.json of another corpus? " +
                    "Importing the right one brings them back.");
            }
        });
    }

    private static string Kept(CurationStore store, string id, string fileStatus)
    {
        var entry = store.Get(id)!;
        var here = entry.MergedInto is { } target ? $"merged into {target}" : entry.Entry.Status;
        return $"{id} ({fileStatus} in the file, {here} in the store)";
    }
}
