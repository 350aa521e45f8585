using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Tests.Segmentation;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Tests.Topics;

public sealed class TopicLabelerTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>
{
    private readonly ChineseSegmenter segmenter = fixture.Segmenter;

    // A subject no other cluster shares, so that its own words are the only characteristic ones.
    private static readonly ExchangeWords[] LicenceCluster =
        [.. Enumerable.Range(0, 8).Select(_ => Words(["牌照", "央行", "收购"]))];

    [Fact]
    public void Chat_verbs_that_rank_first_give_way_to_nouns_in_the_label()
    {
        // Every question asks to 推荐 or 介绍 something; what it is differs: the plain ranking puts the verbs first.
        ExchangeWords[] recommend =
        [
            Words(["推荐", "介绍"], ["资料"]),
            Words(["推荐", "介绍"], ["资料"]),
            Words(["推荐", "介绍"], ["书籍"]),
            Words(["推荐", "介绍"], ["公众号"]),
        ];

        var keywords = Keywords(recommend, LicenceCluster);

        Assert.Equal(["公众号", "资料", "书籍", "介绍", "推荐"], keywords[0]);
        Assert.Equal("公众号 · 资料 · 书籍", TopicLabeler.Label(keywords[0]));
    }

    [Fact]
    public void Words_of_asking_that_jieba_tags_as_nouns_stay_out_of_the_label()
    {
        // Every question asks for 指点 on a 问题, which jieba's dictionary tags as nouns; what is asked about varies.
        string[] subjects = ["资料", "团队", "书籍", "模型"];
        ExchangeWords[] asking = [.. subjects.SelectMany(subject => Enumerable.Repeat(Words(["指点", "问题"], [subject]), 2))];

        var keywords = Keywords(asking, LicenceCluster);

        Assert.Equal(["书籍", "团队", "模型", "资料", "指点"], keywords[0]);
    }

    [Fact]
    public void A_topic_of_verbs_alone_keeps_as_many_keywords_as_the_plain_ranking()
    {
        ExchangeWords[] verbs = [Words(["解决", "遇到", "推荐"]), Words(["解决", "遇到", "推荐"])];

        var keywords = Keywords(verbs, LicenceCluster);

        Assert.Equal(3, keywords[0].Count);
        Assert.Equal(["推荐", "解决", "遇到"], keywords[0].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_domain_term_tagged_as_a_verb_still_names_its_topic()
    {
        // 勾对 is a verb in the payment dictionary; domain terms name topics whatever their tag.
        ExchangeWords[] matching = [Words(["勾对", "推荐"], ["资料"]), Words(["勾对", "推荐"]), Words(["勾对", "推荐"])];

        var keywords = Keywords(matching, LicenceCluster);

        Assert.Equal("v", segmenter.PartOfSpeech("勾对"));
        Assert.Equal(["勾对", "资料", "推荐"], keywords[0]);
    }

    [Fact]
    public void Labelling_twice_gives_the_same_keywords()
    {
        ExchangeWords[] mixed = [Words(["推荐", "资料", "单身"], ["介绍", "北京"]), Words(["推荐", "资料"], ["王伟"])];

        Assert.Equal(Keywords(mixed, LicenceCluster), Keywords(mixed, LicenceCluster));
    }

    [Fact]
    public void A_mixed_cluster_is_labelled_by_words_many_of_its_exchanges_use_not_by_a_rare_word_of_a_few()
    {
        // 保理 and 应收账款 are in 1 of 20 exchanges and in no other cluster; 账户 in 7, 差错 and 银行 in 6, 对账 in 12, and
        // in the other cluster too.
        ExchangeWords[] mixed =
        [
            Words(["保理", "应收账款"]),
            .. Enumerable.Range(0, 12).Select(i => Words(["对账", i % 2 == 0 ? "差错" : "银行"])),
            .. Enumerable.Range(0, 7).Select(i => Words(["账户", $"词{i}"])),
        ];
        ExchangeWords[] other = [.. Enumerable.Repeat(Words(["对账", "牌照"]), 4)];

        var keywords = Keywords(mixed, other);

        Assert.Equal("账户 · 差错 · 银行", TopicLabeler.Label(keywords[0]));
    }

    [Fact]
    public void Chat_nouns_stay_out_of_a_label()
    {
        ExchangeWords[] asking = [.. Enumerable.Repeat(Words(["区别", "情况", "小伙伴"], ["资料"]), 3), Words(["区别"], ["书籍"])];

        var keywords = Keywords(asking, LicenceCluster);

        Assert.Equal(["资料", "书籍"], keywords[0].Take(2));
    }

    private IReadOnlyList<string>[] Keywords(params IReadOnlyList<ExchangeWords>[] clusters) =>
        new TopicLabeler(segmenter, keywords: 5).Keywords(clusters);

    private static ExchangeWords Words(string[] question, string[]? answer = null) => new(question, answer ?? [], []);
}
