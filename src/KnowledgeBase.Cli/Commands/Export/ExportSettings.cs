using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Export;

/// <summary>Settings of <c>kb export</c>.</summary>
internal sealed class ExportSettings : CommandSettings
{
    [CommandOption("-f|--format <format>")]
    [Description("markdown (wiki pages), json (faq.json) or html (static site).")]
    [DefaultValue("json")]
    public string Format { get; init; } = "json";

    [CommandOption("-i|--in <faq.json>")]
    [Description("The faq.json to export (from kb build).")]
    public string? Input { get; init; }

    [CommandOption("--db <file>")]
    [Description("With --status approved: export the review store's approved entries instead of a faq.json. With --in: the review store whose statuses and edits replace the faq.json's (default: the kb.db beside the faq.json, when there is one).")]
    public string? Database { get; init; }

    [CommandOption("--status <status>")]
    [Description("With --db: which entries to export; only 'approved' is supported.")]
    public string? Status { get; init; }

    [CommandOption("--answered-only")]
    [Description("Leave out entries nobody in the chat answered (by default they are exported, marked as having no answer yet).")]
    public bool AnsweredOnly { get; init; }

    [CommandOption("--include-rejected")]
    [Description("With --in: also export the entries an analyst rejected, marked as rejected (by default they are left out).")]
    public bool IncludeRejected { get; init; }

    [CommandOption("-o|--out <dir>")]
    [Description("Output folder (created when missing).")]
    public string Out { get; init; } = string.Empty;

    [CommandOption("--source-url <template>")]
    [Description("Link template for sources with {path}, {line}, {group}, {date} (the file name's yyyy-MM-dd, else its front matter's date), e.g. 'https://git.example.com/chat/blob/main/{path}#L{line}'. Default: relative path#Lline links.")]
    public string? SourceUrl { get; init; }

    [CommandOption("--no-mask")]
    [Description("Keep personal data: card, ID, mobile and landline numbers, QQ numbers, WeChat ids and e-mail addresses (masked by default).")]
    public bool NoMask { get; init; }

    [CommandOption("--anonymize-speakers")]
    [Description("Replace every nick, @mention and expert with a stable pseudonym such as 成员-7F3A09C2 (the same one in every export given the same --pseudonym-key).")]
    public bool AnonymizeSpeakers { get; init; }

    [CommandOption("--pseudonym-key <secret>")]
    [Description("Key of the pseudonym hash, to get the same pseudonyms in every export (default: a random key per run).")]
    public string? PseudonymKey { get; init; }

    [CommandOption("--models <dir>")]
    [Description("With --db: folder with the segmenter dictionary used by the review store's search (default: the models/ beside kb).")]
    public string? Models { get; init; }

    /// <summary>With <see cref="Input"/>: the review store to take statuses and edits from (<see cref="Database"/>, else a kb.db beside the faq.json), or null.</summary>
    public string? StoreOfInput => Input is null ? null
        : Database ?? (Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Input))!, "kb.db") is var beside && File.Exists(beside) ? beside : null);

    /// <summary>The parsed <see cref="Format"/>.</summary>
    public ExportFormat ParsedFormat => Enum.Parse<ExportFormat>(Format, ignoreCase: true);

    public override ValidationResult Validate()
    {
        if (!Enum.TryParse<ExportFormat>(Format, ignoreCase: true, out _) || int.TryParse(Format, out _))
        {
            return ValidationResult.Error($"unknown --format {Format}: use markdown, json or html");
        }

        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("--out <dir> is required");
        }

        // Checked before the faq.json and the store are read, not when the first page is written.
        if (OutputPath.FolderProblem("--out", Out) is { } output)
        {
            return ValidationResult.Error(output);
        }

        if (Input is null && Database is null)
        {
            return ValidationResult.Error("give either --in <faq.json> or --db <file> --status approved");
        }

        if (Input is not null && InputPath.FileProblem(Input, $"faq.json not found: {Input}") is { } input)
        {
            return ValidationResult.Error(input);
        }

        if (Database is not null && InputPath.FileProblem(Database, $"review store not found: {Database}") is { } database)
        {
            return ValidationResult.Error(database);
        }

        if (Input is null && Status is null)
        {
            return ValidationResult.Error("--db without --in needs --status approved");
        }

        if (Input is null && !string.Equals(Status, "approved", StringComparison.Ordinal))
        {
            return ValidationResult.Error($"--status {Status}: the store alone exports only approved entries (--in <faq.json> exports candidates too)");
        }

        if (Input is not null && Status is not null)
        {
            return ValidationResult.Error("--status applies to an export of the store alone (--db without --in)");
        }

        if (Input is null && IncludeRejected)
        {
            return ValidationResult.Error("--include-rejected applies to --in only: --db exports approved entries");
        }

        if (PseudonymKey is not null && !AnonymizeSpeakers)
        {
            return ValidationResult.Error("--pseudonym-key needs --anonymize-speakers");
        }

        var template = SourceLinkBuilder.Problem(SourceUrl);
        if (template is not null)
        {
            return ValidationResult.Error(template);
        }

        return ValidationResult.Success();
    }
}
