using System.Globalization;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.ShowDay;

/// <summary>
/// <c>kb show-day &lt;file&gt;</c>: a day's messages the way labels name them (header line, time, speaker, text with
/// entities decoded), one per line, for labelling and for reviewing labels; with <c>--scores</c>, also what the
/// exchange models make of the day.
/// </summary>
internal sealed class ShowDayCommand : Command<ShowDaySettings>
{
    public override int Execute(CommandContext context, ShowDaySettings settings, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(settings.File);
        // Paths are shown as <group>/<file>, the way label files name them.
        var root = Path.GetDirectoryName(Path.GetDirectoryName(full)) ?? full;
        var result = new ChatLogReader().ReadFile(root, full);
        var day = result.Day;
        var scores = settings.Scores ? Score(day, full, settings.Models, settings.Corpus) : null;

        Console.Out.WriteLine($"# {day.Path}");
        for (var i = 0; i < day.Messages.Count; i++)
        {
            var message = day.Messages[i];
            var text = Tsv.Field(message.Body);
            var score = scores is null ? string.Empty : (scores.QuestionProbabilities[i]?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-") + "\t";
            Console.Out.WriteLine($"L{message.Source.Line}\t{score}{message.Time:HH:mm:ss}\t{Tsv.Field(message.Speaker.Raw)}\t{text}");
        }

        if (scores is not null)
        {
            Console.Out.WriteLine($"# {scores.Exchanges.Count} exchanges (question lines -> answer lines, confidence, context lines)");
            foreach (var exchange in scores.Exchanges)
            {
                var questions = string.Join(',', exchange.Questions.Select(m => m.Source.Line));
                var answers = string.Join(',', exchange.Answers.Select(m => m.Source.Line));
                var contextLines = string.Join(',', exchange.Messages.Where(m => m.Role == MessageRole.Context).Select(m => m.Message.Source.Line));
                Console.Out.WriteLine(
                    $"Q {questions} -> {(answers.Length == 0 ? "-" : answers)}\t{exchange.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}" +
                    (contextLines.Length == 0 ? string.Empty : $"\tcontext {contextLines}"));
            }
        }

        foreach (var problem in result.Problems)
        {
            Terminal.Problem(problem.ToString());
        }

        return result.Problems.Count > 0 ? ExitCodes.InputProblems : ExitCodes.Ok;
    }

    private static DayInspection Score(ChatDay day, string path, string? modelsDirectory, string? corpus)
    {
        var models = modelsDirectory ?? Path.Combine(AppContext.BaseDirectory, "models");
        var segmenter = ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = models });
        using var finder = new ExchangeFinder(ExchangeModels.Load(models), segmenter, Speakers(day, path, corpus));
        return finder.Inspect(day);
    }

    // Who is who and how much each speaker says: from the whole corpus when given (the day counted once, as a build of
    // the corpus counts it), else from the day alone.
    private static SpeakerDirectory Speakers(ChatDay day, string path, string? corpus)
    {
        var builder = new SpeakerDirectoryBuilder();
        var read = corpus is null ? [] : builder.ObserveCorpus(corpus);
        if (!read.Contains(path, StringComparer.Ordinal))
        {
            builder.Observe(day.Messages);
        }

        return builder.Build();
    }
}
