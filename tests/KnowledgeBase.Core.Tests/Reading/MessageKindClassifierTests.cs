using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

public sealed class MessageKindClassifierTests
{
    [Theory]
    [InlineData("", MessageKind.Empty)]
    [InlineData("![2018-03-05 07:58:11](http://static.cocolian.cn/img/201803/20180305_075811.png)", MessageKind.Image)]
    [InlineData("![a](http://x/a.png)\n![b](http://x/b.png)", MessageKind.Image)]
    [InlineData("[条码支付业务规范](http://www.pbc.gov.cn/index.html?from=timeline)", MessageKind.Link)]
    [InlineData("https://github.com/example/payments", MessageKind.Link)]
    [InlineData("www.example.com", MessageKind.Link)]
    [InlineData("<https://example.com>", MessageKind.Link)]
    [InlineData("腾讯区块链白皮书.pdf", MessageKind.Link)]
    [InlineData("Bin_2017-12-15.xls", MessageKind.Link)]
    [InlineData("[捂脸]", MessageKind.Emoji)]
    [InlineData("[强][强][强]", MessageKind.Emoji)]
    [InlineData("[OK] ??", MessageKind.Emoji)]
    [InlineData("👍👍", MessageKind.Emoji)]
    [InlineData("???♂?", MessageKind.Emoji)]
    [InlineData("[[动画表情]](<tr style='x'><td>1@chatroom)", MessageKind.Emoji)]
    [InlineData("【电脑签到】某某 签到", MessageKind.System)]
    [InlineData("微信红包", MessageKind.System)]
    [InlineData("[微信红包](https://wxapp.tenpay.com/mmpayhb/wxhb_personalreceive?x=1)", MessageKind.System)]
    [InlineData("[kxg80123:](<?xml version=\"1.0\"?>)", MessageKind.System)]
    [InlineData("wxid_nc1f44ewkf5n22:", MessageKind.System)]
    [InlineData("q822090866:", MessageKind.System)]
    [InlineData("签到", MessageKind.Text)]
    [InlineData("签到[强]", MessageKind.Text)]
    [InlineData("[1]", MessageKind.Text)]
    [InlineData("???", MessageKind.Text)]
    [InlineData("看这篇 https://example.com 写得好", MessageKind.Text)]
    [InlineData("这个文件在哪下载.pdf 吗", MessageKind.Text)]
    [InlineData("a < b 吗", MessageKind.Text)]
    [InlineData("```\ncode\n```", MessageKind.Text)]
    public void Classifies(string text, MessageKind expected) => Assert.Equal(expected, MessageKindClassifier.Classify(text, text));

    public static TheoryData<string> Pathological => new()
    {
        new string('[', 3000) + "](x)",
        string.Concat(Enumerable.Repeat("- ", 2000)) + "http://x",
        string.Concat(Enumerable.Repeat("> ", 2000)) + "http://x",
        string.Concat(Enumerable.Repeat("*a_", 1300)) + "](x)",
        string.Concat(Enumerable.Repeat("<a ", 1300)) + "](x)",
        "[a](http://x)" + new string('!', 10000),
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_markup_is_plain_text(string text) => Assert.Equal(MessageKind.Text, MessageKindClassifier.Classify(text, text));
}
