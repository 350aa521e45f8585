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
        return ReviewStore.Run(() => Print(store.Audit(settings.Id is null ? null : store.ResolveId(settings.Id), settings.Limit)));
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
