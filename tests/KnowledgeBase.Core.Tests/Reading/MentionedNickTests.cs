using CsCheck;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

/// <summary>
/// The whole nick of a mention the parser stopped short of, from the corpus: the rest of it goes with the name, text
/// after it stays.
/// </summary>
public sealed class MentionedNickTests
{
    [Theory]
    [InlineData("@Summer 梁夏-丰瑞祥-GM-BJ 蚂蚁金服有哪些？是公开的。", "Summer 梁夏-丰瑞祥-GM-BJ")]
    [InlineData("@Summer 梁夏-丰瑞祥-GM-BJ?是的", "Summer 梁夏-丰瑞祥-GM-BJ")]
    [InlineData("@平安银行总行 深圳 平安银行在线支付产品有支持微信吗", "平安银行总行 深圳")]
    [InlineData("@凡艳辉 | 即信 | 产品 | 上海 司法这块提供证明是个什么流程", "凡艳辉 | 即信 | 产品 | 上海")]
    [InlineData("@Jin He 何瑾|新生|跨境支付 微信不承担清算", "Jin He 何瑾|新生|跨境支付")]
    [InlineData("到底刷什么@罗科勤 银联 风控产品经理?", "罗科勤 银联 风控产品经理")]
    [InlineData("@降峰 百度金融pm 北京 共享充电宝，现在都在这样玩", "降峰 百度金融pm 北京")]
    [InlineData("@范昌彬 平安金科 支付 上海  嗯，主要是方便公众号平台", "范昌彬 平安金科 支付 上海")]
    [InlineData("@Kylin Rpay MD AUS 请问你们负责结算资金给商户吗？", "Kylin Rpay MD AUS")]
    [InlineData("@Allen -开元金融-技术经理-北京 这是个胖收银台的架构吧", "Allen -开元金融-技术经理-北京")]
    [InlineData("@shawn - 小黑鱼 - 上海 你们的app叫啥名字呢", "shawn - 小黑鱼 - 上海")]
    [InlineData("最下面这个数字是干嘛用的？@Phyllis Min -信用卡中心-HK", "Phyllis Min -信用卡中心-HK")]
    [InlineData("@孔晓光 丰瑞祥CTO 赞， 找时间给大伙讲讲吧", "孔晓光 丰瑞祥CTO")]
    [InlineData("@杨彧-微众- 支付产品经理-上海 个人注册和商户入网时分别开的", "杨彧-微众- 支付产品经理-上海")]
    [InlineData("不用审核商户了呢@张于刚-支付产品??-杭州?", "张于刚-支付产品??-杭州")]
    [InlineData("做什么的呀@裕福 风控 郝", "裕福 风控 郝")]
    [InlineData("@网联 张腕越?银联卡品牌费网联需要给银联吗？", "网联 张腕越")]
    public void The_rest_of_a_nick_goes_with_the_name(string text, string nick) => Assert.Equal(nick, Nick(text));

    [Theory]
    [InlineData("@张三 你怎么看?我觉得可以")]
    [InlineData("@张三 好的 一起?")]
    [InlineData("@张三 下周日  见")]
    [InlineData("@张三 收到")]
    [InlineData("@张三 产品 怎么设计")]
    [InlineData("@张三 北京的同事怎么看")]
    [InlineData("@张三 - 我觉得可以")]
    [InlineData("@张三 -你说的对 -哈哈")]
    [InlineData("@Tom OK thanks")]
    [InlineData("@Ben-富友-产品 OK")]
    [InlineData("@Corey-深圳-农金圈 银联")]
    [InlineData("@Alive-杭州-金百仕支付-研发  别把 渠道对账和 商户的账务明细混在一起。")]
    [InlineData("@闫闯-直销银行-pm-北京 找成熟产品")]
    [InlineData("@陆周雷 分布式技术架构， 周末")]
    public void Text_after_a_nick_stays(string text)
    {
        var name = MentionParser.Find(text)[0];

        Assert.Equal(name, Nick(text));
    }

    [Fact]
    public void A_doubled_at_sign_belongs_to_the_mention()
    {
        const string text = "@@网联 张腕越?纯好玩，请教下";

        var span = Assert.Single(MentionedNick.Spans(text, MentionParser.Find(text)));

        Assert.Equal(0, span.At);
        Assert.Equal("网联 张腕越", text[span.NickStart..span.NickEnd]);
        Assert.Equal("纯好玩，请教下", text[span.End..]);
    }

    [Theory]
    [InlineData("@所有人群里都是各家支付公司的吗？", "群里都是各家支付公司的吗？")]
    [InlineData("@所有人。请问下那位有银联国际的业务操作规范？", "。请问下那位有银联国际的业务操作规范？")]
    [InlineData("@all  谁有最新的联行号啊？", "  谁有最新的联行号啊？")]
    [InlineData("@All谁有最新的联行号啊？", "谁有最新的联行号啊？")]
    public void Everyone_is_a_fixed_word(string text, string after)
    {
        var span = Assert.Single(MentionedNick.Spans(text, MentionParser.Find(text)));

        Assert.True(span.Everyone);
        Assert.Equal(after, text[span.End..]);
    }

    [Fact]
    public void Allen_is_somebody() =>
        Assert.False(Assert.Single(MentionedNick.Spans("@allen 你好", ["allen"])).Everyone);

    [Theory]
    [InlineData("发到 cheng.xi@example.com 就行")]
    [InlineData("我的邮箱1042026665@qq.com")]
    public void An_e_mail_address_holds_no_mention(string text) => Assert.Empty(MentionedNick.Spans(text, ["example.com", "qq.com"]));

    [Fact]
    public void A_mention_the_reader_did_not_list_is_found_where_a_separator_ends_it()
    {
        const string text = "「张三：@李四-丰瑞祥-北京 那你想一下代付的资金流」";

        var span = Assert.Single(MentionedNick.Spans(text, []));

        Assert.Equal("李四-丰瑞祥-北京", text[span.NickStart..span.NickEnd]);
    }

    [Theory]
    [InlineData("李宝-智慧生活(北京)-支付架构", "李宝")]
    [InlineData("车睿??-支付-北京", "车睿")]
    [InlineData("[澳觅支付_PM]Flugel-Yan", "Flugel-Yan")]
    [InlineData("易宝支付-李桂明-北京", "李桂明")]
    [InlineData("冷暖自知", "冷暖自知")]
    public void The_name_shown_is_the_parsed_name_without_lost_emoji(string nick, string name) =>
        Assert.Equal(name, MentionedNick.Name(nick));

    // Pieces of corpus mentions glued at random: the nick never ends before the name, past the text, or across
    // sentence punctuation or another mention.
    [Fact]
    public void The_nick_ends_within_the_text_and_its_sentence() =>
        Gen.OneOf(Gen.Const("@张三"), Gen.Const("@Summer"), Gen.Const("@龚晓冬-银联-产品"), Gen.OneOf(Pieces)).Array[1, 12].Select(string.Concat).Sample(text =>
        {
            foreach (var span in MentionedNick.Spans(text, MentionParser.Find(text)))
            {
                Assert.InRange(span.NickEnd, span.NickStart, text.Length);
                Assert.InRange(span.End, span.NickEnd, Math.Min(text.Length, span.NickEnd + 1));
                Assert.DoesNotContain(text[span.NickStart..span.NickEnd], c => c is '，' or '。' or '！' or '？' or '@');
            }
        }, iter: 3000);

    private static readonly string[] Pieces =
    [
        " ", "  ", "?", "??", "\u2005", "-", " - ", "|", " | ", "_", "北京", "深圳", "产品", "PM", "丰瑞祥", "丰瑞祥CTO", "风控产品经理",
        "Rpay", "MD", "你好", "的", "吗", "，", "。", "？", "@", "@@", "@所有人", "@all", "x@qq.com", "请问", "[微笑]",
    ];

    // The nick of the text's first mention.
    private static string Nick(string text)
    {
        var span = MentionedNick.Spans(text, MentionParser.Find(text))[0];
        return text[span.NickStart..span.NickEnd];
    }
}
