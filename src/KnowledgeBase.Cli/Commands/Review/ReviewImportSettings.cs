using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review import</c>.</summary>
internal sealed class ReviewImportSettings : ReviewSettings
{
    [CommandArgument(0, "<faq.json>")]
    [Description("A faq.json whose decisions to bring in (kb export --format json, or kb build); a new store takes its texts too.")]
    public string FaqJson { get; init; } = string.Empty;

    [CommandOption("--out <file>")]
    [Description("Also write the curated faq.json (current statuses and edits applied) to this file.")]
    public string? Out { get; init; }

    [CommandOption("--no-mask")]
    [Description("With --out: keep personal data in that faq.json: card, ID, mobile and landline numbers, QQ numbers, WeChat ids and e-mail addresses, also those analysts typed into edits (masked by default, as kb build does).")]
    public bool NoMask { get; init; }

    // The store may not exist yet: import creates it.
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Database))
        {
            return ValidationResult.Error("--db <file> is required");
        }

        if (InputPath.FileProblem(FaqJson, $"faq.json not found: {FaqJson}") is { } faq)
        {
            return ValidationResult.Error(faq);
        }

        if (OutputPath.FileProblem("--db", Database) is { } db)
        {
            return ValidationResult.Error(db);
        }

        // The decisions are committed before --out is written: a path that cannot be written must stop the import first.
        if (Out is null)
        {
            // Without --out nothing is masked (the store keeps edits as typed), so --no-mask alone would change nothing.
            return NoMask ? ValidationResult.Error("--no-mask goes with --out (only the faq.json --out writes is masked)") : ValidationResult.Success();
        }

        if (string.Equals(Path.GetFullPath(Out), Path.GetFullPath(Database), StringComparison.Ordinal))
        {
            return ValidationResult.Error("--out and --db name the same file: the curated faq.json would overwrite the review store");
        }

        return OutputPath.FileProblem("--out", Out) is { } output ? ValidationResult.Error(output) : ValidationResult.Success();
    }
}
