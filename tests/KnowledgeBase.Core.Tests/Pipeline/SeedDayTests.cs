using KnowledgeBase.Core.Pipeline;
using KnowledgeBase.Core.Tests.Exchanges;
using Xunit.Abstractions;

namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>
/// The day this product was designed from, built as part of the whole corpus (topics only mean something there): its
/// account-model, licensing and refund-float threads must come out as three entries, in three topics, each answered.
/// </summary>
public sealed class SeedDayTests(ITestOutputHelper output)
{
    private const string SeedDay = "proddev/2018-03-05-chat.markdown";

    // The header lines of the three threads' questions: account model, licensing, refund float.
    private static readonly int[] ThreadLines = [49, 97, 353];

    [CorpusFact]
    public void The_account_licensing_and_refund_threads_are_three_answered_entries_in_three_topics()
    {
        var document = new KnowledgeBasePipeline()
            .Run(new KnowledgeBasePipelineOptions(CorpusFolder.Path!) { GeneratedAt = DateTimeOffset.UnixEpoch })
            .Document;
        var topics = document.Topics.ToDictionary(t => t.Id, t => t.Label, StringComparer.Ordinal);

        var threads = ThreadLines.Select(line =>
        {
            var exchange = Assert.Single(document.Exchanges, e => e.Path == SeedDay && e.Questions.Any(q => q.Source.Line == line));
            var entry = Assert.Single(document.Entries, e => e.ExchangeIds.Contains(exchange.Id));
            output.WriteLine($"line {line}: {entry.Id} in {entry.TopicId} ({topics[entry.TopicId]}), answers at {string.Join(' ', exchange.Answers.Select(a => a.Source.Line))}");
            Assert.NotEmpty(exchange.Answers);
            return entry;
        }).ToList();

        Assert.Equal(3, threads.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, threads.Select(e => e.TopicId).Distinct(StringComparer.Ordinal).Count());
    }
}
