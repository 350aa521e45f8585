using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Reading;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.ShowDay;

/// <summary>
/// <c>kb show-day &lt;file&gt;</c>: a day's messages the way labels name them (header line, time, speaker, text with
/// entities decoded), one per line, for labelling and for reviewing labels.
/// </summary>
internal sealed class ShowDayCommand : Command<ShowDaySettings>
{
    public override int Execute(CommandContext context, ShowDaySettings settings, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(settings.File);
        // Paths are shown as <group>/<file>, the way label files name them.
        var root = Path.GetDirectoryName(Path.GetDirectoryName(full)) ?? full;
        var result = new ChatLogReader().ReadFile(root, full);
        Console.Out.WriteLine($"# {result.Day.Path}");
        foreach (var message in result.Day.Messages)
        {
            var text = message.Body.ReplaceLineEndings(" ");
            Console.Out.WriteLine($"L{message.Source.Line}\t{message.Time:HH:mm:ss}\t{message.Speaker.Raw}\t{text}");
        }

        foreach (var problem in result.Problems)
        {
            Terminal.Problem(problem.ToString());
        }

        return result.Problems.Count > 0 ? ExitCodes.InputProblems : ExitCodes.Ok;
    }
}
