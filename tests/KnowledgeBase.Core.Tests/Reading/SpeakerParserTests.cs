using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

public sealed class SpeakerParserTests
{
    [Theory]
    [InlineData("钟文帅-天下支付PM-深圳", "钟文帅", "天下支付", "PM", "深圳")]
    [InlineData("杜雷-乐天-技术", "杜雷", "乐天", "技术", null)]
    [InlineData("何卓-翼支付-风险经理-上海", "何卓", "翼支付", "风险经理", "上海")]
    [InlineData("王亮~京东金融~开发经理~北京", "王亮", "京东金融", "开发经理", "北京")]
    [InlineData("贾春亮—亿联银行—研发—北京", "贾春亮", "亿联银行", "研发", "北京")]
    [InlineData("传奇～优信～技术", "传奇", "优信", "技术", null)]
    [InlineData("张三|支付宝|产品", "张三", "支付宝", "产品", null)]
    [InlineData("洪宇明_平安_开发_深圳", "洪宇明", "平安", "开发", "深圳")]
    [InlineData("小冰 云先知 技术 杭州", "小冰", "云先知", "技术", "杭州")]
    [InlineData("周文豪-环球易购-PM深圳", "周文豪", "环球易购", "PM", "深圳")]
    [InlineData("陆风-普信-北京PM", "陆风", "普信", "PM", "北京")]
    [InlineData("胖民工-成都-金信服-打杂", "胖民工", "金信服", "打杂", "成都")]
    [InlineData("Codefor-一亩田-TechLead-BJ", "Codefor", "一亩田", "TechLead", "BJ")]
    [InlineData("利平--KD银企直连--攻城狮", "利平", "KD银企直连", "攻城狮", null)]
    [InlineData("唐果-明渠清算-产品经理", "唐果", "明渠清算", "产品经理", null)]
    [InlineData("顾北-青禾资产管理-技术-广州", "顾北", "青禾资产管理", "技术", "广州")]
    [InlineData("老周-苏宁金融", "老周", "苏宁金融", null, null)]
    [InlineData("杨彧-微众-", "杨彧", "微众", null, null)]
    public void Nick_following_the_habit_is_split(string raw, string name, string? company, string? role, string? city) =>
        Assert.Equal(new Speaker(raw, name, company, role, city), SpeakerParser.Parse(raw));

    [Theory]
    [InlineData("caozhiyang")]
    [InlineData("Merry(黄燕)")]
    [InlineData("Merry（黄燕）")]
    [InlineData("Leo Qin")]
    [InlineData("shawn 风自由")]
    [InlineData("howard_wang001")]
    [InlineData("Jean-Luc")]
    [InlineData("??刘莎")]
    [InlineData("Conny??")]
    [InlineData("我")]
    [InlineData("-开头是分隔符")]
    public void Plain_nick_is_the_name(string raw) => Assert.Equal(new Speaker(raw, raw), SpeakerParser.Parse(raw));

    [Fact]
    public void Nick_is_trimmed_and_entities_decoded()
    {
        var speaker = SpeakerParser.Parse("  付云-农业-ERP&amp;amp;电商-成都 ");

        Assert.Equal(new Speaker("付云-农业-ERP&电商-成都", "付云", "农业", "ERP&电商", "成都"), speaker);
    }

    [Fact]
    public void Blank_nick_gives_an_empty_speaker() => Assert.Equal(new Speaker("", ""), SpeakerParser.Parse("   "));
}
