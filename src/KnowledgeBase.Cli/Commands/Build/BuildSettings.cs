using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Build;

/// <summary>Settings of <c>kb build</c>.</summary>
internal sealed class BuildSettings : CommandSettings
{
    [CommandArgument(0, "<input-dir>")]
    [Description("Folder tree of chat-log files (*.markdown, *.md).")]
    public string Input { get; init; } = string.Empty;

    [CommandOption("-o|--out <dir>")]
    [Description("Output folder for faq.json. Inside the input folder, it is not searched for chat logs (stderr says so).")]
    [DefaultValue("out")]
    public string Out { get; init; } = "out";

    [CommandOption("--topics <n>")]
    [Description("Number of k-means clusters to start from (default: chosen from the data). A cluster holding more than a quarter of the exchanges is then split in two, so the build can end with more topics (it says so); never more than the exchanges.")]
    public int? Topics { get; init; }

    [CommandOption("--fresh-topics")]
    [Description("Choose topics afresh instead of continuing the previous build's topics of this output, where exchanges keep their topics and new ones join the nearest (topic ids are kept either way).")]
    public bool FreshTopics { get; init; }

    [CommandOption("--db <file>")]
    [Description("Curation store the build's entries are merged into, keeping every review decision (default: <out>/kb.db).")]
    public string? Db { get; init; }

    [CommandOption("--cache <file>")]
    [Description("Build cache: files unchanged since the last build are not read and analysed again; the output is the same (default: <out>/build-cache.db).")]
    public string? Cache { get; init; }

    [CommandOption("--no-cache")]
    [Description("Read and analyse every file afresh, and leave the build cache alone.")]
    public bool NoCache { get; init; }

    [CommandOption("--no-mask")]
    [Description("Keep personal data in faq.json: card, ID, mobile and landline numbers, QQ numbers, WeChat ids and e-mail addresses (masked by default).")]
    public bool NoMask { get; init; }

    [CommandOption("--models <dir>")]
    [Description("Folder with the dictionary, stop words and trained models (default: the models/ shipped beside kb).")]
    public string? Models { get; init; }

    public override ValidationResult Validate()
    {
        if (InputFolder.Problem(Input) is { } input)
        {
            return ValidationResult.Error(input);
        }

        if (NoCache && Cache is not null)
        {
            return ValidationResult.Error("--cache and --no-cache cannot be used together");
        }

        // Checked now, not when the output is written after the long work.
        var paths = OutputPath.FolderProblem("--out", Out)
            ?? OutputPath.FileProblem("--out", Path.Combine(Out, "faq.json"))
            ?? OutputPath.FileProblem("--db", Db ?? Path.Combine(Out, "kb.db"))
            ?? (NoCache ? null : OutputPath.FileProblem("--cache", Cache ?? Path.Combine(Out, "build-cache.db")));
        if (paths is not null)
        {
            return ValidationResult.Error(paths);
        }

        // The cache is set aside and replaced when it cannot be used: it must never be the review store.
        if (!NoCache && string.Equals(Path.GetFullPath(Cache ?? Path.Combine(Out, "build-cache.db")), Path.GetFullPath(Db ?? Path.Combine(Out, "kb.db")), StringComparison.Ordinal))
        {
            return ValidationResult.Error("--cache and --db name the same file: the build cache and the review store must be two files");
        }

        return Topics is < 1 ? ValidationResult.Error("--topics must be at least 1") : ValidationResult.Success();
    }
}
