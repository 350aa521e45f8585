using System.Globalization;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Curation;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary><c>kb review history [entry-id] --db &lt;file&gt;</c>: the audit trail, newest first, one tab-separated row each.</summary>
internal sealed class ReviewHistoryCommand : Command<ReviewHistorySettings>
{
    public override int Execute(CommandContext context, ReviewHistorySettings settings, CancellationToken cancellationToken)
    {
        using var store = ReviewStore.Open(settings);
        return ReviewStore.Run(() =>
        {
            // One row more than asked tells whether the trail goes on, so a cut list is never taken for the whole trail.
            var rows = store.Audit(settings.Id is null ? null : store.ResolveId(settings.Id), settings.Limit == int.MaxValue ? settings.Limit : settings.Limit + 1);
            Print(rows.Take(settings.Limit));
            if (rows.Count > settings.Limit)
            {
                Console.Error.WriteLine($"kb review history: the newest {settings.Limit} rows shown; there are older ones (--limit <n> shows more)");
            }
        });
    }

    private static void Print(IEnumerable<AuditRecord> rows)
    {
        foreach (var row in rows)
        {
            Console.Out.WriteLine(string.Join(
                '\t',
                row.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                row.EntryId,
                Tsv.Field(row.Actor),
                row.Action,
                Tsv.Field(row.Field),
                Tsv.Field(row.OldValue),
                Tsv.Field(row.NewValue),
                "v" + row.Version.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
