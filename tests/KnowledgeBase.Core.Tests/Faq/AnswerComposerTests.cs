using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Tests.Segmentation;

namespace KnowledgeBase.Core.Tests.Faq;

public sealed class AnswerComposerTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>
{
    private const string Day = "proddev/2018-03-05-chat.markdown";
    private readonly ChineseSegmenter segmenter = fixture.Segmenter;

    [Fact]
    public void Each_part_is_attributed_to_its_speaker_with_company_and_role()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "钟文帅-天下支付-PM-深圳", "支付账户只有三类账户才能买理财"),
        ]);

        Assert.Equal("钟文帅（天下支付·PM）：支付账户只有三类账户才能买理财", answer.Text);
        var expert = Assert.Single(answer.Experts);
        Assert.Equal(("钟文帅", "天下支付", "PM", 1), (expert.Name, expert.Company, expert.Role, expert.Answers));
    }

    // 我 is how a WeChat export names its exporter: "我：…" in an FAQ would read as the reader's own words.
    [Fact]
    public void The_exporter_of_a_log_is_named_by_that_role()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "我", "支付不耦合业务"),
        ]);

        Assert.Equal("记录导出者：支付不耦合业务", answer.Text);
        Assert.Equal("记录导出者", Assert.Single(answer.Experts).Name);
    }

    // A member known under two nicks (pairs of days merged from two exports) is credited alike under both.
    [Fact]
    public void Two_nicks_credited_as_one_person_are_one_expert()
    {
        var credited = SpeakerParser.Parse("张泽雄-民生金服-项目总监");
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "张泽雄-民生金服-项目总监", "对账文件先统一标准化"),
            Chats.Message(Day, 57, "17:58:18", "北京一张泽雄", "再按渠道分别核对") with { Speaker = credited with { Raw = "北京一张泽雄" } },
        ]);

        Assert.Equal("张泽雄（民生金服·项目总监）：对账文件先统一标准化，再按渠道分别核对", answer.Text);
        var expert = Assert.Single(answer.Experts);
        Assert.Equal(("张泽雄", 2), (expert.Name, expert.Answers));
    }

    // A talk's questions and the speaker's answers passed on to the group, one message each: the answer is what follows
    // 回答：, and it stays although the message is the asker's and others answered too (it says more, so it comes first).
    [Fact]
    public void An_answer_relayed_in_the_question_message_is_a_part_of_the_answer()
    {
        var question = Chats.Message(Day, 49, "17:55:23", "朱黎明 海尔快捷通", "问题：户账分离是怎么做的？ 回答：通过映射的方式，电商会员属于业务");
        var answer = new AnswerComposer(segmenter, 6).Compose(
            [Chats.Message(Day, 53, "17:58:03", "龚晓冬", "支付账户单独一套")],
            [question]);

        Assert.Equal("朱黎明（海尔快捷通）：通过映射的方式，电商会员属于业务\n龚晓冬：支付账户单独一套", answer.Text);
        Assert.Equal(["朱黎明", "龚晓冬"], answer.Experts.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_question_without_a_relayed_answer_adds_nothing()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose([], [Chats.Message(Day, 49, "17:55:23", "caozhiyang", "我的回答：可以这么理解吗？")]);

        Assert.Equal(string.Empty, answer.Text);
        Assert.Empty(answer.Experts);
    }

    [Fact]
    public void Chatter_and_repeats_are_dropped_and_a_speakers_messages_are_joined()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "龚晓冬", "支付账户只有三类账户才能买理财"),
            Chats.Message(Day, 57, "17:58:18", "龚晓冬", "用余额买理财"),
            Chats.Message(Day, 61, "17:58:20", "caozhiyang", "谢谢"),
            Chats.Message(Day, 65, "17:58:21", "caozhiyang", "[强]"),
            Chats.Message(Day, 69, "17:58:25", "Ark", "支付账户只有三类账户才能买理财"),
            Chats.Message(Day, 73, "17:58:30", "Ark", "哈哈哈"),
        ]);

        Assert.Equal("龚晓冬：支付账户只有三类账户才能买理财，用余额买理财", answer.Text);
        Assert.Equal(["龚晓冬"], answer.Experts.Select(e => e.Name));
        Assert.Equal(2, answer.Experts[0].Answers);
    }

    [Fact]
    public void A_yes_or_a_screenshot_is_the_answer_when_nothing_more_was_said_but_emoji_and_dots_alone_are_not()
    {
        var composer = new AnswerComposer(segmenter, 6);

        var yes = composer.Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "马绍轩", "是的@caozhiyang\u2005"),
            Chats.Message(Day, 57, "17:58:09", "马绍轩", "是的"),
            Chats.Message(Day, 61, "17:58:20", "Ark", "[强]"),
        ]);
        var screenshot = composer.Compose([Chats.Message(Day, 53, "17:58:03", "老李-某银行-架构", "![2018-03-10 21:52:50](http://example.com/a.jpg)")]);
        var nothing = composer.Compose([Chats.Message(Day, 53, "17:58:03", "Ark", "[强]"), Chats.Message(Day, 57, "17:58:05", "Ark", "。。。")]);

        Assert.Equal(("马绍轩：是的", "马绍轩"), (yes.Text, Assert.Single(yes.Experts).Name));
        Assert.Equal("老李（某银行·架构）：[图片]", screenshot.Text);
        Assert.Equal((string.Empty, 0), (nothing.Text, nothing.Experts.Count));
    }

    [Fact]
    public void A_screenshot_stays_with_the_words_of_whoever_sent_it_and_goes_when_its_sender_said_nothing_else()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "老李-某银行-架构", "备付金集中存管以后，出金走网联，看这个流程图"),
            Chats.Message(Day, 55, "17:58:10", "老李-某银行-架构", "![2018-03-10 21:52:50](http://example.com/a.jpg)"),
            Chats.Message(Day, 57, "17:58:30", "小王", "![2018-03-10 21:53:10](http://example.com/b.jpg)"),
            Chats.Message(Day, 59, "17:59:00", "马绍轩", "对，入金也一样"),
        ]);

        Assert.Equal("老李（某银行·架构）：备付金集中存管以后，出金走网联，看这个流程图 [图片]\n马绍轩：对，入金也一样", answer.Text);
        Assert.Equal("备付金集中存管以后，出金走网联，看这个流程图\n对，入金也一样", answer.Said);
        Assert.Equal(["老李", "马绍轩"], answer.Experts.Select(e => e.Name));
        Assert.Equal(2, answer.Experts[0].Answers);
    }

    [Fact]
    public void The_most_informative_part_comes_first()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "小王", "需要的"),
            Chats.Message(Day, 57, "17:59:18", "老李-某银行-架构", "保险需要有保险代理牌照，子公司持有的保险代理牌照是没用的，基金销售也要基金销售牌照"),
        ]);

        Assert.Equal(
            "老李（某银行·架构）：保险需要有保险代理牌照，子公司持有的保险代理牌照是没用的，基金销售也要基金销售牌照\n小王：需要的",
            answer.Text);
    }

    [Fact]
    public void What_a_speaker_says_comes_before_what_they_share()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "龚晓冬", "非金融机构支付业务设施检测规范.pdf"),
            Chats.Message(Day, 57, "17:58:18", "龚晓冬", "有啊，余额不足也能退款是很普遍的需求"),
        ]);

        Assert.Equal("龚晓冬：有啊，余额不足也能退款是很普遍的需求，非金融机构支付业务设施检测规范.pdf", answer.Text);
    }

    [Fact]
    public void An_answer_that_only_repeats_the_question_is_dropped()
    {
        var question = Chats.Message(Day, 377, "20:01:00", "龚晓冬", "龚老师，“轧差”怎么读？");
        var answer = new AnswerComposer(segmenter, 6).Compose(
        [
            Chats.Message(Day, 381, "20:01:02", "钟", "龚老师，“轧差”怎么读？"),
            Chats.Message(Day, 385, "20:01:30", "李桂明-易宝支付-技术", "ga，cha，都可以"),
        ],
        [question]);

        Assert.Equal("李桂明（易宝支付·技术）：ga，cha，都可以", answer.Text);
    }

    [Fact]
    public void No_answer_gives_an_empty_text_and_no_experts()
    {
        var answer = new AnswerComposer(segmenter, 6).Compose([]);

        Assert.Equal(string.Empty, answer.Text);
        Assert.Empty(answer.Experts);
    }

    [Fact]
    public void Parts_beyond_the_limit_are_left_out_of_the_text_but_not_of_the_experts()
    {
        var answer = new AnswerComposer(segmenter, 1).Compose(
        [
            Chats.Message(Day, 53, "17:58:03", "甲", "备付金要集中存管到人行"),
            Chats.Message(Day, 57, "17:59:18", "乙", "网联和银联都可以走"),
        ]);

        Assert.Single(answer.Text.Split('\n'));
        Assert.Equal(2, answer.Experts.Count);
    }

    [Fact]
    public void A_short_answer_inside_another_speakers_longer_one_still_credits_its_speaker()
    {
        const string Path = "proddev/2018-03-05-chat.markdown";
        var answer = new AnswerComposer(fixture.Segmenter, 3).Compose(
        [
            Chats.Message(Path, 14, "09:00:14", "乙", "开户需要营业执照和法人身份证"),
            Chats.Message(Path, 18, "09:00:18", "丙", "需要"),
        ]);

        Assert.Equal(["丙", "乙"], answer.Experts.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_the_asker_says_among_the_answers_is_left_out_while_someone_else_answered()
    {
        const string Path = "proddev/2018-03-05-chat.markdown";
        var question = Chats.Message(Path, 10, "09:00:10", "张学刚-京东-研发", "每个商户号有QPS上限吗？");
        var guess = Chats.Message(Path, 14, "09:00:14", "张学刚-京东-研发", "每个商户号应该有个QPS上限吧");
        var answer = Chats.Message(Path, 18, "09:00:18", "李四", "有的，按商户等级配置，超了返回系统繁忙");
        var composer = new AnswerComposer(fixture.Segmenter, 3);

        var composed = composer.Compose([guess, answer], [question]);

        Assert.Equal("李四：有的，按商户等级配置，超了返回系统繁忙", composed.Text);
        Assert.Equal(["李四"], composed.Experts.Select(e => e.Name));
        // Answered by nobody else, the asker's own words are the answer.
        Assert.Equal(["张学刚"], composer.Compose([guess], [question]).Experts.Select(e => e.Name));
    }

    [Fact]
    public void Names_are_shown_without_the_question_marks_of_lost_emoji()
    {
        const string Path = "proddev/2018-03-05-chat.markdown";
        var composed = new AnswerComposer(fixture.Segmenter, 3).Compose(
        [
            Chats.Message(Path, 14, "09:00:14", "车睿??", "备付金要集中存管"),
            Chats.Message(Path, 18, "09:00:18", "H?o?wa?r?d?_?WANG", "网联上线以后直连就断了"),
            Chats.Message(Path, 22, "09:00:22", "??", "看监管"),
        ]);

        Assert.Equal(["??", "Howard_WANG", "车睿"], composed.Experts.Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}
