using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Tests.Export;
using KnowledgeBase.Core.Tests.Segmentation;

namespace KnowledgeBase.Core.Tests.Faq;

public sealed class FaqEntryBuilderTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>
{
    private readonly ChineseSegmenter segmenter = fixture.Segmenter;

    private static readonly Exchange Refund = Chats.Exchange(
        "proddev/2018-03-05-chat.markdown", 353, "caozhiyang", "请教各位大神，商户余额不足的时候退款，平台要先垫资吗？",
        ("龚晓冬-天下支付-PM-深圳", "一般平台先垫资，再从商户下一笔结算款里扣回来"),
        ("Ark", "谢谢"));

    private static readonly Exchange RefundAgain = Chats.Exchange(
        "prodarch/2018-04-16-chat.markdown", 120, "小王", "商户余额不足退款的时候，平台要先垫资吗",
        ("老李-某银行-架构", "要看合同，有的平台设垫资额度，超过额度就退款失败"));

    private static readonly Exchange License = Chats.Exchange(
        "proddev/2018-03-05-chat.markdown", 97, "caozhiyang", "理财不需要牌照的情况呢",
        ("龚晓冬", "需要的"),
        ("龚晓冬", "基金销售牌照"),
        ("龚晓冬", "没有就不能卖基金"));

    private static readonly Exchange Account = Chats.Exchange(
        "proddev/2018-03-05-chat.markdown", 49, "caozhiyang", "目前如果有支付用户和金融用户，一般会怎么处理之间关系？创建2个不同用户？",
        ("龚晓冬", "支付账户只有三类账户才能买理财，用余额买理财"));

    private static readonly Exchange LaterAccount = Chats.Exchange(
        "devarch/2018-05-10-chat.markdown", 30, "路人", "二类户和三类户在绑卡和限额上有什么区别？",
        ("苏晴", "二类户可以绑定同名一类户，三类户主要做小额免密支付"));

    private IReadOnlyList<FaqEntry> Build(params Exchange[] exchanges) => new FaqEntryBuilder(segmenter).Build(exchanges);

    private static Exchange In(Exchange exchange, string topic) => exchange with { TopicId = topic };

    [Fact]
    public void Each_distinct_question_becomes_one_candidate_entry_with_its_sources()
    {
        var entries = Build(In(Account, "t01"), In(License, "t02"), In(Refund, "t03"));

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("candidate", e.Status));
        var refund = Assert.Single(entries, e => e.TopicId == "t03");
        Assert.Equal("商户余额不足的时候退款，平台要先垫资吗？", refund.Question);
        Assert.Equal("龚晓冬（天下支付·PM）：一般平台先垫资，再从商户下一笔结算款里扣回来", refund.Answer);
        Assert.Equal([Refund.Id], refund.ExchangeIds);
        Assert.Equal(
            [new SourceRef("proddev/2018-03-05-chat.markdown", 353), new SourceRef("proddev/2018-03-05-chat.markdown", 357), new SourceRef("proddev/2018-03-05-chat.markdown", 361)],
            refund.Sources);
        Assert.Equal(0.9, refund.Confidence);
        Assert.InRange(refund.Keywords.Count, 1, 5);
        Assert.Contains("垫资", refund.Keywords);
    }

    [Fact]
    public void Near_duplicate_questions_of_one_topic_across_days_and_groups_are_merged()
    {
        var entries = Build(In(Refund, "t03"), In(RefundAgain, "t03"), In(License, "t02"));

        Assert.Equal(2, entries.Count);
        var merged = Assert.Single(entries, e => e.ExchangeIds.Count == 2);
        Assert.Equal([Refund.Id, RefundAgain.Id], merged.ExchangeIds);
        Assert.Equal(["老李", "龚晓冬"], merged.Experts.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, merged.Answer.Split('\n').Length);
        Assert.Contains(new SourceRef("prodarch/2018-04-16-chat.markdown", 124), merged.Sources);
        Assert.Equal(Build(In(Refund, "t03"))[0].Id, merged.Id);
    }

    // Questions of only a mention or emoji all read QuestionText.Wordless: that is no shared wording.
    [Fact]
    public void Questions_of_only_a_mention_are_not_merged_for_reading_alike()
    {
        var first = Chats.Exchange("proddev/2018-03-05-chat.markdown", 40, "小明", "@龚晓冬-银商账户-产品-上海 [抱拳]", ("龚晓冬", "备付金要集中存管"));
        var second = Chats.Exchange("devarch/2018-05-10-chat.markdown", 80, "小红", "@周鑫-西安银行-产品经理 ？？？", ("周鑫", "二类户不能转账给他人"));

        var entries = Build(In(first, "t01"), In(second, "t01"));

        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(QuestionText.Wordless, e.Question));
    }

    [Fact]
    public void Entry_of_given_exchanges_is_the_entry_a_build_makes_of_them()
    {
        var built = Assert.Single(Build(In(RefundAgain, "t03"), In(Refund, "t03")));

        var entry = new FaqEntryBuilder(segmenter).Entry([In(RefundAgain, "t03"), In(Refund, "t03")]);

        Assert.Equal((built.Id, built.TopicId, built.Question, built.Answer, built.Confidence), (entry.Id, entry.TopicId, entry.Question, entry.Answer, entry.Confidence));
        Assert.Equal(built.ExchangeIds, entry.ExchangeIds);
        Assert.Equal(built.Keywords, entry.Keywords);
        Assert.Equal(built.Experts, entry.Experts);
        Assert.Equal(built.Sources, entry.Sources);
    }

    [Fact]
    public void Entry_of_one_exchange_of_a_merged_group_has_that_exchange_s_own_question_and_answer()
    {
        var entry = new FaqEntryBuilder(segmenter).Entry([In(RefundAgain, "t03")]);

        Assert.Equal("商户余额不足退款的时候，平台要先垫资吗", entry.Question);
        Assert.Equal([RefundAgain.Id], entry.ExchangeIds);
        Assert.Equal("老李（某银行·架构）：要看合同，有的平台设垫资额度，超过额度就退款失败", entry.Answer);
        Assert.Throws<ArgumentException>(() => new FaqEntryBuilder(segmenter).Entry([]));
    }

    [Fact]
    public void Near_duplicates_in_different_topics_are_merged_under_the_topic_of_the_earliest()
    {
        // Topics move when new days come in; entries must not.
        var entry = Assert.Single(Build(In(RefundAgain, "t04"), In(Refund, "t03")));

        Assert.Equal("t03", entry.TopicId);
        Assert.Equal([Refund.Id, RefundAgain.Id], entry.ExchangeIds);
    }

    [Fact]
    public void A_later_question_like_two_entries_joins_the_earlier_and_leaves_both_ids()
    {
        var first = Chats.Exchange("proddev/2018-01-05-chat.markdown", 10, "甲", "退款垫资以后怎么从商户结算款里扣回来", ("乙", "下一期结算扣"));
        var second = Chats.Exchange("proddev/2018-02-05-chat.markdown", 10, "丙", "退款失败以后垫资怎么从商户扣回来", ("丁", "走差错流程"));
        var bridge = Chats.Exchange("proddev/2018-03-05-chat.markdown", 10, "戊", "退款垫资以后怎么从商户扣回来", ("己", "看合同"));
        var before = Build(In(first, "t01"), In(second, "t01"));
        Assert.Equal(2, before.Count);

        var after = Build(In(bridge, "t02"), In(second, "t03"), In(first, "t01"));

        Assert.Equal(before.Select(e => e.Id).Order(StringComparer.Ordinal), after.Select(e => e.Id).Order(StringComparer.Ordinal));
        var firstId = Assert.Single(before, e => e.ExchangeIds[0] == first.Id).Id;
        Assert.Equal([first.Id, bridge.Id], Assert.Single(after, e => e.Id == firstId).ExchangeIds);
    }

    [Fact]
    public void Two_exchanges_citing_one_question_message_are_one_entry()
    {
        var a = Chats.Exchange("proddev/2018-03-05-chat.markdown", 10, "甲", "牌照呢？", ("乙", "要的"));
        var b = a with { Id = "x-other", Messages = [a.Messages[0], new(Chats.Message(a.Path, 30, "09:00:30", "丙", "不要"), MessageRole.Answer)] };

        var entry = Assert.Single(Build(In(a, "t01"), In(b, "t02")));
        Assert.Equal(2, entry.ExchangeIds.Count);
    }

    [Fact]
    public void A_merged_entry_cites_its_messages_in_the_order_of_the_chat()
    {
        // Two exchanges of one day about one question, their messages interleaved: lines 10, 14, 18 and 12, 16.
        var a = Chats.Exchange("proddev/2018-03-05-chat.markdown", 10, "甲", "退款的时候平台要先垫资吗？", ("乙", "要的"), ("丁", "看合同"));
        var b = Chats.Exchange("proddev/2018-03-05-chat.markdown", 12, "丙", "退款的时候平台要先垫资吗？", ("戊", "一般要"));

        var entry = Assert.Single(Build(In(a, "t01"), In(b, "t01")));

        Assert.Equal([10, 12, 14, 16, 18], entry.Sources.Select(s => s.Line));
    }

    [Fact]
    public void An_entry_is_named_after_its_earliest_question_and_worded_as_the_earliest_one_answered()
    {
        var remark = Chats.Exchange("prodarch/2018-02-07-chat.markdown", 10, "甲", "不一样哎 代扣有代扣的渠道，快捷有快捷的渠道");
        var asked = Chats.Exchange("prodarch/2018-03-26-chat.markdown", 20, "乙", "谁那里有代扣或者快捷支付的渠道吗？", ("丙", "银联商务和通联都有代扣渠道"));

        var entry = new FaqEntryBuilder(segmenter).Entry([In(asked, "t01"), In(remark, "t01")]);
        var unanswered = new FaqEntryBuilder(segmenter).Entry([In(remark, "t01"), In(remark with { Id = "x-again", Path = "prodarch/2018-03-26-chat.markdown" }, "t01")]);

        Assert.Equal((EntryId.Of(remark), "谁那里有代扣或者快捷支付的渠道吗？"), (entry.Id, entry.Question));
        Assert.Equal([remark.Id, asked.Id], entry.ExchangeIds);
        Assert.Equal("不一样哎 代扣有代扣的渠道，快捷有快捷的渠道", unanswered.Question);
    }

    [Fact]
    public void Short_questions_are_not_merged_by_chance()
    {
        var a = Chats.Exchange("proddev/2018-03-05-chat.markdown", 10, "甲", "牌照呢？", ("乙", "要的"));
        var b = Chats.Exchange("proddev/2018-03-06-chat.markdown", 10, "丙", "牌照呢", ("丁", "不要"));

        Assert.Equal(2, Build(In(a, "t01"), In(b, "t01")).Count);
    }

    [Fact]
    public void Entry_ids_survive_new_days_and_a_different_input_order()
    {
        var before = Build(In(Account, "t01"), In(License, "t02"), In(Refund, "t03"));
        var after = Build(In(LaterAccount, "t05"), In(Refund, "t01"), In(RefundAgain, "t01"), In(License, "t04"), In(Account, "t02"));

        foreach (var entry in before)
        {
            var same = Assert.Single(after, e => e.Id == entry.Id);
            Assert.Equal(entry.Question, same.Question);
            Assert.Contains(entry.ExchangeIds[0], same.ExchangeIds);
        }
    }

    [Fact]
    public void Entry_ids_are_short_content_hashes()
    {
        var id = Build(In(Refund, "t01"))[0].Id;

        Assert.Matches("^q[0-9a-f]{10}$", id);
        Assert.Equal(id, Build(In(Refund with { Id = "another-exchange-id" }, "t09"))[0].Id);
    }

    [Fact]
    public void Building_twice_gives_identical_entries()
    {
        Exchange[] exchanges = [In(LaterAccount, "t01"), In(Refund, "t02"), In(RefundAgain, "t02"), In(License, "t03"), In(Account, "t01")];

        Assert.Equal(Describe(Build(exchanges)), Describe(Build(exchanges)));
        Assert.Equal(Describe(Build(exchanges)), Describe(Build([.. exchanges.Reverse()])));
    }

    [Fact]
    public void Entries_follow_the_topic_order()
    {
        var topics = new[] { new Topic("t02", "b", [], 1), new Topic("t01", "a", [], 1) };
        var entries = new FaqEntryBuilder(segmenter).Build([In(Account, "t01"), In(License, "t02")], topics);

        Assert.Equal(["t02", "t01"], entries.Select(e => e.TopicId));
    }

    [Fact]
    public void An_exchange_without_a_question_message_gives_no_entry()
    {
        var answersOnly = new Exchange("x", "p/2018-01-01-chat.markdown", [new ExchangeMessage(Refund.Messages[1].Message, MessageRole.Answer)], 0.5, "t01");

        Assert.Empty(Build(answersOnly));
    }

    [Fact]
    public void An_e_mail_address_in_a_question_or_answer_survives_to_masking()
    {
        var exchange = Chats.Exchange(
            "prodarch/2018-04-02-chat.markdown", 991, "MyCity",
            "@闫闯-直销银行-pm-北京 可以发一份关于网联接入的厂家 有几家都用的 分布式的PPT吗?我的邮箱1042026665@qq.com [抱拳] 先谢谢了。",
            ("闫闯-直销银行-pm-北京", "好的@MyCity 已发到 cheng.xi@example.com，查收一下"));

        var entry = Assert.Single(Build(In(exchange, "t01")));
        var masked = PersonalDataMasker.Mask(SampleDocuments.Payments() with { Entries = [entry] }, MaskingOptions.Default).Entries[0];

        Assert.Equal("可以发一份关于网联接入的厂家 有几家都用的 分布式的PPT吗?我的邮箱1042026665@qq.com", entry.Question);
        Assert.Equal("可以发一份关于网联接入的厂家 有几家都用的 分布式的PPT吗?我的邮箱[邮箱]", masked.Question);
        Assert.Equal("闫闯（直销银行·pm）：好的 已发到 [邮箱]，查收一下", masked.Answer);
    }

    [Fact]
    public void No_keyword_is_a_piece_of_an_e_mail_address()
    {
        const string addresses = "1042026665@qq.com cheng.xi@example.com";
        var exchange = Chats.Exchange(
            "prodarch/2018-04-02-chat.markdown", 991, "MyCity",
            "可以发一份关于网联接入的厂家 有几家都用的 分布式的PPT吗?我的邮箱1042026665@qq.com [抱拳] 先谢谢了。",
            ("闫闯-直销银行-pm-北京", "已发到 cheng.xi@example.com，网联接入文档在附件"));

        var entry = Assert.Single(Build(In(exchange, "t01")));

        Assert.NotEmpty(entry.Keywords);
        Assert.DoesNotContain(entry.Keywords, k => addresses.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    // An entry shows a mention inside a sentence by the person's name, which is no keyword of the entry (thq, blue and
    // Marily were, in the corpus build).
    [Theory]
    [InlineData("thq-51信用卡", "thq")]
    [InlineData("blue-联通支付-风控-北京", "blue")]
    [InlineData("Marily-汇付数据-PM", "Marily")]
    public void No_keyword_is_the_name_of_someone_mentioned(string nick, string name)
    {
        var exchange = Chats.Exchange(
            "proddev/2018-03-06-chat.markdown", 120, "小王", $"我的看法和@{nick} 一致，备付金要集中存管吗？",
            ("龚晓冬-银商账户-产品-上海", $"同意@{nick} 的看法，要集中存管"));

        var entry = Assert.Single(Build(In(exchange, "t01")));

        Assert.Contains("@" + name, entry.Question, StringComparison.Ordinal);
        Assert.Contains("@" + name, entry.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.Keywords, k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(IEnumerable<FaqEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            text.AppendLine($"{e.Id}|{e.TopicId}|{e.Question}|{e.Answer}|{string.Join(',', e.ExchangeIds)}|{string.Join(',', e.Keywords)}|" +
                $"{string.Join(',', e.Experts)}|{e.Confidence}|{string.Join(',', e.Sources)}");
        }

        return text.ToString();
    }

    [Fact]
    public void The_same_short_wording_on_two_days_is_two_entries()
    {
        var first = Chats.Exchange("proddev/2018-03-05-chat.markdown", 10, "甲", "为什么？", ("乙", "因为要备案"));
        var second = Chats.Exchange("proddev/2018-03-06-chat.markdown", 10, "丙", "为什么？", ("丁", "监管要求"));

        Assert.Equal(2, new FaqEntryBuilder(fixture.Segmenter).Build([first with { TopicId = "t" }, second with { TopicId = "t" }]).Count);
    }

    [Fact]
    public void Context_messages_are_not_sources_of_an_entry()
    {
        var exchange = Chats.Exchange("proddev/2018-03-05-chat.markdown", 10, "甲", "备付金账户可以开在几家银行？", ("乙", "存管银行一家，合作银行可以多家"));
        var context = new ExchangeMessage(Chats.Message(exchange.Path, 30, "09:00:30", "丙", "网联的手续费怎么收"), MessageRole.Context);

        var entry = Assert.Single(new FaqEntryBuilder(fixture.Segmenter).Build([exchange with { TopicId = "t", Messages = [.. exchange.Messages, context] }]));

        Assert.Equal([new SourceRef(exchange.Path, 10), new SourceRef(exchange.Path, 14)], entry.Sources);
    }

    [Fact]
    public void A_merged_entry_takes_the_highest_confidence_of_its_exchanges()
    {
        var first = Chats.Exchange("proddev/2018-03-05-chat.markdown", 353, "caozhiyang", "请教各位大神，商户余额不足的时候退款，平台要先垫资吗？", ("龚晓冬-天下支付-PM-深圳", "一般平台先垫资，再从商户下一笔结算款里扣回来"));
        var second = Chats.Exchange("prodarch/2018-04-16-chat.markdown", 120, "小王", "商户余额不足退款的时候，平台要先垫资吗", ("老李-某银行-架构", "要看合同，有的平台设垫资额度，超过额度就退款失败"));

        var entry = Assert.Single(new FaqEntryBuilder(fixture.Segmenter).Build([first with { TopicId = "t", Confidence = 0.5 }, second with { TopicId = "t", Confidence = 0.9 }]));

        Assert.Equal(0.9, entry.Confidence);
    }

    [Fact]
    public void Questions_that_share_only_three_common_words_of_five_are_not_merged()
    {
        var phoneBill = Chats.Exchange("prodarch/2018-01-30-chat.markdown", 10, "甲", "所谓支付用户，就是使用话费进行支付的用户，是么？", ("乙", "对，话费支付的用户"));
        var healthCard = Chats.Exchange("prodarch/2018-02-02-chat.markdown", 10, "丙", "请问用户要使用医保卡怎么支付呢？", ("丁", "医保卡要在医院的机器上刷"));
        var segmenter = fixture.Segmenter;
        var shared = segmenter.ContentWords(phoneBill.Questions.Single().Text).Intersect(segmenter.ContentWords(healthCard.Questions.Single().Text)).Distinct().Count();
        Assert.Equal(3, shared);

        Assert.Equal(2, new FaqEntryBuilder(segmenter).Build([phoneBill with { TopicId = "t" }, healthCard with { TopicId = "t" }]).Count);
        // The same pair merges under the old rule, so the test would see a regression.
        Assert.Single(new FaqEntryBuilder(segmenter, new FaqEntryBuilderOptions { MinSharedWords = 3 }).Build([phoneBill with { TopicId = "t" }, healthCard with { TopicId = "t" }]));
    }
}
