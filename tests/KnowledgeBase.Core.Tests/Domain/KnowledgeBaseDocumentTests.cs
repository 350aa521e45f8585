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
}
