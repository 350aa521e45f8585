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

    public override ValidationResult Validate() =>
        System.IO.File.Exists(File) ? ValidationResult.Success() : ValidationResult.Error($"file not found: {File}");
}
