using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Tests.Export;

/// <summary>Small knowledge bases built in code, shaped like a real build: two topics, three exchanges, two entries.</summary>
internal static class SampleDocuments
{
    public static readonly Speaker Zhang = new("张三-某银行-产品-上海", "张三", "某银行", "产品", "上海");
    public static readonly Speaker Li = new("李四｜网联｜架构", "李四", "网联", "架构");
    public static readonly Speaker Wang = new("王五", "王五");
    public static readonly Speaker Hacker = new("<b>坏人</b>", "<b>坏人</b>");

    /// <summary>Payment Q&amp;A with personal data, an @mention, a quote, a duplicate and hostile HTML in chat text.</summary>
    public static KnowledgeBaseDocument Payments()
    {
        const string march = "proddev/2018-03-05-chat.markdown";
        const string april = "devarch/2018-04-12-chat.markdown";

        var licence = new Exchange(
            "x-0a1b2c3d",
            march,
            [
                new ExchangeMessage(Message(march, 12, "2018-03-05T09:15:02", Zhang, "请问办理支付牌照需要多少注册资本？急，电话13812345678"), MessageRole.Question),
                new ExchangeMessage(Message(march, 15, "2018-03-05T09:16:40", Li, "@张三-某银行-产品-上海 全国性的一个亿实缴，看央行2号令", mentions: ["张三-某银行-产品-上海"]), MessageRole.Answer),
                new ExchangeMessage(Message(march, 18, "2018-03-05T09:17:05", Wang, "[强]", MessageKind.Emoji), MessageRole.Context, [new SourceRef("proddev/2018-03-05-chat (1).markdown", 18)]),
            ],
            0.91,
            "t-licence");
        var payout = new Exchange(
            "x-4e5f6a7b",
            april,
            [
                new ExchangeMessage(Message(april, 30, "2018-04-12T14:02:11", Hacker, "代付失败怎么查？<script>alert('x')</script> 卡号6222021234567894"), MessageRole.Question),
                new ExchangeMessage(
                    Message(
                        april,
                        34,
                        "2018-04-12T14:05:59",
                        Li,
                        "「<b>坏人</b>：代付失败怎么查？」 - - - - 先看对账单的失败码 <img src=x onerror=alert(1)>，邮件 li.si@example.com",
                        quote: new QuotedReply("<b>坏人</b>", "代付失败怎么查？", "先看对账单的失败码 <img src=x onerror=alert(1)>，邮件 li.si@example.com")),
                    MessageRole.Answer),
            ],
            0.77,
            "t-payout");
        var payoutAgain = new Exchange(
            "x-8c9d0e1f",
            april,
            [
                new ExchangeMessage(Message(april, 52, "2018-04-12T16:40:00", Zhang, "代付T+0失败一般是什么原因"), MessageRole.Question),
                new ExchangeMessage(Message(april, 55, "2018-04-12T16:41:30", Li, "多半是备付金不足 & 限额"), MessageRole.Answer),
            ],
            0.64,
            "t-payout");

        return new KnowledgeBaseDocument(
            KnowledgeBaseDocument.CurrentSchemaVersion,
            new DateTimeOffset(2018, 6, 30, 12, 0, 0, TimeSpan.Zero),
            new InputSummary("../shared/corpus", 2, 120, 0),
            [
                new Topic("t-licence", "支付牌照", ["牌照", "注册资本", "2号令"], 1),
                new Topic("t-payout", "代付与对账", ["代付", "对账单", "备付金"], 2),
            ],
            [licence, payout, payoutAgain],
            [
                new FaqEntry(
                    "e-5d41402a",
                    "t-licence",
                    "办理支付牌照需要多少注册资本？",
                    "李四（网联·架构）：全国性的一个亿实缴，看央行2号令",
                    ["x-0a1b2c3d"],
                    "candidate",
                    ["牌照", "注册资本"],
                    [new Expert("李四", "网联", "架构", 1)],
                    0.91,
                    [new SourceRef(march, 12), new SourceRef(march, 15)]),
                new FaqEntry(
                    "e-7d793037",
                    "t-payout",
                    "代付失败怎么查？<script>alert('x')</script>",
                    "李四（网联·架构）：先看对账单的失败码 <img src=x onerror=alert(1)>\n李四（网联·架构）：多半是备付金不足 & 限额",
                    ["x-4e5f6a7b", "x-8c9d0e1f"],
                    "approved",
                    ["代付", "对账单"],
                    [new Expert("李四", "网联", "架构", 2), new Expert("<b>坏人</b>", null, null, 0)],
                    0.77,
                    [new SourceRef(april, 30), new SourceRef(april, 34), new SourceRef(april, 52), new SourceRef(april, 55)]),
            ]);
    }

    /// <summary>
    /// <see cref="Payments"/> with the payout topic holding two entries (one per exchange), the licence topic one, and one
    /// entry of a topic the document does not list.
    /// </summary>
    public static KnowledgeBaseDocument ThreeTopicSizes()
    {
        var document = Payments();
        var (licence, payout) = (document.Entries[0], document.Entries[1]);
        return document with
        {
            Entries =
            [
                licence,
                payout with { ExchangeIds = ["x-4e5f6a7b"] },
                payout with { Id = "e-8c9d0e1f", Question = "代付T+0失败一般是什么原因", ExchangeIds = ["x-8c9d0e1f"] },
                licence with { Id = "e-0f0f0f0f", TopicId = "t-gone" },
            ],
        };
    }

    public static ChatMessage Message(
        string path,
        int line,
        string time,
        Speaker speaker,
        string body,
        MessageKind kind = MessageKind.Text,
        IReadOnlyList<string>? mentions = null,
        QuotedReply? quote = null) =>
        new(new SourceRef(path, line), DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), speaker, body, kind, mentions ?? [], quote);
}
