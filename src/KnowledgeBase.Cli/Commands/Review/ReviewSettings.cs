using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Options every <c>kb review</c> verb takes.</summary>
internal class ReviewSettings : CommandSettings
{
    [CommandOption("--db <file>")]
    [Description("The curation store (SQLite) written by kb build --db.")]
    public string Database { get; init; } = string.Empty;

    [CommandOption("--models <dir>")]
    [Description("Folder with the dictionary and stop words (default: the models/ shipped beside kb).")]
    public string? Models { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Database))
        {
            return ValidationResult.Error("--db <file> is required");
        }

        return InputPath.FileProblem(Database, $"no curation store at {Database}: run kb build --db first") is { } database
            ? ValidationResult.Error(database)
            : ValidationResult.Success();
    }
}
