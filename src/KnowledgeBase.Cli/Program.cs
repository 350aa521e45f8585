using KnowledgeBase.Cli.Commands.Build;
using KnowledgeBase.Cli.Commands.Eval;
using KnowledgeBase.Cli.Commands.Export;
using KnowledgeBase.Cli.Commands.Review;
using KnowledgeBase.Cli.Commands.Serve;
using KnowledgeBase.Cli.Commands.Show;
using KnowledgeBase.Cli.Commands.ShowDay;
using KnowledgeBase.Cli.Commands.Stats;
using KnowledgeBase.Cli.Commands.Topics;
using KnowledgeBase.Cli.Commands.Train;
using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

// Redirected, Spectre.Console takes the output to be 80 columns wide and wraps tables to fit; a file or a pipe has no width.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 400;
}

// Ctrl-C ends kb as it always has (exit code 130; a build writes faq.json under a temporary name and moves it, and the
// build cache and the review store commit in transactions, so each is left as it was or whole), but a progress bar has
// hidden the cursor and would leave the terminal without one, and an ending without a word looks like a crash.
Console.CancelKeyPress += (_, _) =>
{
    Terminal.RestoreCursor();
    Console.Error.WriteLine();
    Console.Error.WriteLine("kb: interrupted (Ctrl-C)");
};

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("kb");

    // An unknown or misspelt option is an error, not silently ignored (`--answered_only` would export everything).
    config.UseStrictParsing();
    config.SetExceptionHandler((exception, _) =>
    {
        // A value of the wrong type ("--topics abc") fails in conversion; its inner exception says which value and type.
        var problem = exception is CommandRuntimeException { InnerException: { } inner } && inner is ArgumentException or FormatException
            ? "invalid option value: " + inner.Message.Split(" (Parameter", 2)[0]
            : exception.Message;
        Console.Error.WriteLine($"kb: {problem}");
        return ExitCodes.UsageOrNothingReadable;
    });
    config.AddCommand<BuildCommand>("build")
        .WithDescription("Read chat logs, find exchanges, cluster topics and write <out>/faq.json.")
        .WithExample("build", "data/sample", "--out", "out");
    config.AddCommand<StatsCommand>("stats")
        .WithDescription("Files, days, groups, messages by kind, speakers and problems of a chat-log folder.");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Score a faq.json against labelled days (question, answer-link and FAQ F1, topic NMI/ARI).")
        .WithExample("eval", "--gold", "../shared/gold-dev", "out/faq.json");
    config.AddCommand<ExportCommand>("export")
        .WithDescription("Write faq.json, Markdown pages or a static HTML site from a faq.json or the approved entries; personal data masked.")
        .WithExample("export", "--format", "html", "--in", "out/faq.json", "--out", "out/site");
    config.AddCommand<ShowDayCommand>("show-day")
        .WithDescription("Print a day's messages as labels name them: header line, time, speaker, text.");
    config.AddCommand<TopicsCommand>("topics")
        .WithDescription("The topics of a faq.json: id, label, keywords, exchanges and entries.")
        .WithExample("topics", "out/faq.json");
    config.AddCommand<ShowCommand>("show")
        .WithDescription("An entry with the source conversation around the messages it cites.")
        .WithExample("show", "q3f2a9c1b04", "--in", "out/faq.json");
    config.AddCommand<TrainCommand>("train")
        .WithDescription("Learn the question detector and reply linker from data/labels into models/.");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Serve the review page over a curation store (loopback by default).")
        .WithExample("serve", "--db", "out/kb.db");
    config.AddBranch("review", review =>
    {
        review.SetDescription("Curate entries from the command line: list, approve, reject, reset, edit, merge, split, note, history, import.");
        review.AddCommand<ReviewListCommand>("list").WithDescription("Entries with filters, highest confidence first.");
        review.AddCommand<ReviewApproveCommand>("approve").WithDescription("Approve entries: all of them, or none when an id is unknown.").WithExample("review", "approve", "q3f2a9c1b04", "--db", "out/kb.db");
        review.AddCommand<ReviewRejectCommand>("reject").WithDescription("Reject entries: all of them, or none when an id is unknown.");
        review.AddCommand<ReviewResetCommand>("reset").WithDescription("Put entries back to candidate: all of them, or none when an id is unknown.");
        review.AddCommand<ReviewEditCommand>("edit").WithDescription("Edit an entry's question, answer or topic.");
        review.AddCommand<ReviewMergeCommand>("merge").WithDescription("Merge one entry into another.");
        review.AddCommand<ReviewSplitCommand>("split").WithDescription("Move some exchanges of an entry to a new entry.");
        review.AddCommand<ReviewNoteCommand>("note").WithDescription("Add a note to an entry.");
        review.AddCommand<ReviewHistoryCommand>("history").WithDescription("The audit trail: who changed what, when.");
        review.AddCommand<ReviewImportCommand>("import").WithDescription("Bring a faq.json's approvals and rejections into the store (a new store takes its texts too); where the store decided otherwise, its decision stays.");
    });
});
// No verb (or `kb review` without its verb) is bad usage like any other: the help is printed, and the exit code says so.
var code = app.Run(args);
return args is [] or ["review"] ? ExitCodes.UsageOrNothingReadable : code;
