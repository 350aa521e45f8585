using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Stats;

/// <summary>Settings of <c>kb stats</c>.</summary>
internal sealed class StatsSettings : CommandSettings
{
    [CommandArgument(0, "<input-dir>")]
    [Description("Folder tree of chat-log files.")]
    public string Input { get; init; } = string.Empty;

    [CommandOption("--json")]
    [Description("Print one JSON object instead of a table.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        InputFolder.Problem(Input) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}
