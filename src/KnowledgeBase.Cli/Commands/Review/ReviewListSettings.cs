using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review list</c>.</summary>
internal sealed class ReviewListSettings : ReviewSettings
{
    [CommandOption("--status <status>")]
    [Description("candidate, approved or rejected.")]
    public string? Status { get; init; }

    [CommandOption("--topic <id>")]
    [Description("Only this topic.")]
    public string? Topic { get; init; }

    [CommandOption("--group <name>")]
    [Description("Only entries citing this chat group.")]
    public string? Group { get; init; }

    [CommandOption("--from <yyyy-mm-dd>")]
    [Description("Only entries citing a message on or after this day.")]
    public string? From { get; init; }

    [CommandOption("--to <yyyy-mm-dd>")]
    [Description("Only entries citing a message on or before this day.")]
    public string? To { get; init; }

    [CommandOption("--expert <name>")]
    [Description("Only entries this expert answered.")]
    public string? Expert { get; init; }

    [CommandOption("--search <text>")]
    [Description("Free text in question or answer.")]
    public string? Search { get; init; }

    [CommandOption("--changed")]
    [Description("Only approved entries flagged changed since review: their cited messages changed (other messages, or the same ones saying something else), or the latest build no longer produced them (listed with or without --missing).")]
    public bool Changed { get; init; }

    [CommandOption("--missing")]
    [Description("Also entries the latest build no longer produced.")]
    public bool Missing { get; init; }

    [CommandOption("--limit <n>")]
    [Description("At most this many entries.")]
    [DefaultValue(500)]
    public int Limit { get; init; } = 500;

    [CommandOption("--json")]
    [Description("One JSON array instead of a table.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Status is not null && Status is not ("candidate" or "approved" or "rejected"))
        {
            return ValidationResult.Error($"unknown --status {Status}: use candidate, approved or rejected");
        }

        if (Limit < 1)
        {
            return ValidationResult.Error("--limit must be at least 1");
        }

        foreach (var day in new[] { From, To })
        {
            if (day is not null && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error($"not a day (yyyy-mm-dd): {day}");
            }
        }

        return ValidationResult.Success();
    }

    public static DateOnly? Day(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
