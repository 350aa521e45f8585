using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Tests.Curation;

/// <summary>A small build: two topics, four exchanges over two groups and days, three entries; one message is hostile HTML.</summary>
internal static class CurationFixture
{
    public const string Hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\">";

    public static KnowledgeBaseDocument Build(bool withNewDay = false)
    {
        var settleAsk = Message("proddev/2018-03-05-chat.markdown", 49, "2018-03-05T10:00:00", "张三-某支付-产品-上海", "张三", "二清的T+1结算怎么做轧差？");
        var settleReply = Message("proddev/2018-03-05-chat.markdown", 53, "2018-03-05T10:02:00", "李四-某银行-技术-北京", "李四", "按清算行的对账单，日终轧差后再出款。");
        var chatter = Message("proddev/2018-03-05-chat.markdown", 57, "2018-03-05T10:03:00", "王五", "王五", Hostile);
        var refundAsk = Message("proddev/2018-03-05-chat.markdown", 353, "2018-03-05T15:00:00", "赵六-某科技-CTO-深圳", "赵六", "退款垫资怎么处理？");
        var refundReply = Message("proddev/2018-03-05-chat.markdown", 360, "2018-03-05T15:05:00", "李四-某银行-技术-北京", "李四", "用备付金垫资，次日从结算款扣回。");
        var licenseAsk = Message("devarch/2018-04-26-chat.markdown", 12, "2018-04-26T09:00:00", "孙七", "孙七", "支付牌照<b>续展</b>要多久？");
        var licenseReply = Message("devarch/2018-04-26-chat.markdown", 20, "2018-04-26T09:10:00", "周八-某支付-合规", "周八", "一般半年，提前准备材料。");

        var exchanges = new List<Exchange>
        {
            new("x-settle", "proddev/2018-03-05-chat.markdown", [Cited(settleAsk, MessageRole.Question), Cited(settleReply, MessageRole.Answer), Cited(chatter, MessageRole.Context)], 0.9, "t-settle"),
            new("x-refund", "proddev/2018-03-05-chat.markdown", [Cited(refundAsk, MessageRole.Question), Cited(refundReply, MessageRole.Answer)], 0.7, "t-settle"),
            new("x-license", "devarch/2018-04-26-chat.markdown", [Cited(licenseAsk, MessageRole.Question), Cited(licenseReply, MessageRole.Answer)], 0.8, "t-license"),
        };
        var entries = new List<FaqEntry>
        {
            Entry("e-settle", "t-settle", "二清的T+1结算怎么做轧差？", "李四：按清算行的对账单，日终轧差后再出款。 " + Hostile, exchanges[0], 0.9),
            Entry("e-refund", "t-settle", "退款垫资怎么处理？", "李四：用备付金垫资，次日从结算款扣回。", exchanges[1], 0.7),
            Entry("e-license", "t-license", "支付牌照<b>续展</b>要多久？", "周八：一般半年，提前准备材料。", exchanges[2], 0.8),
        };

        if (withNewDay)
        {
            // A new day asks the settlement question again: the entry gains an exchange and a source.
            var againAsk = Message("proddev/2018-03-06-chat.markdown", 8, "2018-03-06T11:00:00", "钱九", "钱九", "轧差到底怎么做？");
            var againReply = Message("proddev/2018-03-06-chat.markdown", 9, "2018-03-06T11:01:00", "李四-某银行-技术-北京", "李四", "日终轧差。");
            var again = new Exchange("x-settle-2", "proddev/2018-03-06-chat.markdown", [Cited(againAsk, MessageRole.Question), Cited(againReply, MessageRole.Answer)], 0.6, "t-settle");
            exchanges.Add(again);
            var settle = entries[0];
            entries[0] = settle with
            {
                ExchangeIds = [.. settle.ExchangeIds, again.Id],
                Sources = [.. settle.Sources, againAsk.Source, againReply.Source],
            };
        }

        var topics = new List<Topic>
        {
            new("t-settle", "结算 / 轧差", ["结算", "轧差", "垫资"], withNewDay ? 3 : 2),
            new("t-license", "牌照", ["牌照", "续展"], 1),
        };
        return new KnowledgeBaseDocument(1, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new InputSummary("corpus", 2, 7, 0), topics, exchanges, entries);
    }

    /// <summary>The file of the settlement and refund questions.</summary>
    public const string Day = "proddev/2018-03-05-chat.markdown";

    // The build with every message of path `path` at `to` instead (the file renamed, or moved to another group folder),
    // and the exchanges and entries whose question is asked there renamed, as a build names them after the file.
    public static KnowledgeBaseDocument Renamed(KnowledgeBaseDocument build, string path, string to, Func<string, string> rename) =>
        Relocated(build, path, source => source with { Path = to }, rename);

    // The build with every message of path `by` lines further down (lines added above them), and the exchanges and
    // entries whose question is asked there renamed, as a build names them after the line of their question.
    public static KnowledgeBaseDocument Shifted(KnowledgeBaseDocument build, string path, int by, Func<string, string> rename) =>
        Relocated(build, path, source => source with { Line = source.Line + by }, rename);

    // The build with every message of path where `move` puts it, and the exchanges and entries whose question is asked
    // there renamed.
    private static KnowledgeBaseDocument Relocated(KnowledgeBaseDocument build, string path, Func<SourceRef, SourceRef> move, Func<string, string> rename)
    {
        var moved = build.Exchanges.Where(x => x.Path == path).Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        SourceRef There(SourceRef source) => source.Path == path ? move(source) : source;
        string Renamed(string id) => moved.Contains(id) ? rename(id) : id;
        return build with
        {
            Exchanges = build.Exchanges
                .Select(x => x with
                {
                    Id = Renamed(x.Id),
                    Path = x.Path == path ? move(new SourceRef(path, 1)).Path : x.Path,
                    Messages = x.Messages.Select(m => m with { Message = m.Message with { Source = There(m.Message.Source) } }).ToList(),
                })
                .ToList(),
            Entries = build.Entries
                .Select(e => e with
                {
                    Id = moved.Contains(e.ExchangeIds[0]) ? rename(e.Id) : e.Id,
                    ExchangeIds = e.ExchangeIds.Select(Renamed).ToList(),
                    Sources = e.Sources.Select(There).ToList(),
                })
                .ToList(),
        };
    }

    // The settlement question gone and the refund question on its line (304 lines up), so with its ids.
    public static KnowledgeBaseDocument RefundOnTheSettlementLine() =>
        Shifted(Without(CurationFixture.Build(), "settle"), Day, -304, id => id.Replace("refund", "settle", StringComparison.Ordinal));

    // The build without the exchange x-<name> and the entry e-<name>: their question no longer asked, or its file gone.
    public static KnowledgeBaseDocument Without(KnowledgeBaseDocument build, string name) => build with
    {
        Exchanges = build.Exchanges.Where(x => x.Id != "x-" + name).ToList(),
        Entries = build.Entries.Where(e => e.Id != "e-" + name).ToList(),
    };

    private static ChatMessage Message(string path, int line, string time, string raw, string name, string body)
    {
        var parts = raw.Split('-');
        var speaker = parts.Length >= 3 ? new Speaker(raw, name, parts[1], parts[2], parts.Length > 3 ? parts[3] : null) : new Speaker(raw, name);
        return new ChatMessage(new SourceRef(path, line), DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), speaker, body, MessageKind.Text, []);
    }

    private static ExchangeMessage Cited(ChatMessage message, MessageRole role) => new(message, role, []);

    private static FaqEntry Entry(string id, string topic, string question, string answer, Exchange exchange, double confidence)
    {
        var experts = exchange.Messages.Where(m => m.Role == MessageRole.Answer)
            .GroupBy(m => m.Message.Speaker.Name)
            .Select(g => new Expert(g.Key, g.First().Message.Speaker.Company, g.First().Message.Speaker.Role, g.Count()))
            .ToList();
        var sources = exchange.Messages.Where(m => m.Role != MessageRole.Context).Select(m => m.Message.Source).ToList();
        return new FaqEntry(id, topic, question, answer, [exchange.Id], "candidate", ["关键词"], experts, confidence, sources);
    }
}
