using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Serve;

/// <summary>Settings of <c>kb serve</c>.</summary>
internal sealed class ServeSettings : CommandSettings
{
    [CommandOption("--db <file>")]
    [Description("The curation store (SQLite) written by kb build --db.")]
    public string Database { get; init; } = string.Empty;

    [CommandOption("--port <n>")]
    [Description("Port to listen on (0 picks a free one).")]
    [DefaultValue(5080)]
    public int Port { get; init; } = 5080;

    [CommandOption("--host <address>")]
    [Description("Address to bind; anything but loopback requires --token.")]
    [DefaultValue("127.0.0.1")]
    public string Host { get; init; } = "127.0.0.1";

    [CommandOption("--token <secret>")]
    [Description("Shared secret of at least 16 characters that every request must carry (header X-KB-Token, or ?token= on the first page load).")]
    public string? Token { get; init; }

    [CommandOption("--input <dir>")]
    [Description("The chat-log folder the build read, to show source lines behind path:line links.")]
    public string? Input { get; init; }

    [CommandOption("--models <dir>")]
    [Description("Folder with the dictionary and stop words (default: the models/ shipped beside kb).")]
    public string? Models { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Database))
        {
            return ValidationResult.Error("--db <file> is required");
        }

        if (InputPath.FileProblem(Database, $"no curation store at {Database}: run kb build --db first") is { } database)
        {
            return ValidationResult.Error(database);
        }

        return Input is not null && InputFolder.Problem(Input) is { } input ? ValidationResult.Error(input) : ValidationResult.Success();
    }
}
