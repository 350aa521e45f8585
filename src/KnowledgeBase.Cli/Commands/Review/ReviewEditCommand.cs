using KnowledgeBase.Core.Curation;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review edit &lt;entry-id&gt; --db &lt;file&gt; [--question q] [--answer a] [--topic t]</c>.</summary>
internal sealed class ReviewEditCommand : Command<ReviewEditSettings>
{
    public override int Execute(CommandContext context, ReviewEditSettings settings, CancellationToken cancellationToken)
    {
        var answer = settings.AnswerFile is null ? settings.Answer : File.ReadAllText(settings.AnswerFile);
        using var store = ReviewStore.Open(settings);
        return ReviewStore.Run(() =>
        {
            var entry = store.Edit(store.ResolveId(settings.Id), new EntryEdit(settings.Question, answer, settings.Topic), settings.Actor, settings.Version);
            Console.Out.WriteLine($"{entry.Id}\t{entry.Entry.Status}\tversion {entry.Version}");
        });
    }
}
