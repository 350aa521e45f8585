using System.ComponentModel;
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
    [Description("Also print how well the exchanges' confidence is calibrated: per confidence bin, the share that are real, answered gold questions; the expected calibration error and the Brier score.")]
    public bool Calibration { get; init; }

    public override ValidationResult Validate() =>
        !File.Exists(Faq) ? ValidationResult.Error($"faq.json not found: {Faq}")
        : !Directory.Exists(Gold) ? ValidationResult.Error($"gold folder not found: '{Gold}' (use --gold <dir>)")
        : ValidationResult.Success();
}
