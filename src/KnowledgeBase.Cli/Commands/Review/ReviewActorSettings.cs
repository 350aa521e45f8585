using System.ComponentModel;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Options of the <c>kb review</c> verbs that change entries: who acts, as well as the store.</summary>
internal class ReviewActorSettings : ReviewSettings
{
    [CommandOption("--as <name>")]
    [Description("Who acts, for the audit trail (default: the login name).")]
    public string Actor { get; init; } = Environment.UserName;
}
