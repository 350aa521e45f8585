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
            var source = store.ResolveId(settings.Source);
            var entry = store.MergeEntries(source, store.ResolveId(settings.Target), settings.Actor);
            Console.Out.WriteLine($"{source} -> {entry.Id}\t{entry.Entry.ExchangeIds.Count} exchanges\tversion {entry.Version}");
        });
    }
}
