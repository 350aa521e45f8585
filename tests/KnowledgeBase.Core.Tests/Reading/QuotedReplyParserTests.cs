using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

public sealed class QuotedReplyParserTests
{
    [Theory]
    [InlineData("「田浩：奶有多大？」 - - - - - - - - - - - - - - - 我没看见", "田浩", "奶有多大？", "我没看见")]
    [InlineData("「 周雅-途虎-支付PM-上海: 费率多少？ 」 - - - - - - - - - - - - - - - 看场景", "周雅-途虎-支付PM-上海", "费率多少？", "看场景")]
    [InlineData("「 何卓-翼支付-风控-上海: 那怎么处理 」 - - - - - - - - - - - - - - - ", "何卓-翼支付-风控-上海", "那怎么处理", "")]
    [InlineData("? 梁东-亿付-技术经理: 要组合记账接口么? ? - - - - - - - - - - - - - - - 不太合理", "梁东-亿付-技术经理", "要组合记账接口么?", "不太合理")]
    [InlineData("「林晓：场景:线下」 - - - - 好", "林晓", "场景:线下", "好")]
    [InlineData("「林晓：第一行\n第二行」 - - - - 回复\n两行", "林晓", "第一行\n第二行", "回复\n两行")]
    public void Reads_the_quote(string body, string name, string quoted, string reply) =>
        Assert.Equal(new QuotedReply(name, quoted, reply), QuotedReplyParser.Parse(body));

    [Theory]
    [InlineData("我们叫它「影子账户」")]
    [InlineData("「影子账户」的说法")]
    [InlineData("「没有冒号」 - - - - 回复")]
    [InlineData("「林晓：少了破折号」 - - 回复")]
    [InlineData("? 问号开头: 但没有分隔")]
    [InlineData("??? 表情丢了")]
    [InlineData("")]
    public void Ignores_what_is_not_a_quote(string body) => Assert.Null(QuotedReplyParser.Parse(body));
}
