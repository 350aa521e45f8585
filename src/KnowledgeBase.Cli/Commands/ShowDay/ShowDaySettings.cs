using System.ComponentModel;
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
    [Description("Add the question detector's probability to each message and list the exchanges found, the way `kb build` would find them with only this day's evidence of who is who.")]
    public bool Scores { get; init; }

    [CommandOption("--models <dir>")]
    [Description("Folder with the dictionary, stop words and trained models for --scores (default: the models/ shipped beside kb).")]
    public string? Models { get; init; }

    public override ValidationResult Validate() =>
        System.IO.File.Exists(File) ? ValidationResult.Success() : ValidationResult.Error($"file not found: {File}");
}
