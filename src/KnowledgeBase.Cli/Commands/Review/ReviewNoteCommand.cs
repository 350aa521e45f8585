using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review note &lt;entry-id&gt; &lt;text&gt; --db &lt;file&gt;</c>.</summary>
internal sealed class ReviewNoteCommand : Command<ReviewNoteSettings>
{
    public override int Execute(CommandContext context, ReviewNoteSettings settings, CancellationToken cancellationToken)
    {
        using var store = ReviewStore.Open(settings);
        return ReviewStore.Run(() =>
        {
            var entry = store.AddNote(store.ResolveId(settings.Id), settings.Text, settings.Actor);
            Console.Out.WriteLine($"{entry.Id}\t{entry.Notes.Count} notes\tversion {entry.Version}");
        });
    }
}
