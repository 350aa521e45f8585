using CsCheck;
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

    // The company written into the role part, glued or after a space: the role is the run of role words at the end.
    [Theory]
    [InlineData("张泽雄-民生金服 项目总监", "张泽雄", "民生金服", "项目总监", null)]
    [InlineData("紫紫-随手记支付产品经理", "紫紫", "随手记支付", "产品经理", null)]
    [InlineData("艾梅-沃支付业务风控", "艾梅", "沃支付", "业务风控", null)]
    [InlineData("黄冈-北京敦煌网高级产品经理", "黄冈", "敦煌网", "高级产品经理", "北京")]
    [InlineData("张超千-点融网高级PM", "张超千", "点融网", "高级PM", null)]
    [InlineData("程文东-拉卡拉PL", "程文东", "拉卡拉", "PL", null)]
    [InlineData("荣飞-有赞Java资深工程师", "荣飞", "有赞", "Java资深工程师", null)]
    [InlineData("雷工-分润云联合创始人", "雷工", "分润云", "联合创始人", null)]
    [InlineData("李小-交通银行商户运营 支付PM", "李小", "交通银行商户运营", "支付PM", null)]
    [InlineData("石-鄞州银行，科技部开发", "石", "鄞州银行", "科技部开发", null)]
    [InlineData("瞅瞅-支付宝的产品经理", "瞅瞅", "支付宝", "产品经理", null)]
    [InlineData("徐玮 理房通支付开发经理", "徐玮", "理房通支付", "开发经理", null)]
    [InlineData("韩廷森-银联商务PM", "韩廷森", "银联商务", "PM", null)]
    [InlineData("郭程-微信支付商户运营腾讯", "郭程", "腾讯", "微信支付商户运营", null)]
    [InlineData("何一-商户运营京东", "何一", "京东", "商户运营", null)]
    public void Company_written_into_the_role_is_split_off(string raw, string name, string? company, string? role, string? city) =>
        Assert.Equal(new Speaker(raw, name, company, role, city), SpeakerParser.Parse(raw));

    // What would be left for the company is the trade (支付, 金融支付, 网银), one Chinese character, or no Chinese at all.
    [Theory]
    [InlineData("梁新华-北京-金融支付产品", "梁新华", "金融支付产品", "北京")]
    [InlineData("司徒言午-深圳-支付PM", "司徒言午", "支付PM", "深圳")]
    [InlineData("杨浩-支付研发-北京", "杨浩", "支付研发", "北京")]
    [InlineData("李晓勇-网银架构师", "李晓勇", "网银架构师", null)]
    [InlineData("Kelly.Z-折800风控主管", "Kelly.Z", "折800风控主管", null)]
    [InlineData("Nada-ping++PM", "Nada", "ping++PM", null)]
    public void Role_of_the_trade_alone_keeps_no_company(string raw, string name, string? role, string? city) =>
        Assert.Equal(new Speaker(raw, name, null, role, city), SpeakerParser.Parse(raw));

    // A nick that starts with its company, city or role, and names the person later by a Chinese name.
    [Theory]
    [InlineData("廊坊银行-架构师-朱文义", "朱文义", "廊坊银行", "架构师", null)]
    [InlineData("联金所-产品-马忠信-深圳", "马忠信", "联金所", "产品", "深圳")]
    [InlineData("成都-支付-架构-李科", "李科", "支付", "架构", "成都")]
    [InlineData("北京_易宝支付_研发_张成", "张成", "易宝支付", "研发", "北京")]
    [InlineData("互金产品-郑式静-杭州", "郑式静", null, "互金产品", "杭州")]
    [InlineData("新浪支付-祁瑞鑫", "祁瑞鑫", "新浪支付", null, null)]
    [InlineData("haier 金控 -支付 -张其州", "张其州", "haier 金控", "支付", null)]
    public void Name_written_after_the_company_or_city_is_the_name(string raw, string name, string? company, string? role, string? city) =>
        Assert.Equal(new Speaker(raw, name, company, role, city), SpeakerParser.Parse(raw));

    // Without a first part that is surely no name, or a later part that is surely one (a Chinese name with a common
    // surname, and only one such part), the first part stays the name.
    [Theory]
    [InlineData("钱途聚合-产品-广州-Gill", "钱途聚合")]
    [InlineData("电网～产品～时伯寅", "电网")]
    [InlineData("北京-木易", "北京")]
    [InlineData("上海-平安付-大树", "上海")]
    [InlineData("七月-汪晓明", "七月")]
    [InlineData("快捷支付-高汇通-张三", "快捷支付")]
    [InlineData("何卓-翼支付-风险经理-上海", "何卓")]
    [InlineData("wantasy-壹钱包-数据分析", "wantasy")]
    public void Name_stays_first_without_evidence(string raw, string name) =>
        Assert.Equal(name, SpeakerParser.Parse(raw).Name);

    // A company, a role or words of the trade first, and one later part that can only be a name though no surname
    // tells it: a Chinese word that is no city, role or company, or a Latin word in lower case.
    [Theory]
    [InlineData("有赞-支付产品架构-大海", "大海", "有赞", "支付产品架构", null)]
    [InlineData("支付产品-ellery-上海", "ellery", null, "支付产品", "上海")]
    [InlineData("支付～其州", "其州", null, "支付", null)]
    [InlineData("成都摩宝—技术—David", "David", "成都摩宝", "技术", null)]
    [InlineData("浙江草媒-产品经理-姚磊", "姚磊", "浙江草媒", "产品经理", null)]
    [InlineData("畅捷通支付|劉峰", "劉峰", "畅捷通支付", null, null)]
    public void Name_after_the_company_or_role_is_the_name_without_a_surname(string raw, string name, string? company, string? role, string? city) =>
        Assert.Equal(new Speaker(raw, name, company, role, city), SpeakerParser.Parse(raw));

    // '_', commas and spaces split a nick like '-' when its parts look like name, company, role and city: a later part
    // is a company (by its ending or a company of the trade), a role or a city, or the nick starts with its company and
    // names the person later. '_' and commas come before spaces.
    [Theory]
    [InlineData("蘑菇街_陈宗", "陈宗", "蘑菇街", null, null)]
    [InlineData("聚合支付_程昱", "程昱", "聚合支付", null, null)]
    [InlineData("北京_唯品会_王璠", "王璠", "唯品会", null, "北京")]
    [InlineData("吕文伟_兴业银行总行", "吕文伟", "兴业银行总行", null, null)]
    [InlineData("王志华_待业_金融系统建设", "王志华", "金融系统建设", "待业", null)]
    [InlineData("李通，社区半径产品专家", "李通", "社区半径", "产品专家", null)]
    [InlineData("安代成,实投金融", "安代成", "实投金融", null, null)]
    [InlineData("瑞瑾、东软、程序猿、武汉", "瑞瑾", "东软", "程序猿", "武汉")]
    [InlineData("朱黎明 海尔快捷通", "朱黎明", "海尔快捷通", null, null)]
    [InlineData("吴锦涛 和创金服", "吴锦涛", "和创金服", null, null)]
    [InlineData("勇 翼支付 技术管理", "勇", "翼支付", "技术管理", null)]
    [InlineData("乾橙科技_Summer 梁夏", "Summer 梁夏", "乾橙科技", null, null)]
    [InlineData("haier 三方支付  张其州", "张其州", "haier", "三方支付", null)]
    public void Nick_split_at_underscores_commas_or_spaces(string raw, string name, string? company, string? role, string? city) =>
        Assert.Equal(new Speaker(raw, name, company, role, city), SpeakerParser.Parse(raw));

    // name@company: a Chinese name beyond doubt, then one '@' and a company in Chinese or in capitals.
    [Theory]
    [InlineData("李伟@易宝支付", "李伟", "易宝支付", null)]
    [InlineData("周海鹏@中信云平台", "周海鹏", "中信云平台", null)]
    [InlineData("崔佳宁@ONO", "崔佳宁", "ONO", null)]
    [InlineData("王某@某某支付PM", "王某", "某某支付", "PM")]
    public void Name_at_a_company_is_split(string raw, string name, string company, string? role) =>
        Assert.Equal(new Speaker(raw, name, company, role), SpeakerParser.Parse(raw));

    [Theory]
    [InlineData("绅士@Tim")]
    [InlineData("叶晨@@Anthony")]
    [InlineData("Leo 劉斌@TransferEasy.com")]
    [InlineData("有渔@蔡")]
    public void Nick_with_an_at_sign_and_no_name_at_a_company_is_the_name(string raw) =>
        Assert.Equal(new Speaker(raw, raw), SpeakerParser.Parse(raw));

    // A part split at '-' may hold the role, the company and the city apart at spaces or commas, in any order.
    [Theory]
    [InlineData("Chess-技术总监 首付游", "Chess", "首付游", "技术总监", null)]
    [InlineData("冷暖自知-风控 裕福支付 北京", "冷暖自知", "裕福支付", "风控", "北京")]
    [InlineData("Stark-产品经理，银生宝", "Stark", "银生宝", "产品经理", null)]
    [InlineData("陈桂荣 翼支付 -研发组长", "陈桂荣", "翼支付", "研发组长", null)]
    [InlineData("罗强-上海讯联数据 PM", "罗强", "讯联数据", "PM", "上海")]
    public void Parts_written_apart_within_a_part_are_split(string raw, string name, string? company, string? role, string? city) =>
        Assert.Equal(new Speaker(raw, name, company, role, city), SpeakerParser.Parse(raw));

    // WeChat cuts a long nick short, sometimes inside the role word: the beginning of one right after a whole role word
    // is the role (技术总 of 技术总监); without a whole role word before it, it stays with the company.
    [Theory]
    [InlineData("田浩沛-银生宝电子支付公司技术总", "银生宝电子支付公司", "技术总")]
    [InlineData("林某-某某科技公司产品经", "某某科技公司", "产品经")]
    [InlineData("Richard-裕维金服技术负责", "裕维金服", "技术负责")]
    [InlineData("叶再飞-钱途互联-供应链融资平台架", "钱途互联", "供应链融资平台架")]
    public void Role_cut_short_at_the_end_is_split_off_the_company(string raw, string company, string role)
    {
        var speaker = SpeakerParser.Parse(raw);

        Assert.Equal((company, role), (speaker.Company, speaker.Role));
    }

    // "Wall-E": a hyphen before one last Latin letter is inside the name, not between parts.
    [Theory]
    [InlineData("Wall-E 爱贝云计费产品主管", "Wall-E", "爱贝云计费", "产品主管")]
    [InlineData("Wall-E-爱贝-产品", "Wall-E", "爱贝", "产品")]
    public void Latin_name_with_a_hyphen_is_not_split(string raw, string name, string company, string role) =>
        Assert.Equal(new Speaker(raw, name, company, role), SpeakerParser.Parse(raw));

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
    [InlineData("Summer 梁夏")]
    [InlineData("楼鸣 Robin 8194")]
    [InlineData("小者_果子")]
    [InlineData("james 跨境支付")]
    [InlineData("大卫爸爸楼（不在职场，请打手机）")]
    [InlineData("Wall-E")]
    public void Plain_nick_is_the_name(string raw) => Assert.Equal(new Speaker(raw, raw), SpeakerParser.Parse(raw));

    // Pieces of nicks as members write them: names, companies, roles glued to companies, cities, separators.
    private static readonly string[] NickPieces =
    [
        "张泽雄", "朱文义", "马忠信", "Tim", "紫紫", "民生金服", "廊坊银行", "联金所", "随手记支付", "支付", "金融", "互金", "项目总监",
        "产品经理", "高级", "PM", "PL", "Java", "架构师", "业务风控", "的", "商务", "北京", "深圳", "成都", "-", "-", "-", "_",
        " ", "，", "~", "|", "有赞", "蘑菇街", "ellery", "技术总", "Wall-E", ",", "@",
    ];

    [Fact]
    public void Every_part_is_text_of_the_nick() =>
        Gen.OneOf(NickPieces).Array[1, 8].Select(string.Concat).Sample(raw =>
        {
            var speaker = SpeakerParser.Parse(raw);

            Assert.Contains(speaker.Name, speaker.Raw, StringComparison.Ordinal);
            Assert.All(
                new[] { speaker.Company, speaker.Role, speaker.City }.OfType<string>().SelectMany(p => p.Split('-')),
                part => Assert.Contains(part, speaker.Raw, StringComparison.Ordinal));
        }, iter: 2000);

    [Fact]
    public void Nick_is_trimmed_and_entities_decoded()
    {
        var speaker = SpeakerParser.Parse("  付云-农业-ERP&amp;amp;电商-成都 ");

        Assert.Equal(new Speaker("付云-农业-ERP&电商-成都", "付云", "农业", "ERP&电商", "成都"), speaker);
    }

    [Fact]
    public void Blank_nick_gives_an_empty_speaker() => Assert.Equal(new Speaker("", ""), SpeakerParser.Parse("   "));
}
