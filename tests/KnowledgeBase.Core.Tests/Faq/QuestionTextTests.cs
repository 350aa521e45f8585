using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;

namespace KnowledgeBase.Core.Tests.Faq;

public sealed class QuestionTextTests
{
    private const string Day = "proddev/2018-03-05-chat.markdown";

    [Theory]
    [InlineData("请教各位大神，二类户可以代扣吗？", "二类户可以代扣吗？")]
    [InlineData("大家好，请问一下T+0和D+0结算有什么区别？", "T+0和D+0结算有什么区别？")]
    [InlineData("@钟文帅-天下支付-PM-深圳 退款是原路退回吗", "退款是原路退回吗")]
    [InlineData("@凤凰牌老熊?如果没有牌照能做聚合支付吗", "如果没有牌照能做聚合支付吗")]
    [InlineData("各位大佬，备付金集中存管以后利息归谁？[捂脸][捂脸]", "备付金集中存管以后利息归谁？")]
    [InlineData("问个小白问题，像滴滴这样算二清吗???", "像滴滴这样算二清吗")]
    [InlineData("跟大家请教一个问题，支付公司怎么接入代扣渠道？", "支付公司怎么接入代扣渠道？")]
    [InlineData("问题：出借人放款是直接个人账户之间的划转吗？", "出借人放款是直接个人账户之间的划转吗？")]
    [InlineData("??请问网联有条码接口吗", "网联有条码接口吗")]
    [InlineData("；在国外做现金贷，有谁有熟悉的三方支付通道", "在国外做现金贷，有谁有熟悉的三方支付通道")]
    [InlineData("「张三：网联的手续费怎么收」 - - - - - - - - 同问，网联的手续费是按笔收吗", "网联的手续费是按笔收吗")]
    [InlineData("嗯嗯，那二清的认定标准是什么？", "那二清的认定标准是什么？")]
    [InlineData("哦哦，会不会存在开户的时候开通代扣授权？", "会不会存在开户的时候开通代扣授权？")]
    [InlineData("谢谢分享！对了，备付金利息怎么算？", "备付金利息怎么算？")]
    [InlineData("龚老师，收单外包要备案吗？", "收单外包要备案吗？")]
    [InlineData("冬哥 M总，网联什么时候切量？", "网联什么时候切量？")]
    [InlineData("请教大家个问题，快捷支付要签约吗", "快捷支付要签约吗")]
    [InlineData("不好意思，打扰一下，代付要牌照吗", "代付要牌照吗")]
    [InlineData("想请教各位大神一个问题：关于对账单，退款展示几条记录？", "关于对账单，退款展示几条记录？")]
    [InlineData("我想问一下限额是通道侧限额还是发卡行限额呢？", "限额是通道侧限额还是发卡行限额呢？")]
    [InlineData("对了吗？清算要几天", "对了吗？清算要几天")]
    [InlineData("另外两家银行支持T+0吗", "另外两家银行支持T+0吗")]
    [InlineData("汇总，对账文件怎么出？", "汇总，对账文件怎么出？")]
    [InlineData("哪位大神 有这样的PPT文档", "哪位大神 有这样的PPT文档")]
    [InlineData("有大佬，知道网联的接口吗", "有大佬，知道网联的接口吗")]
    [InlineData("深圳，有做跨境的吗", "深圳，有做跨境的吗")]
    [InlineData("1、开户要多久？2、要什么材料？", "1、开户要多久？2、要什么材料？")]
    [InlineData("大神，代付要牌照吗", "代付要牌照吗")]
    [InlineData("求问各位大大，分账怎么做", "分账怎么做")]
    [InlineData("咨询个问题： 有人知道哪家银行有原生的支付宝APP通道吗？", "有人知道哪家银行有原生的支付宝APP通道吗？")]
    [InlineData("请问群里大佬们，你们网联的资金对账这块怎么设计的", "你们网联的资金对账这块怎么设计的")]
    [InlineData("请教下各位技术大牛 P2P 信贷 风控建模是怎么做的", "P2P 信贷 风控建模是怎么做的")]
    [InlineData("弱弱的问一句，虚拟账户是三类户吗？", "虚拟账户是三类户吗？")]
    [InlineData("群主，有没有什么坑啊，效果如何？", "有没有什么坑啊，效果如何？")]
    [InlineData("老大难问题，对账怎么自动化", "老大难问题，对账怎么自动化")]
    [InlineData("备付金利息怎么算？谢谢！", "备付金利息怎么算？")]
    [InlineData("谁能给解释一下二清，谢谢 在线等", "谁能给解释一下二清")]
    [InlineData("网联的手续费怎么收 先谢谢了。", "网联的手续费怎么收")]
    [InlineData("有没有了解商品交易所的，咨询点问题", "有没有了解商品交易所的")]
    [InlineData("请教一下", "请教一下")]
    [InlineData("感谢大家的回答，我再想想", "感谢大家的回答，我再想想")]
    [InlineData("谢谢", "谢谢")]
    [InlineData("人行现在是独立机构了，这个怎么理解？？", "人行现在是独立机构了，这个怎么理解？")]
    [InlineData("你说的风险节点识别与防范？??是不是类似", "你说的风险节点识别与防范？是不是类似")]
    [InlineData("嗯一般做法是先记账再清算吗", "一般做法是先记账再清算吗")]
    [InlineData("哦那二清怎么认定？", "那二清怎么认定？")]
    [InlineData("呃？群里有人做过银联静态码的聚合嘛？", "群里有人做过银联静态码的聚合嘛？")]
    [InlineData("唉，不会编程，有没有介绍账户系统的资料", "不会编程，有没有介绍账户系统的资料")]
    [InlineData("恩施有做收单的吗", "恩施有做收单的吗")]
    [InlineData("额度怎么控制？", "额度怎么控制？")]
    [InlineData("问题：户账分离是怎么做的？ 回答：通过映射的方式", "户账分离是怎么做的？")]
    [InlineData("你们做到9kTPS整个集群数量大概多少？  答：主中心３０台", "你们做到9kTPS整个集群数量大概多少？")]
    [InlineData("那个分发用到什么算法吗，取模吗 答：有卡号了分表就很容易了", "那个分发用到什么算法吗，取模吗")]
    [InlineData("我的回答：可以这么理解吗？", "我的回答：可以这么理解吗？")]
    [InlineData("甲问：你们有高可用吗？乙回答：有", "甲问：你们有高可用吗？乙回答：有")]
    public void One_message_is_cleaned(string body, string expected)
    {
        var question = QuestionText.Build([Chats.Message(Day, 49, "17:55:23", "caozhiyang", body)]);

        Assert.Equal(expected, question);
    }

    [Fact]
    public void A_question_split_over_messages_is_joined_without_its_opener()
    {
        var messages = new[]
        {
            Chats.Message(Day, 45, "17:54:53", "caozhiyang", "问下各位一个问题"),
            Chats.Message(Day, 49, "17:55:23", "caozhiyang", "目前如果有支付用户和金融用户，一般会怎么处理之间关系？创建2个不同用户？"),
            Chats.Message(Day, 61, "17:57:44", "caozhiyang", "支付用户存在合规检查的问题"),
        };

        Assert.Equal("目前如果有支付用户和金融用户，一般会怎么处理之间关系？创建2个不同用户？支付用户存在合规检查的问题", QuestionText.Build(messages));
    }

    [Fact]
    public void Images_and_emoji_only_messages_are_left_out()
    {
        var messages = new[]
        {
            Chats.Message(Day, 10, "15:31:36", "小明", "各位大牛"),
            Chats.Message(Day, 14, "15:31:40", "小明", "![2018-03-05 15:31:36](http://static.cocolian.cn/img/201803/20180305_153136.png)"),
            Chats.Message(Day, 18, "15:31:50", "小明", "这个是啥系统，有没有人了解？"),
            Chats.Message(Day, 22, "15:31:55", "小明", "[捂脸]"),
        };

        Assert.Equal("这个是啥系统，有没有人了解？", QuestionText.Build(messages));
    }

    [Fact]
    public void A_lead_in_with_nothing_after_it_is_kept()
    {
        Assert.Equal("对了，", QuestionText.Build([Chats.Message(Day, 10, "15:31:36", "小明", "对了，")]));
    }

    [Fact]
    public void A_question_asked_as_a_quoted_reply_starts_with_what_it_quotes()
    {
        var message = Chats.Message(Day, 169, "10:21:00", "小明", "「阿森-猪八戒-产品-重庆：银行网关跟网银不是一个」 - - - - - - - - - - - - - - - 有啥区别啊？");

        Assert.Equal("「银行网关跟网银不是一个」有啥区别啊？", QuestionText.Build([message]));
    }

    [Fact]
    public void A_long_quote_is_cut_before_the_question()
    {
        var quoted = string.Concat(Enumerable.Repeat("备付金集中存管以后", 6));
        var message = Chats.Message(Day, 169, "10:21:00", "小明", $"「阿森：{quoted}」 - - - - 那清算怎么走？");

        Assert.Equal($"「{quoted[..40]}…」那清算怎么走？", QuestionText.Build([message]));
    }

    [Fact]
    public void A_quoted_reply_that_only_thanks_adds_no_question()
    {
        var messages = new[]
        {
            Chats.Message(Day, 10, "10:20:00", "小明", "二清怎么界定？"),
            Chats.Message(Day, 14, "10:21:00", "小明", "「阿森：资金先进平台账户就是二清」 - - - - 谢谢"),
        };

        Assert.Equal("二清怎么界定？", QuestionText.Build(messages));
    }

    [Fact]
    public void A_question_of_only_a_mention_and_emoji_says_so()
    {
        Assert.Equal(QuestionText.Wordless, QuestionText.Build([Chats.Message(Day, 10, "15:31:36", "小明", "@周鑫-西安银行-产品经理 ？？？")]));
        Assert.Equal(QuestionText.Wordless, QuestionText.Build([Chats.Message(Day, 10, "15:31:36", "小明", "@龚晓冬-银商账户-产品-上海?[抱拳]")]));
    }

    [Fact]
    public void An_opener_alone_takes_the_question_from_the_askers_next_messages_before_the_first_answer()
    {
        var exchange = new Exchange("x-1", Day, [
            new(Chats.Message(Day, 10, "15:31:36", "小明", "请教一个问题"), MessageRole.Question),
            new(Chats.Message(Day, 14, "15:31:40", "小明", "中间件起的作用有多大？"), MessageRole.Context),
            new(Chats.Message(Day, 18, "15:31:45", "小红", "看场景"), MessageRole.Context),
            new(Chats.Message(Day, 22, "15:31:50", "小明", "知乎上看的[流汗]"), MessageRole.Context),
            new(Chats.Message(Day, 26, "15:32:00", "老王", "中间件是平台的骨架"), MessageRole.Answer),
            new(Chats.Message(Day, 30, "15:32:10", "小明", "效率好像很高"), MessageRole.Context),
        ], 0.5);

        var (text, from) = QuestionText.Build(exchange);

        Assert.Equal("中间件起的作用有多大？知乎上看的", text);
        Assert.Equal([14, 22], from.Select(m => m.Source.Line));
        // With nothing after it, the opener stays the question.
        Assert.Equal("请教一个问题", QuestionText.Build(exchange with { Messages = exchange.Messages.Take(1).ToList() }).Text);
    }

    [Fact]
    public void A_question_that_points_back_is_shown_after_what_it_follows_up_on()
    {
        var exchange = new Exchange("x-1", Day, [
            new(Chats.Message(Day, 6, "15:31:00", "老王", "@小红 这家公司刚拿了融资，准备做支付，已经在找通道和银行谈合作了"), MessageRole.Context),
            new(Chats.Message(Day, 10, "15:31:36", "小明", "这个公司有支付牌照吗？"), MessageRole.Question),
            new(Chats.Message(Day, 14, "15:32:00", "老王", "没有，走的持牌机构"), MessageRole.Answer),
        ], 0.5);

        var (text, from) = QuestionText.Build(exchange);

        Assert.Equal("「这家公司刚拿了融资，准备做支付，已经在找通道和银行谈合作了」这个公司有支付牌照吗？", text);
        Assert.Equal([10], from.Select(m => m.Source.Line));
        // A quoted reply shows its quote instead.
        var quoted = exchange with { Messages = [exchange.Messages[0], new(Chats.Message(Day, 10, "15:31:36", "小明", "「老王：这家公司刚拿了融资」 - - - - - - - - 这个公司有支付牌照吗？"), MessageRole.Question)] };
        Assert.Equal("「这家公司刚拿了融资」这个公司有支付牌照吗？", QuestionText.Build(quoted).Text);
    }

    [Fact]
    public void A_question_that_is_only_a_greeting_keeps_its_cleaned_text()
    {
        Assert.Equal("请教各位大神", QuestionText.Build([Chats.Message(Day, 10, "15:31:36", "小明", "@钟文帅 请教各位大神")]));
    }

    [Fact]
    public void The_mention_list_of_the_reader_is_used()
    {
        var message = Chats.Message(Day, 10, "15:31:36", "小明", "@何卓-翼支付-风险经理-上海?风控规则一般多久更新一次？");

        Assert.Equal(MessageKind.Text, message.Kind);
        Assert.Equal("风控规则一般多久更新一次？", QuestionText.Build([message]));
    }
}
