using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Eval;

/// <summary>Settings of <c>kb eval</c>.</summary>
internal sealed class EvalSettings : CommandSettings
{
    [CommandArgument(0, "<faq.json>")]
    [Description("The faq.json to score.")]
    public string Faq { get; init; } = string.Empty;

    [CommandOption("--gold <dir>")]
    [Description("Labelled days (<group>/<date>-chat.json), e.g. ../shared/gold-dev or data/labels.")]
    public string Gold { get; init; } = string.Empty;

    [CommandOption("--corpus <dir>")]
    [Description("Corpus of the labelled days, to fold messages repeated by merged exports (default: input.root of faq.json).")]
    public string? Corpus { get; init; }

    [CommandOption("--json")]
    [Description("Print the scores as one JSON object (the reference scorer's keys).")]
    public bool Json { get; init; }

    [CommandOption("--calibration")]
    [Description("Also print how well the exchanges' confidence is calibrated: per confidence bin, the share that are real, answered gold questions; the expected calibration error, the Brier score and the AUC (how well confidence ranks right exchanges above wrong ones).")]
    public bool Calibration { get; init; }

    [CommandOption("--by-group")]
    [Description("Also print the scores of each chat group's labelled days (the first folder of their paths), each group scored on its own.")]
    public bool ByGroup { get; init; }

    [CommandOption("--bootstrap <n>")]
    [Description("Also print 95 % intervals of the question, answer-link and FAQ F1, from n resamples of the labelled days (seeded, so reproducible; 2000 is plenty).")]
    public int? Bootstrap { get; init; }

    [CommandOption("--against <faq.json>")]
    [Description("With --bootstrap: another faq.json of the same days; prints the difference of each score from it, with its interval and the share of resamples on which this one is better.")]
    public string? Against { get; init; }

    public override ValidationResult Validate() =>
        InputPath.FileProblem(Faq, $"faq.json not found: {Faq}") is { } faq ? ValidationResult.Error(faq)
        : InputPath.FolderProblem(Gold, $"gold folder not found: '{Gold}' (use --gold <dir>)") is { } gold ? ValidationResult.Error(gold)
        : Bootstrap is < 1 ? ValidationResult.Error("--bootstrap needs a number of resamples of at least 1")
        : Against is not null && Bootstrap is null ? ValidationResult.Error("--against compares bootstraps: give --bootstrap <n> too")
        : Against is not null && InputPath.FileProblem(Against, $"faq.json not found: {Against}") is { } against ? ValidationResult.Error(against)
        : Json && Bootstrap is not null ? ValidationResult.Error("--json prints the reference scorer's line only; --bootstrap is for the table")
        : Json && ByGroup ? ValidationResult.Error("--json prints the reference scorer's line only; --by-group is for the table")
        : Json && Calibration ? ValidationResult.Error("--json prints the reference scorer's line only; --calibration is for the table")
        : ValidationResult.Success();
}
