using System.ComponentModel;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review note</c>.</summary>
internal sealed class ReviewNoteSettings : ReviewActorSettings
{
    [CommandArgument(0, "<entry-id>")]
    [Description("The entry.")]
    public string Id { get; init; } = string.Empty;

    [CommandArgument(1, "<text>")]
    [Description("The note.")]
    public string Text { get; init; } = string.Empty;
}
