using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review split &lt;entry-id&gt; &lt;exchange-id&gt;... --db &lt;file&gt;</c>: moves exchanges to a new candidate entry.</summary>
internal sealed class ReviewSplitCommand : Command<ReviewSplitSettings>
{
    public override int Execute(CommandContext context, ReviewSplitSettings settings, CancellationToken cancellationToken)
    {
        using var store = ReviewStore.Open(settings);
        return ReviewStore.Run(() =>
        {
            var id = store.ResolveId(settings.Id);
            var entry = store.Split(id, settings.ExchangeIds, settings.Actor);
            Console.Out.WriteLine($"{id} -> {entry.Id}\t{entry.Entry.ExchangeIds.Count} exchanges\tversion {entry.Version}");
        });
    }
}
