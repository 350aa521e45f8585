using System.ComponentModel;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review approve|reject|reset</c>: one or more entry ids.</summary>
internal sealed class ReviewActionSettings : ReviewActorSettings
{
    [CommandArgument(0, "<entry-id>")]
    [Description("The entries to act on.")]
    public string[] Ids { get; init; } = [];

    [CommandOption("--version <n>")]
    [Description("The entry version you reviewed; the action fails if the entry changed since (one id only).")]
    public int? Version { get; init; }
}
