using System.ComponentModel;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Settings of <c>kb review edit</c>.</summary>
internal sealed class ReviewEditSettings : ReviewActorSettings
{
    [CommandArgument(0, "<entry-id>")]
    [Description("The entry to edit.")]
    public string Id { get; init; } = string.Empty;

    [CommandOption("--question <text>")]
    [Description("The new question.")]
    public string? Question { get; init; }

    [CommandOption("--answer <text>")]
    [Description("The new answer.")]
    public string? Answer { get; init; }

    [CommandOption("--answer-file <file>")]
    [Description("Read the new answer from a UTF-8 file.")]
    public string? AnswerFile { get; init; }

    [CommandOption("--topic <id>")]
    [Description("Move the entry to this topic.")]
    public string? Topic { get; init; }

    [CommandOption("--version <n>")]
    [Description("The entry version you edited; the save fails if the entry changed since.")]
    public int? Version { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Answer is not null && AnswerFile is not null)
        {
            return ValidationResult.Error("give --answer or --answer-file, not both");
        }

        if (AnswerFile is not null && InputPath.FileProblem(AnswerFile, $"answer file not found: {AnswerFile}") is { } answer)
        {
            return ValidationResult.Error(answer);
        }

        return Question is null && Answer is null && AnswerFile is null && Topic is null
            ? ValidationResult.Error("nothing to edit: give --question, --answer, --answer-file or --topic")
            : ValidationResult.Success();
    }
}
