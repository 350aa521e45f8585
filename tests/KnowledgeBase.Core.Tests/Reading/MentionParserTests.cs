using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

public sealed class MentionParserTests
{
    [Theory]
    [InlineData("@何卓-翼支付-风险经理-上海?请问", "何卓-翼支付-风险经理-上海")]
    [InlineData("@何卓-翼支付-风险经理-上海\u2005请问", "何卓-翼支付-风险经理-上海")]
    [InlineData("请教 @林晓 一个问题", "林晓")]
    [InlineData("谢谢@林晓", "林晓")]
    [InlineData("@林晓，在吗", "林晓")]
    [InlineData("@林晓?[握手]", "林晓")]
    [InlineData("@??项志文-平安互金-产品?好", "??项志文-平安互金-产品")]
    [InlineData("@付云-农业-ERP&电商-成都?在", "付云-农业-ERP&电商-成都")]
    [InlineData("@Merry(黄燕)\u3000你好", "Merry(黄燕)")]
    [InlineData("@林晓", "林晓")]
    [InlineData("好的@张三", "张三")]
    [InlineData("我的邮箱1042026665@qq.com，@张三 收到", "张三")]
    [InlineData("主讲嘉宾:@雪鹰-快捷通-架构 ", "雪鹰-快捷通-架构")]
    [InlineData("主讲嘉宾:@Json ", "Json")]
    [InlineData("看UX@英—现金贷—产品 的", "英—现金贷—产品")]
    public void Finds_the_name(string text, string name) => Assert.Equal([name], MentionParser.Find(text));

    [Theory]
    [InlineData("发到 ops@example.com")]
    [InlineData("我的邮箱1042026665@qq.com [抱拳] 先谢谢了。")]
    [InlineData("cheng.xi@example.com")]
    [InlineData("简历发 a_b%c+d-e@mail.example.com，谢谢")]
    [InlineData("http://weibo.com/@someone")]
    [InlineData("@?? 只有问号")]
    [InlineData("@ 空格")]
    [InlineData("没有提到任何人")]
    [InlineData("@")]
    public void Finds_nothing(string text) => Assert.Empty(MentionParser.Find(text));

    [Fact]
    public void Several_mentions_in_order_without_duplicates() =>
        Assert.Equal(["周明远", "许薇-星河支付", "高远"], MentionParser.Find("@周明远\u2005@许薇-星河支付\u2005@周明远 还有 @高远"));

    [Fact]
    public void Runaway_name_is_cut() =>
        Assert.Equal(MentionParser.MaxNameLength, Assert.Single(MentionParser.Find("@" + new string('长', 100))).Length);

    [Theory]
    [InlineData("@冯威-微保科技- COO?三方支付机构", "冯威-微保科技-", "@冯威-微保科技- COO")]
    [InlineData("@网联 张腕越?银联卡品牌费", "网联", "@网联 张腕越")]
    [InlineData("@张于刚-支付产品??-杭州?网联现在", "张于刚-支付产品", "@张于刚-支付产品??-杭州")]
    [InlineData("@Summer 梁夏-丰瑞祥-GM-BJ  恩恩", "Summer", "@Summer 梁夏-丰瑞祥-GM-BJ")]
    [InlineData("@Wang 王亮～京东金融～开发  收到", "Wang", "@Wang 王亮～京东金融～开发")]
    [InlineData("@张三 你怎么看?我觉得可以", "张三", "@张三")]
    [InlineData("@张三 在吗?", "张三", "@张三")]
    [InlineData("@张三 下周日  见", "张三", "@张三")]
    [InlineData("多谢@亚楠 的分享?问题多", "亚楠", "多谢@亚楠")]
    public void A_nick_with_a_space_or_lost_emoji_ends_at_the_separator_after_it(string text, string name, string nick)
    {
        Assert.Equal(name, MentionParser.Find(text)[0]);
        var at = text.IndexOf('@', StringComparison.Ordinal);

        Assert.Equal(nick, text[..MentionParser.NickEnd(text, at + 1 + name.Length)]);
    }
}
