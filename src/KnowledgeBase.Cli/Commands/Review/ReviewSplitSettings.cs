using System.ComponentModel;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review split</c>.</summary>
internal sealed class ReviewSplitSettings : ReviewActorSettings
{
    [CommandArgument(0, "<entry-id>")]
    [Description("The entry to split.")]
    public string Id { get; init; } = string.Empty;

    [CommandArgument(1, "<exchange-id>")]
    [Description("Exchanges of the entry that become a new entry (at least one must stay).")]
    public string[] ExchangeIds { get; init; } = [];
}
