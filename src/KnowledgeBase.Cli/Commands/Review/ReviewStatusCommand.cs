using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>
/// <c>kb review approve|reject|reset &lt;entry-id&gt;... --db &lt;file&gt;</c>: sets the status of entries, all of them or,
/// when one is unknown or merged away, none.
/// </summary>
internal abstract class ReviewStatusCommand(string status) : Command<ReviewActionSettings>
{
    public override int Execute(CommandContext context, ReviewActionSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Version is not null && settings.Ids.Length != 1)
        {
            Console.Error.WriteLine("kb review: --version applies to a single entry");
            return Infrastructure.ExitCodes.UsageOrNothingReadable;
        }

        using var store = ReviewStore.Open(settings);
        return ReviewStore.Run(() =>
        {
            var ids = settings.Ids.Select(store.ResolveId).ToList();
            var entries = settings.Version is { } version ? [store.SetStatus(ids[0], status, settings.Actor, version)] : store.SetStatus(ids, status, settings.Actor);
            foreach (var entry in entries)
            {
                Console.Out.WriteLine($"{entry.Id}\t{entry.Entry.Status}\tversion {entry.Version}");
            }
        });
    }
}
