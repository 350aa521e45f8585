using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Show;

/// <summary>Settings of <c>kb show</c>.</summary>
internal sealed class ShowSettings : CommandSettings
{
    [CommandArgument(0, "<entry-id>")]
    [Description("The entry's id, or a prefix of it that names one entry.")]
    public string EntryId { get; init; } = string.Empty;

    [CommandOption("--in <faq.json>")]
    [Description("The faq.json written by kb build.")]
    public string Faq { get; init; } = string.Empty;

    [CommandOption("--input <corpus-root>")]
    [Description("Folder of the chat logs (default: input.root recorded in faq.json).")]
    public string? Input { get; init; }

    [CommandOption("--context <n>")]
    [Description("Messages shown before and after each cited message (default 2).")]
    [DefaultValue(2)]
    public int Context { get; init; } = 2;

    public override ValidationResult Validate() =>
        Faq.Length == 0 ? ValidationResult.Error("give the faq.json with --in <faq.json>")
        : InputPath.FileProblem(Faq, $"faq.json not found: {Faq}") is { } faq ? ValidationResult.Error(faq)
        : Input is not null && InputFolder.Problem(Input) is { } input ? ValidationResult.Error(input)
        : Context < 0 ? ValidationResult.Error("--context must be 0 or more")
        : ValidationResult.Success();
}
