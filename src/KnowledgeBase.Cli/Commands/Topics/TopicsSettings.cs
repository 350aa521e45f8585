using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Topics;

/// <summary>Settings of <c>kb topics</c>.</summary>
internal sealed class TopicsSettings : CommandSettings
{
    [CommandArgument(0, "<faq.json>")]
    [Description("The faq.json written by kb build.")]
    public string Faq { get; init; } = string.Empty;

    public override ValidationResult Validate() =>
        InputPath.FileProblem(Faq, $"faq.json not found: {Faq}") is { } faq ? ValidationResult.Error(faq) : ValidationResult.Success();
}
