using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Eval;

/// <summary><c>kb eval --gold &lt;dir&gt; &lt;faq.json&gt;</c>: scores exchanges exactly as the reference scorer does.</summary>
internal sealed class EvalCommand : Command<EvalSettings>
{
    public override int Execute(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        GoldSet gold;
        try
        {
            gold = GoldSet.Load(settings.Gold);
        }
        catch (InvalidDataException bad)
        {
            Terminal.Problem($"kb eval: {bad.Message}");
            return ExitCodes.UsageOrNothingReadable;
        }

        // On stderr, so that --json stays exactly the reference scorer's line.
        foreach (var skipped in gold.Skipped)
        {
            Console.Error.WriteLine($"kb eval: note: {skipped.Path} skipped: {skipped.Reason}");
        }

        var predictions = PredictedExchanges.LoadFaqJson(settings.Faq);
        var corpus = settings.Corpus ?? predictions.InputRoot;
        var corpusDir = corpus is not null && Directory.Exists(corpus) ? corpus : null;
        var score = ExchangeScorer.Score(gold, predictions, corpusDir);
        var baseline = settings.Against is { } against ? PredictedExchanges.LoadFaqJson(against) : null;
        // The scores are printed all the same (they are what the reference scorer gives), but a labelled day the build
        // never read makes them wrong, so the exit code says so.
        var exitCode = WarnAboutCoverage(gold, predictions, settings.Faq, baseline, settings.Against) ? ExitCodes.InputProblems : ExitCodes.Ok;
        if (settings.Json)
        {
            // Exactly the reference scorer's line; the calibration report is for people only.
            Console.Out.WriteLine(score.ToJson());
            return exitCode;
        }

        var table = new Table().AddColumns("measure", "precision", "recall", "F1");
        table.AddRow("question", $"{score.QuestionP:0.000}", $"{score.QuestionR:0.000}", $"{score.QuestionF1:0.000}");
        table.AddRow("answer link", $"{score.LinkP:0.000}", $"{score.LinkR:0.000}", $"{score.LinkF1:0.000}");
        table.AddRow("FAQ", $"{score.FaqP:0.000}", $"{score.FaqR:0.000}", $"{score.FaqF1:0.000}");
        AnsiConsole.Write(table);
        Console.Out.WriteLine(
            $"{score.Files} labelled files, {score.GoldExchanges} gold and {score.PredExchanges} predicted exchanges, {score.Matched} matched; " +
            $"topic NMI {score.TopicNmi:0.000}, ARI {score.TopicAri:0.000}");
        if (settings.ByGroup)
        {
            WriteByGroup(ExchangeScorer.ScoreByGroup(gold, predictions, corpusDir));
        }

        if (settings.Calibration)
        {
            WriteCalibration(ExchangeScorer.Calibration(gold, predictions, corpusDir));
        }

        if (settings.Bootstrap is int resamples)
        {
            WriteBootstrap(BootstrapScorer.Intervals(gold, predictions, corpusDir, resamples, baseline: baseline), resamples, score.Files, settings.Against);
        }

        return exitCode;
    }

    // On stderr, so that --json stays exactly the reference scorer's line. A labelled day with no exchange is normal
    // (a quiet day); one the build did not even read, because it is not under the faq.json's input root, is not.
    // Returns whether it warned.
    private static bool WarnAboutCoverage(GoldSet gold, PredictedExchanges predictions, string faq, PredictedExchanges? baseline, string? against)
    {
        var unread = Unread(gold, predictions);
        if (unread.Count == gold.Files.Count)
        {
            Console.Error.WriteLine(
                $"kb eval: none of the {gold.Files.Count} labelled files were in the input of {faq} ({Sample(unread)}); " +
                "every gold exchange counts as missed: was it built from the corpus these days were labelled on?");
        }
        else if (unread.Count > 0)
        {
            Console.Error.WriteLine(
                $"kb eval: {unread.Count} of {gold.Files.Count} labelled files were not in the input of {faq} ({Sample(unread)}); " +
                "their gold exchanges all count as missed");
        }

        var differ = 0;
        if (baseline is not null && against is not null)
        {
            var unreadThere = Unread(gold, baseline);
            differ = unread.Except(unreadThere, StringComparer.Ordinal).Count() + unreadThere.Except(unread, StringComparer.Ordinal).Count();
            if (differ > 0)
            {
                Console.Error.WriteLine(
                    $"kb eval: {faq} and {against} did not read the same labelled files ({differ} differ); the change compares different inputs, not only different models");
            }
        }

        return unread.Count > 0 || differ > 0;
    }

    private static List<string> Unread(GoldSet gold, PredictedExchanges predictions) =>
        gold.FilesWithoutPredictions(predictions)
            .Where(path => predictions.InputRoot is not { } root || !File.Exists(Path.Combine(root, path)))
            .ToList();

    private static string Sample(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(3)) + (paths.Count > 3 ? $" and {paths.Count - 3} more" : string.Empty);

    private static void WriteBootstrap(IReadOnlyList<BootstrapRow> rows, int resamples, int days, string? against)
    {
        // Short headers keep the paired table within 80 columns when output is redirected; the line below says what they mean.
        var table = new Table().AddColumns("measure", "score", "interval");
        if (against is not null)
        {
            table.AddColumns("change", "interval", "better in");
        }

        foreach (var row in rows)
        {
            var cells = new List<string> { row.Measure, $"{row.Score.Estimate:0.000}", $"{row.Score.Low:0.000}..{row.Score.High:0.000}" };
            if (row.Difference is { } difference)
            {
                cells.AddRange([Signed(difference.Estimate), $"{Signed(difference.Low)}..{Signed(difference.High)}", $"{row.ShareBetter:P0}"]);
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine(against is null
            ? $"95 % intervals: bootstrap over the {days} labelled days, {resamples} resamples"
            : $"95 % intervals: paired bootstrap over the {days} labelled days, {resamples} resamples; change = this faq.json − {against}, better in: share of resamples where it is larger");
    }

    private static void WriteByGroup(IReadOnlyList<(string Group, EvaluationScore Score)> groups)
    {
        // Short headers keep the table within 80 columns when output is redirected; the line below says what they mean.
        var table = new Table().AddColumns("group", "days", "gold", "predicted", "question", "link", "FAQ", "NMI");
        foreach ((string group, EvaluationScore score) in groups)
        {
            table.AddRow(
                Markup.Escape(group.Length == 0 ? "(top level)" : group), $"{score.Files}", $"{score.GoldExchanges}", $"{score.PredExchanges}",
                $"{score.QuestionF1:0.000}", $"{score.LinkF1:0.000}", $"{score.FaqF1:0.000}", $"{score.TopicNmi:0.000}");
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine("per chat group (first folder of the labelled paths), each scored on its own: question, answer-link and FAQ F1, topic NMI");
    }

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteCalibration(CalibrationReport report)
    {
        var table = new Table().AddColumns("confidence", "exchanges", "mean confidence", "real and answered");
        foreach (var bin in report.Bins)
        {
            table.AddRow($"{bin.Lower:0.0}–{bin.Upper:0.0}", $"{bin.Count}", $"{bin.MeanConfidence:0.00}", $"{bin.Observed:0.00}");
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine(
            $"calibration over {report.Exchanges} exchanges with a confidence: expected calibration error {report.ExpectedCalibrationError:0.000}, Brier {report.Brier:0.000}, AUC {(report.Auc is double auc ? auc.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "–")}");
    }
}
