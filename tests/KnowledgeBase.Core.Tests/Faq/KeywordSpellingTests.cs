using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Tests.Export;

namespace KnowledgeBase.Core.Tests.Faq;

public sealed class KeywordSpellingTests
{
    private const string Day = "proddev/2018-03-05-chat.markdown";

    [Fact]
    public void Every_entry_and_topic_spells_a_keyword_as_the_whole_build_does_most_often()
    {
        // One exchange writes p2p, two write P2P: all three entries and the topic say P2P.
        Exchange[] exchanges =
        [
            Exchange("x-1", 10, "p2p 存管怎么做？", "找存管银行"),
            Exchange("x-2", 20, "P2P 还能做吗", "P2P 现在很难"),
            Exchange("x-3", 30, "P2P 备案要多久", "一年多"),
        ];
        Topic[] topics = [new("t01", "p2p · 存管 · 备案", ["p2p", "存管", "备案"], 3)];
        FaqEntry[] entries = [Entry("e-1", "x-1", "p2p", "存管"), Entry("e-2", "x-2", "p2p"), Entry("e-3", "x-3", "P2P", "备案")];

        var (spelledTopics, spelledEntries) = KeywordSpelling.Unify(topics, exchanges, entries);

        Assert.Equal(["P2P", "存管"], spelledEntries[0].Keywords);
        Assert.Equal(["P2P"], spelledEntries[1].Keywords);
        Assert.Equal(["P2P", "备案"], spelledEntries[2].Keywords);
        Assert.Equal(["P2P", "存管", "备案"], spelledTopics[0].Keywords);
        Assert.Equal("P2P · 存管 · 备案", spelledTopics[0].Label);
        Assert.Equal(entries[0] with { Keywords = spelledEntries[0].Keywords }, spelledEntries[0]);
    }

    [Fact]
    public void A_keyword_only_counts_the_texts_of_its_own_entries_and_topics()
    {
        // x-2 writes SDK a lot, but no keyword of its entry or topic is sdk: e-1 keeps its own texts' spelling.
        Exchange[] exchanges =
        [
            Exchange("x-1", 10, "sdk 怎么接？", "看文档", topic: "t01"),
            Exchange("x-2", 20, "SDK SDK SDK", "SDK", topic: "t02"),
        ];
        Topic[] topics = [new("t01", "接入", ["接入"], 1), new("t02", "文档", ["文档"], 1)];
        FaqEntry[] entries = [Entry("e-1", "x-1", "sdk"), Entry("e-2", "x-2", "文档")];

        var (_, spelled) = KeywordSpelling.Unify(topics, exchanges, entries);

        Assert.Equal(["sdk"], spelled[0].Keywords);
    }

    private static Exchange Exchange(string id, int line, string question, string answer, string topic = "t01") => new(
        id,
        Day,
        [
            new ExchangeMessage(SampleDocuments.Message(Day, line, "2018-03-05T09:15:02", SampleDocuments.Zhang, question), MessageRole.Question),
            new ExchangeMessage(SampleDocuments.Message(Day, line + 2, "2018-03-05T09:16:02", SampleDocuments.Li, answer), MessageRole.Answer),
        ],
        0.9,
        topic);

    private static FaqEntry Entry(string id, string exchange, params string[] keywords) =>
        new(id, "t01", "问题", "回答", [exchange], "candidate", keywords, [], 0.9, []);
}
