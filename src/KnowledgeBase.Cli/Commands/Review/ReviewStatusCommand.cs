using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review approve|reject|reset &lt;entry-id&gt;... --db &lt;file&gt;</c>: sets the status of entries.</summary>
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
            foreach (var id in settings.Ids)
            {
                var entry = store.SetStatus(store.ResolveId(id), status, settings.Actor, settings.Version);
                Console.Out.WriteLine($"{entry.Id}\t{entry.Entry.Status}\tversion {entry.Version}");
            }
        });
    }
}
