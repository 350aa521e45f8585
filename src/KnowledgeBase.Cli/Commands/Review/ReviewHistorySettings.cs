using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review history</c>.</summary>
internal sealed class ReviewHistorySettings : ReviewSettings
{
    [CommandArgument(0, "[entry-id]")]
    [Description("Only this entry's history (default: every entry's).")]
    public string? Id { get; init; }

    [CommandOption("--limit <n>")]
    [Description("At most this many rows, newest first.")]
    [DefaultValue(100)]
    public int Limit { get; init; } = 100;

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return Limit < 1 ? ValidationResult.Error("--limit must be at least 1") : ValidationResult.Success();
    }
}
