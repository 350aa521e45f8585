using KnowledgeBase.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Topics;

/// <summary><c>kb topics &lt;faq.json&gt;</c>: the topics with their label, keywords, exchange and entry counts.</summary>
internal sealed class TopicsCommand : Command<TopicsSettings>
{
    public override int Execute(CommandContext context, TopicsSettings settings, CancellationToken cancellationToken)
    {
        if (!FaqJsonInput.TryRead(settings.Faq, out var document))
        {
            return ExitCodes.UsageOrNothingReadable;
        }

        var entries = document.Entries.GroupBy(e => e.TopicId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = Math.Max(1, document.Exchanges.Count);
        if (Console.IsOutputRedirected)
        {
            Console.Out.WriteLine("id\tlabel\tkeywords\texchanges\tentries");
            foreach (var topic in document.Topics)
            {
                Console.Out.WriteLine($"{Tsv.Field(topic.Id)}\t{Tsv.Field(topic.Label)}\t{Tsv.Field(string.Join(", ", topic.Keywords))}\t{topic.ExchangeCount}\t{entries.GetValueOrDefault(topic.Id)}");
            }

            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id")
            .AddColumn("label")
            .AddColumn("keywords")
            .AddColumn(new TableColumn("exchanges").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned())
            .AddColumn(new TableColumn("entries").RightAligned());
        foreach (var topic in document.Topics)
        {
            table.AddRow(
                Markup.Escape(topic.Id),
                Markup.Escape(topic.Label),
                Markup.Escape(string.Join(", ", topic.Keywords)),
                topic.ExchangeCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (topic.ExchangeCount / (double)total).ToString("P1", System.Globalization.CultureInfo.InvariantCulture),
                entries.GetValueOrDefault(topic.Id).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine($"{document.Topics.Count} topics, {document.Exchanges.Count} exchanges, {document.Entries.Count} entries");
        return ExitCodes.Ok;
    }
}
