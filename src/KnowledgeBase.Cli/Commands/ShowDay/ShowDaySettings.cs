using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.ShowDay;

/// <summary>Settings of <c>kb show-day</c>.</summary>
internal sealed class ShowDaySettings : CommandSettings
{
    [CommandArgument(0, "<file>")]
    [Description("A chat-log file, e.g. ../shared/corpus/proddev/2018-03-05-chat.markdown.")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--scores")]
    [Description("Add the question detector's probability to each message and list the exchanges found, the way `kb build` finds them (with --corpus, as a build of that corpus; without, with only this day's evidence of who is who and how much each speaker says).")]
    public bool Scores { get; init; }

    [CommandOption("--corpus <dir>")]
    [Description("For --scores: gather who is who and the speakers' profiles from this corpus, as `kb build` of it does, e.g. ../shared/corpus.")]
    public string? Corpus { get; init; }

    [CommandOption("--models <dir>")]
    [Description("Folder with the dictionary, stop words and trained models for --scores (default: the models/ shipped beside kb).")]
    public string? Models { get; init; }

    public override ValidationResult Validate() =>
        InputPath.FileProblem(File, $"file not found: {File}") is { } file ? ValidationResult.Error(file)
        : Corpus is not null && InputPath.FolderProblem(Corpus, $"corpus folder not found: {Corpus}") is { } corpus ? ValidationResult.Error(corpus)
        // Without --scores nothing reads them: taken silently, they would look as if they had changed what is shown.
        : Corpus is not null && !Scores ? ValidationResult.Error("--corpus goes with --scores")
        : Models is not null && !Scores ? ValidationResult.Error("--models goes with --scores")
        : ValidationResult.Success();
}
