using System.Text.Json;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Domain;
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
        var (directory, embedder) = CorpusEvidence(settings.Corpus, segmenter);
        var (trainFiles, heldOutFiles) = LabelledDayLoader.ReadSplit(settings.Labels);
        var train = LabelledDayLoader.Load(settings.Labels, settings.Corpus, trainFiles);
        var heldOut = LabelledDayLoader.Load(settings.Labels, settings.Corpus, heldOutFiles);
        Terminal.Error.MarkupLineInterpolated($"training on {train.Count} days, holding out {heldOut.Count}; {directory.AliasPairCount} nick pairs from merged exports; vectors of {embedder.Words} words");

        var trainer = new ExchangeModelTrainer(segmenter, directory, embedder, settings.Seed);
        var table = new Table().AddColumns("training days", "question F1", "answer-link F1", "FAQ F1", "question P/R", "link P/R");
        if (settings.CrossValidate is int detectorFolds && settings.DetectorOnly)
        {
            var detector = trainer.CrossValidateDetector(train, detectorFolds);
            var figures = new Table().AddColumns("training days", "candidates", "openers", "average precision", "best F1 (threshold)", "log loss");
            figures.AddRow($"{train.Count} ({detectorFolds}-fold)", $"{detector.Candidates}", $"{detector.Openers}", $"{detector.AveragePrecision:0.0000}",
                $"{detector.BestF1:0.0000} ({detector.BestThreshold:0.000})", $"{detector.LogLoss:0.0000}");
            AnsiConsole.Write(figures);
            return ExitCodes.Ok;
        }

        if (settings.CrossValidate is int folds)
        {
            // Training days only: the held-out days stay unseen by whatever this measurement is used to choose.
            var validation = trainer.CrossValidate(train, folds, line => Terminal.Error.WriteLine(line));
            AddRow(table, $"{train.Count} ({folds}-fold)", validation.Score);
            if (settings.Predictions is { } file)
            {
                WritePredictions(file, settings.Corpus, validation.Exchanges);
            }

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

    // The shape kb eval and score.py read from a faq.json: exchanges[].messages[] of path, line and role, and input.root,
    // so that kb eval knows a labelled day with no exchange was read (a quiet day), not left out of the input.
    private static void WritePredictions(string file, string corpus, IReadOnlyList<ValidatedExchange> exchanges)
    {
        var document = new
        {
            input = new { root = Path.GetFullPath(corpus) },
            exchanges = exchanges.Select(e => new
            {
                topicId = "None",
                confidence = Math.Round(e.Confidence, 4),
                messages = e.Questions.Select(line => new { path = e.Path, line, role = "question" })
                    .Concat(e.Answers.Select(line => new { path = e.Path, line, role = "answer" })),
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, JsonSerializer.Serialize(document));
        Terminal.Error.MarkupLineInterpolated($"out-of-fold exchanges written to {file}");
    }

    private static void AddRow(Table table, string days, EvaluationScore score) =>
        table.AddRow(days, $"{score.QuestionF1:0.000}", $"{score.LinkF1:0.000}", $"{score.FaqF1:0.000}",
            $"{score.QuestionP:0.00}/{score.QuestionR:0.00}", $"{score.LinkP:0.00}/{score.LinkR:0.00}");

    /// <summary>
    /// What the whole corpus teaches without labels: who is who (nicks, merged exports) and what words mean (word vectors
    /// from every message's content words, in file order).
    /// </summary>
    private static (SpeakerDirectory Directory, MessageEmbedder Embedder) CorpusEvidence(string corpus, ChineseSegmenter segmenter)
    {
        var root = Path.GetFullPath(corpus);
        var reader = new ChatLogReader();
        var builder = new SpeakerDirectoryBuilder();
        var files = ChatLogFinder.Find(root).Files;
        var words = new IReadOnlyList<string>[files.Count][];
        Parallel.For(0, files.Count, i =>
        {
            var messages = reader.ReadFile(root, files[i].FullPath).Day.Messages;
            builder.Observe(messages);
            words[i] = [.. messages.Where(m => m.Kind is MessageKind.Text or MessageKind.Link).Select(m => segmenter.ContentWords(m.Text))];
        });
        return (builder.Build(), MessageEmbedder.Learn([.. words.SelectMany(w => w)]));
    }
}
