using System.ComponentModel;
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
        File.Exists(Faq) ? ValidationResult.Success() : ValidationResult.Error($"faq.json not found: {Faq}");
}
