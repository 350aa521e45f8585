using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Evaluation;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Train;

/// <summary><c>kb train</c>: learns the question detector and reply linker from the labelled training days.</summary>
internal sealed class TrainCommand : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        // The dictionary and stop words shipped beside kb; the trained models go to --models.
        var segmenter = ChineseSegmenter.Load();
        var directory = SpeakerEvidence(settings.Corpus);
        var (trainFiles, heldOutFiles) = LabelledDayLoader.ReadSplit(settings.Labels);
        var train = LabelledDayLoader.Load(settings.Labels, settings.Corpus, trainFiles);
        var heldOut = LabelledDayLoader.Load(settings.Labels, settings.Corpus, heldOutFiles);
        Terminal.Error.MarkupLineInterpolated($"training on {train.Count} days, holding out {heldOut.Count}; {directory.AliasPairCount} nick pairs from merged exports");

        var trainer = new ExchangeModelTrainer(segmenter, directory, settings.Seed);
        var table = new Table().AddColumns("training days", "question F1", "answer-link F1", "FAQ F1", "question P/R", "link P/R");
        if (settings.CrossValidate is int folds)
        {
            // Training days only: the held-out days stay unseen by whatever this measurement is used to choose.
            var pooled = trainer.CrossValidate(train, folds, line => Terminal.Error.WriteLine(line));
            AddRow(table, $"{train.Count} ({folds}-fold)", pooled);
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }

        if (settings.LearningCurve)
        {
            foreach (var step in new[] { 4, 2 })
            {
                // Every step-th day keeps the subset spread over groups and dates.
                var subset = train.Where((_, i) => i % step == 0).ToList();
                var partial = trainer.Train(subset);
                AddRow(table, $"{subset.Count} (1/{step})", trainer.Evaluate(partial, heldOut));
            }
        }

        var models = trainer.Train(train, line => Terminal.Error.WriteLine(line));
        models.Save(settings.Models);
        AddRow(table, $"{train.Count} (100%)", trainer.Evaluate(models, heldOut));
        AnsiConsole.Write(table);
        var linker = trainer.EvaluateLinkerOnLabelledQuestions(models, heldOut);
        Console.Out.WriteLine($"reply linker alone (labelled questions given): answer-link P {linker.LinkP:0.000} R {linker.LinkR:0.000} F1 {linker.LinkF1:0.000}, question F1 {linker.QuestionF1:0.000}");
        Console.Out.WriteLine($"models written to {settings.Models} (question threshold {models.Settings.QuestionThreshold:0.00}, link threshold {models.Settings.LinkThreshold:0.00})");
        return ExitCodes.Ok;
    }

    private static void AddRow(Table table, string days, EvaluationScore score) =>
        table.AddRow(days, $"{score.QuestionF1:0.000}", $"{score.LinkF1:0.000}", $"{score.FaqF1:0.000}",
            $"{score.QuestionP:0.00}/{score.QuestionR:0.00}", $"{score.LinkP:0.00}/{score.LinkR:0.00}");

    private static SpeakerDirectory SpeakerEvidence(string corpus)
    {
        var root = Path.GetFullPath(corpus);
        var reader = new ChatLogReader();
        var builder = new SpeakerDirectoryBuilder();
        Parallel.ForEach(ChatLogFinder.Find(root).Files, file => builder.Observe(reader.ReadFile(root, file.FullPath).Day.Messages));
        return builder.Build();
    }
}
