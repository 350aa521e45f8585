using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Tests.Export;

namespace KnowledgeBase.Core.Tests.Privacy;

/// <summary>
/// An @mention whose nick goes on after the name the document knows the person by: the whole nick goes with the
/// pseudonym (company, role and city stayed after it, <c>@成员-5C27F6BC-丰瑞祥-GM-BJ 哦</c>), and text after a short nick
/// stays. In each example <c>{name}</c> stands for the pseudonym of that name.
/// </summary>
public sealed class SpeakerPseudonymizerTests
{
    private const string Path = "proddev/2018-03-06-chat.markdown";

    // Known by a short nick (张三, 李四, 王五) or by the whole nick (赵六-丰瑞祥-北京).
    private static readonly Speaker[] Members =
    [
        new("张三", "张三"),
        new("李四", "李四"),
        new("王五", "王五"),
        SpeakerParser.Parse("赵六-丰瑞祥-北京"),
    ];

    [Theory]
    [InlineData("@张三-丰瑞祥-GM-BJ 哦，谢谢！", "@{张三} 哦，谢谢！")]
    [InlineData("@李四|新生|跨境支付", "@{李四}")]
    [InlineData("@李四|新生|跨境支付?实时汇率如何规避汇率波动？", "@{李四}?实时汇率如何规避汇率波动？")]
    [InlineData("@王五-北京?明白，谢谢", "@{王五}?明白，谢谢")]
    [InlineData("好的，谢谢！@王五-北京?", "好的，谢谢！@{王五}?")]
    [InlineData("@王五－产品－上海  恩恩", "@{王五}  恩恩")]
    [InlineData("@张三-支付产品??-杭州?是的", "@{张三}?是的")]
    [InlineData("@张三-北京@李四|新生|跨境支付 你们好", "@{张三}@{李四} 你们好")]
    [InlineData("OK，谢谢了@王五 -信用卡中心-HK", "OK，谢谢了@{王五}")]
    [InlineData("@王五 -海尔金控 -支付-赵六 最终要怎么解决呢", "@{王五} 最终要怎么解决呢")]
    [InlineData("@王五 | 即信 | 产品 | 上海 司法这块提供证明是个什么流程", "@{王五} 司法这块提供证明是个什么流程")]
    [InlineData("@王五 - 小黑鱼 - 上海 你们的app叫啥名字呢", "@{王五} 你们的app叫啥名字呢")]
    [InlineData("@王五 百度金融pm 北京 共享充电宝，现在都在这样玩", "@{王五} 共享充电宝，现在都在这样玩")]
    public void The_rest_of_a_short_nick_goes_with_the_pseudonym(string text, string expected) =>
        Assert.Equal(Expected(expected), Pseudonyms().ReplaceMentions(text));

    [Theory]
    [InlineData("@赵六-丰瑞祥-北京 哦", "@{赵六} 哦")]
    [InlineData("@赵六-丰瑞祥 哦", "@{赵六} 哦")]
    [InlineData("@赵六-丰瑞祥，你好", "@{赵六}，你好")]
    public void A_mention_of_a_nick_or_of_its_parts_goes_whole(string text, string expected) =>
        Assert.Equal(Expected(expected), Pseudonyms().ReplaceMentions(text));

    [Theory]
    [InlineData("@张三 你好")]
    [InlineData("@张三-你说的对 我觉得可以")]
    [InlineData("@张三-你说的对")]
    [InlineData("@张三—对，就是这样")]
    [InlineData("@张三-你-说的对 哈哈")]
    [InlineData("@张三-北京的同事怎么看?")]
    [InlineData("@张三-说的是产品 吧")]
    [InlineData("@张三 - 我觉得可以")]
    [InlineData("@张三 -你说的对")]
    [InlineData("@张三 -你说的对 -哈哈")]
    [InlineData("@张三 找成熟产品")]
    public void Text_after_a_short_nick_stays(string text)
    {
        var pseudonyms = Pseudonyms();

        Assert.Equal(text.Replace("张三", pseudonyms.Of("张三"), StringComparison.Ordinal), pseudonyms.ReplaceMentions(text));
    }

    [Theory]
    [InlineData("Tom 孙七", "@Tom 孙七-丰瑞祥-GM-BJ 哦，他们是通过什么方式串联上的呢？", "@{} 哦，他们是通过什么方式串联上的呢？")]
    [InlineData("Jin 周八", "@Jin 周八|新生|跨境支付   银联接入微信，支付宝的交易路径", "@{}   银联接入微信，支付宝的交易路径")]
    [InlineData("吴九@Example.com", "@吴九@Example.com-北京?明白，谢谢", "@{}?明白，谢谢")]
    [InlineData("Tom 孙七", "@Tom 孙七 哦，谢谢", "@{} 哦，谢谢")]
    [InlineData("Tom 孙七", "@Tom 孙七-你说的对 我觉得可以", "@{}-你说的对 我觉得可以")]
    public void A_message_mentioning_a_nick_the_mention_parser_cut_short_keeps_none_of_it(string nick, string body, string expected)
    {
        // As in the corpus: the mention found stops at the space or the '@' ("Tom"), the document knows the speaker "Tom 孙七".
        var talk = new Exchange(
            "x-nick-rest",
            Path,
            [
                new ExchangeMessage(SampleDocuments.Message(Path, 3, "2018-03-06T10:00:00", SpeakerParser.Parse(nick), "他们是通过什么方式串联上的呢？"), MessageRole.Question),
                new ExchangeMessage(SampleDocuments.Message(Path, 5, "2018-03-06T10:01:00", Members[0], body, mentions: MentionParser.Find(body)), MessageRole.Answer),
            ],
            0.8,
            "t-licence");
        var document = SampleDocuments.Payments() with { Exchanges = [talk], Entries = [] };

        var masked = PersonalDataMasker.Mask(document, new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" });

        var messages = masked.Exchanges[0].Messages.Select(m => m.Message).ToList();
        Assert.Equal(expected.Replace("{}", messages[0].Speaker.Raw, StringComparison.Ordinal), messages[1].Body);
    }

    // An entry shows a mention inside a sentence by the person's name (ChatText.Clean), which no member has here.
    [Theory]
    [InlineData("我的看法和@孙七-丰瑞祥-GM-BJ 一致，二清要看资金流", "孙七-丰瑞祥-GM-BJ", "我的看法和@{} 一致，二清要看资金流")]
    [InlineData("看看@Jin He 何瑾|新生|跨境支付 的方案", "Jin", "看看@{} 的方案")]
    [InlineData("问下@易宝支付-李桂明-北京 的方案", "易宝支付-李桂明-北京", "问下@{} 的方案")]
    public void The_name_an_entry_shows_for_a_mention_is_replaced(string body, string mention, string expected)
    {
        var message = SampleDocuments.Message(Path, 9, "2018-03-06T10:05:00", Members[0], body, mentions: MentionParser.Find(body));
        var talk = new Exchange("x-mid", Path, [new ExchangeMessage(message, MessageRole.Answer)], 0.8, "t-licence");
        var pseudonyms = SpeakerPseudonymizer.For(SampleDocuments.Payments() with { Exchanges = [talk], Entries = [] }, "k");

        var shown = ChatText.Clean(message.Text, message.Mentions);

        Assert.Equal(expected.Replace("{}", pseudonyms.Of(mention), StringComparison.Ordinal), pseudonyms.ReplaceMentions(shown));
    }

    [Fact]
    public void A_nick_that_starts_with_its_company_is_the_person_named_in_it()
    {
        var nick = SpeakerParser.Parse("廊坊银行-架构师-朱文义");
        var message = new ExchangeMessage(SampleDocuments.Message(Path, 3, "2018-03-06T10:00:00", nick, "嗯"), MessageRole.Context);
        var document = SampleDocuments.Payments() with { Exchanges = [new Exchange("x-company-first", Path, [message], 0.8, "t-licence")], Entries = [] };

        var pseudonyms = SpeakerPseudonymizer.For(document, "k");

        Assert.Equal(pseudonyms.Of(nick.Raw), pseudonyms.Of("朱文义"));
        Assert.Equal($"刚才{pseudonyms.Of(nick.Raw)}说的对", pseudonyms.ReplaceNames("刚才朱文义说的对"));
    }

    private static SpeakerPseudonymizer Pseudonyms()
    {
        var messages = Members.Select((m, i) =>
            new ExchangeMessage(SampleDocuments.Message(Path, 3 + i, "2018-03-06T10:00:00", m, "嗯"), MessageRole.Context)).ToList();
        var document = SampleDocuments.Payments() with { Exchanges = [new Exchange("x-members", Path, messages, 0.8, "t-licence")], Entries = [] };
        return SpeakerPseudonymizer.For(document, "k");
    }

    private static string Expected(string expected)
    {
        var pseudonyms = Pseudonyms();
        foreach (var member in Members)
        {
            expected = expected.Replace($"{{{member.Name}}}", pseudonyms.Of(member.Raw), StringComparison.Ordinal);
        }

        return expected;
    }
}
