using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Curation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review list --db &lt;file&gt;</c>: entries with filters, highest confidence first.</summary>
internal sealed class ReviewListCommand : Command<ReviewListSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public override int Execute(CommandContext context, ReviewListSettings settings, CancellationToken cancellationToken)
    {
        using var store = ReviewStore.Open(settings);
        var query = new EntryQuery(
            TopicId: settings.Topic,
            Status: settings.Status,
            Group: settings.Group,
            From: ReviewListSettings.Day(settings.From),
            To: ReviewListSettings.Day(settings.To),
            Expert: settings.Expert,
            Text: settings.Search,
            ChangedSinceReview: settings.Changed ? true : null,
            IncludeMissing: settings.Missing,
            Limit: settings.Limit);
        var entries = store.List(query);
        // A list cut at --limit must say so, or 500 rows pass for all there are.
        var matching = entries.Count < settings.Limit ? entries.Count : store.Count(query);
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(
                entries.Select(e => new
                {
                    e.Id,
                    e.Entry.Status,
                    e.Entry.TopicId,
                    e.Entry.Confidence,
                    e.Version,
                    e.ChangedSinceReview,
                    e.InLatestBuild,
                    e.Edited,
                    e.Entry.Question,
                    e.Entry.Answer,
                }),
                JsonOptions));
            ReportCut(entries.Count, matching);
            return ExitCodes.Ok;
        }

        if (!Terminal.Interactive)
        {
            foreach (var e in entries)
            {
                Console.Out.WriteLine(string.Join('\t', e.Id, e.Entry.Status, e.Entry.TopicId, e.Entry.Confidence.ToString("0.00", CultureInfo.InvariantCulture), e.Version, Flags(e), Tsv.Field(e.Entry.Question)));
            }

            ReportCut(entries.Count, matching);
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("id", "status", "topic", "conf", "v", "flags", "question");
        foreach (var e in entries)
        {
            table.AddRow(
                Markup.Escape(e.Id),
                Markup.Escape(e.Entry.Status),
                Markup.Escape(e.Entry.TopicId),
                e.Entry.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                e.Version.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Flags(e)),
                Markup.Escape(e.Entry.Question.ReplaceLineEndings(" ")));
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine(entries.Count < matching ? $"{entries.Count} of {matching} entries shown (--limit <n> shows more)" : $"{entries.Count} entries");
        return ExitCodes.Ok;
    }

    // Redirected output stays rows only: the note goes to stderr.
    private static void ReportCut(int shown, int matching)
    {
        if (shown < matching)
        {
            Console.Error.WriteLine($"kb review list: {shown} of {matching} entries shown (--limit <n> shows more)");
        }
    }

    private static string Flags(CuratedEntry entry) => string.Join(
        ',',
        new[] { entry.ChangedSinceReview ? "changed-since-review" : null, entry.InLatestBuild ? null : "missing", entry.Edited ? "edited" : null }.OfType<string>());

}
