using System.ComponentModel;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review merge</c>.</summary>
internal sealed class ReviewMergeSettings : ReviewActorSettings
{
    [CommandArgument(0, "<source-id>")]
    [Description("The entry merged away.")]
    public string Source { get; init; } = string.Empty;

    [CommandArgument(1, "<target-id>")]
    [Description("The entry that takes over its exchanges and stays.")]
    public string Target { get; init; } = string.Empty;
}
