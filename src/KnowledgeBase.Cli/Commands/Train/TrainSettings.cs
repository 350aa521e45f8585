using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Train;

/// <summary>Settings of <c>kb train</c>.</summary>
internal sealed class TrainSettings : CommandSettings
{
    [CommandOption("--labels <dir>")]
    [Description("Labelled days with splits.json (the train part is learned from, the held-out part is only scored).")]
    [DefaultValue("data/labels")]
    public string Labels { get; init; } = "data/labels";

    [CommandOption("--corpus <dir>")]
    [Description("The chat-log corpus the labels refer to (also the evidence for who is who).")]
    [DefaultValue("../shared/corpus")]
    public string Corpus { get; init; } = "../shared/corpus";

    [CommandOption("--models <dir>")]
    [Description("Where the trained models are written (the project's models/ folder).")]
    [DefaultValue("models")]
    public string Models { get; init; } = "models";

    [CommandOption("--learning-curve")]
    [Description("Also train on 25%, 50% and 100% of the training days and score each on the held-out days.")]
    public bool LearningCurve { get; init; }

    [CommandOption("--cross-validate <k>")]
    [Description("Only measure: k-fold cross-validation by day over the training days, scores pooled; writes no models.")]
    public int? CrossValidate { get; init; }

    [CommandOption("--predictions <file>")]
    [Description("With --cross-validate: also write the out-of-fold exchanges as a faq.json-like file that kb eval and score.py read.")]
    public string? Predictions { get; init; }

    [CommandOption("--detector-only")]
    [Description("With --cross-validate: only the question detector, in minutes: how well it ranks the messages that open a labelled question (average precision, best F1, log loss).")]
    public bool DetectorOnly { get; init; }

    [CommandOption("--seed <n>")]
    [Description("Seed of the training run.")]
    [DefaultValue(7)]
    public int Seed { get; init; } = 7;

    public override ValidationResult Validate() =>
        InputPath.FolderProblem(Labels, $"labels folder not found: {Labels}") is { } labels ? ValidationResult.Error(labels)
        : InputPath.FolderProblem(Corpus, $"corpus folder not found: {Corpus}") is { } corpus ? ValidationResult.Error(corpus)
        : CrossValidate is < 2 ? ValidationResult.Error("--cross-validate needs at least 2 folds")
        : Predictions is not null && CrossValidate is null ? ValidationResult.Error("--predictions goes with --cross-validate")
        : DetectorOnly && CrossValidate is null ? ValidationResult.Error("--detector-only goes with --cross-validate")
        : DetectorOnly && Predictions is not null ? ValidationResult.Error("--detector-only writes no predictions")
        : ValidationResult.Success();
}
