using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review merge &lt;source-id&gt; &lt;target-id&gt; --db &lt;file&gt;</c>.</summary>
internal sealed class ReviewMergeCommand : Command<ReviewMergeSettings>
{
    public override int Execute(CommandContext context, ReviewMergeSettings settings, CancellationToken cancellationToken)
    {
        using var store = ReviewStore.Open(settings);
        return ReviewStore.Run(() =>
        {
            var entry = store.MergeEntries(settings.Source, settings.Target, settings.Actor);
            Console.Out.WriteLine($"{settings.Source} -> {entry.Id}\t{entry.Entry.ExchangeIds.Count} exchanges\tversion {entry.Version}");
        });
    }
}
