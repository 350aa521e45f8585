using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Tests.Export;

namespace KnowledgeBase.Core.Tests.Domain;

public sealed class KnowledgeBaseDocumentTests
{
    [Fact]
    public void Answered_only_keeps_the_answered_entries_with_their_exchanges_and_topics()
    {
        var document = SampleDocuments.Payments();
        document = document with { Entries = [document.Entries[0] with { Answer = "  " }, .. document.Entries.Skip(1)] };

        var answered = document.AnsweredOnly();

        Assert.Equal(["e-7d793037"], answered.Entries.Select(e => e.Id));
        Assert.Equal(["x-4e5f6a7b", "x-8c9d0e1f"], answered.Exchanges.Select(e => e.Id));
        var topic = Assert.Single(answered.Topics);
        Assert.Equal(("t-payout", 2), (topic.Id, topic.ExchangeCount));
        Assert.Equal((document.SchemaVersion, document.GeneratedAt, document.Input), (answered.SchemaVersion, answered.GeneratedAt, answered.Input));
    }

    [Fact]
    public void Answered_only_changes_nothing_when_every_entry_has_an_answer()
    {
        var document = SampleDocuments.Payments();

        var answered = document.AnsweredOnly();

        Assert.Equal(document.Entries, answered.Entries);
        Assert.Equal(document.Exchanges, answered.Exchanges);
        Assert.Equal(document.Topics, answered.Topics);
    }

    [Fact]
    public void Without_rejected_leaves_out_rejected_entries_with_the_exchanges_and_topics_only_they_use()
    {
        var document = SampleDocuments.Payments();
        document = document with { Entries = [document.Entries[0] with { Status = "rejected" }, .. document.Entries.Skip(1)] };

        var published = document.WithoutRejected();

        Assert.Equal(["e-7d793037"], published.Entries.Select(e => e.Id));
        Assert.Equal(["x-4e5f6a7b", "x-8c9d0e1f"], published.Exchanges.Select(e => e.Id));
        var topic = Assert.Single(published.Topics);
        Assert.Equal(("t-payout", 2), (topic.Id, topic.ExchangeCount));
        Assert.Equal((document.SchemaVersion, document.GeneratedAt, document.Input), (published.SchemaVersion, published.GeneratedAt, published.Input));
    }

    [Fact]
    public void Without_rejected_keeps_an_exchange_a_kept_entry_shares_with_a_rejected_one()
    {
        var document = SampleDocuments.Payments();
        var licence = document.Entries[0];
        var copy = licence with { Id = "e-rejected", Status = "rejected" };
        document = document with { Entries = [licence with { Status = "approved" }, copy, .. document.Entries.Skip(1)] };

        var published = document.WithoutRejected();

        Assert.Equal(["e-5d41402a", "e-7d793037"], published.Entries.Select(e => e.Id));
        Assert.Equal(document.Exchanges, published.Exchanges);
        Assert.Equal(document.Topics, published.Topics);
    }

    [Fact]
    public void Leaving_entries_out_keeps_the_topics_their_exchanges_name_and_counts_what_is_left()
    {
        // An analyst moved the licence entry to the payout topic: its exchange stays clustered in t-licence. The second
        // payout exchange becomes an entry of its own, rejected (or unanswered).
        var document = SampleDocuments.Payments();
        var (licence, payout) = (document.Entries[0], document.Entries[1]);
        var again = payout with { Id = "e-again", ExchangeIds = ["x-8c9d0e1f"], Status = "rejected", Answer = string.Empty };
        document = document with { Entries = [licence with { TopicId = "t-payout" }, payout with { ExchangeIds = ["x-4e5f6a7b"] }, again] };
        Assert.Empty(FaqSchemaValidator.DocumentErrors(FaqSchemaTests.Write(document)));

        foreach (var kept in new[] { document.WithoutRejected(), document.AnsweredOnly() })
        {
            Assert.Equal([("t-licence", 1), ("t-payout", 1)], kept.Topics.Select(t => (t.Id, t.ExchangeCount)));
            Assert.Empty(FaqSchemaValidator.DocumentErrors(FaqSchemaTests.Write(kept)));
        }
    }

    [Fact]
    public void Topics_counted_lists_a_topic_only_an_entry_names_with_no_exchanges_and_drops_unnamed_ones()
    {
        var document = SampleDocuments.Payments();
        var moved = new Topic("t-gone", "旧主题", ["旧"], 7);
        document = document with
        {
            Exchanges = [document.Exchanges[1], document.Exchanges[2]],
            Entries = [document.Entries[1] with { TopicId = "t-gone" }],
        };

        var counted = document.WithTopicsCounted([moved]);

        Assert.Equal([("t-payout", 2), ("t-gone", 0)], counted.Topics.Select(t => (t.Id, t.ExchangeCount)));
        Assert.Equal("旧主题", counted.Topics[1].Label);
        Assert.Equal(["旧"], counted.Topics[1].Keywords);
        Assert.Empty(FaqSchemaValidator.DocumentErrors(FaqSchemaTests.Write(counted)));
    }
}
