using System.Collections.Frozen;

namespace KnowledgeBase.Core.Reading;

/// <summary>Words that tell the city and the role parts of a <c>name-company-role-city</c> nick.</summary>
internal static class SpeakerVocabulary
{
    // Where a company and its role are written apart within one part ("民生金服 项目总监", "鄞州银行，科技部开发").
    private static readonly char[] InnerSeparators = [' ', '\t', '\u3000', ',', '，'];

    private static readonly FrozenSet<string> Cities = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "北京", "上海", "深圳", "广州", "杭州", "成都", "南京", "武汉", "西安", "苏州", "长沙", "厦门", "重庆",
        "天津", "合肥", "郑州", "济南", "青岛", "大连", "福州", "昆明", "贵阳", "南昌", "宁波", "无锡", "珠海",
        "东莞", "佛山", "沈阳", "哈尔滨", "长春", "石家庄", "太原", "南宁", "海口", "三亚", "兰州", "乌鲁木齐",
        "呼和浩特", "银川", "西宁", "拉萨", "温州", "常州", "嘉兴", "绍兴", "金华", "泉州", "中山", "惠州",
        "烟台", "潍坊", "徐州", "扬州", "洛阳", "绵阳", "香港", "澳门", "台北", "新加坡",
        "广东", "浙江", "江苏", "福建", "山东", "四川", "湖北", "湖南", "河南", "河北", "安徽", "江西", "云南",
        "贵州", "陕西", "山西", "辽宁", "吉林", "黑龙江", "广西", "海南", "甘肃", "新疆", "内蒙",
        "BJ", "SH", "SZ", "GZ", "HZ", "CD", "NJ", "WH", "XA", "CQ", "TJ", "XM",
        "Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Hangzhou", "Chengdu", "Nanjing", "Wuhan", "HongKong", "Singapore");

    // Role endings; words that also end company names (清算, 投资, 管理) are left out on purpose.
    // CJK endings match anywhere ("风险经理"), ASCII ones only after a non-letter ("支付PM").
    private static readonly string[] CjkRoleEndings =
    [
        "技术", "产品", "经理", "总监", "架构", "架构师", "开发", "研发", "测试", "运营", "风控", "合规", "财务",
        "市场", "销售", "商务", "工程师", "设计", "设计师", "主管", "负责人", "顾问", "咨询", "创始人", "合伙人",
        "总裁", "董事", "专家", "分析师", "运维", "程序员", "码农", "打杂", "助理", "实习生", "专员", "组长", "讲师",
        "客服", "法务", "总经理", "副总", "老总", "主任", "行长", "账务", "会计", "审计",
        "后端", "前端", "全栈", "攻城狮", "程序猿", "老板", "学生", "求职", "猎头",
    ];

    private static readonly string[] AsciiRoleEndings =
    [
        "pm", "pd", "po", "pl", "cto", "ceo", "coo", "cfo", "cio", "cpo", "vp", "bd", "rd", "qa", "dba", "sre", "ops",
        "dev", "developer", "engineer", "architect", "java", "golang", "python", "php", "product", "manager", "director",
        "founder", "lead", "leader", "techlead", "hr", "it", "ui", "ux", "tester", "coder",
    ];

    // Only these are split off a company glued to its role ("天下支付PM"): short, upper-case, unmistakable.
    private static readonly string[] GluedRoles = ["PM", "PD", "PL", "CTO", "CEO", "COO", "CFO", "CIO", "CPO", "BD", "RD", "QA"];

    // Words that qualify a role without being one ("高级产品经理", "项目总监", "业务风控"): they go with the role when a
    // company is split off it.
    private static readonly string[] RoleQualifiers = ["高级", "资深", "首席", "项目", "业务", "联合"];

    // The role endings a company is split off; those that also end company names (银联商务, 至尊商务) are left out.
    private static readonly string[] SplitRoleEndings = CjkRoleEndings.Except(["商务", "咨询"]).ToArray();

    // What a payments member works on rather than where: "支付产品", "金融支付产品", "网银架构师" are roles whole, so
    // what is left before a role ending is no company when it is made of these words only.
    private static readonly string[] DomainWords =
    [
        "支付", "金融", "互金", "互联网", "移动", "跨境", "电商", "网银", "银行", "清算", "结算", "清结算", "账户", "账务",
        "资金", "信贷", "消金", "风控", "数据", "系统", "平台", "后台", "前台", "网络", "收单",
    ];

    // Endings of company names, for a nick that starts with its company ("廊坊银行-架构师-朱文义"); only unmistakable ones.
    private static readonly string[] CompanyEndings =
    [
        "银行", "支付", "金服", "科技", "集团", "公司", "金融", "金控", "证券", "保险", "信托", "基金", "所",
    ];

    // The most common Chinese surnames (about nine in ten people); rare ones that are also common words are left out.
    private const string CommonSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范" +
        "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂" +
        "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶" +
        "解牟艾尤阳时穆农司卓古吉缪简车项连麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎" +
        "甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚权帅屠豆朴盖练廉禹井祖漆巴丰卿狄" +
        "计索宣晋芮";

    public static bool IsCity(string part) => Cities.Contains(part);

    public static bool IsRole(string part)
    {
        foreach (var ending in CjkRoleEndings)
        {
            if (part.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var ending in AsciiRoleEndings)
        {
            if (part.EndsWith(ending, StringComparison.OrdinalIgnoreCase)
                && (part.Length == ending.Length || !char.IsAsciiLetter(part[^(ending.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits <c>PM深圳</c> or <c>北京PM</c> into a role and a city when both halves are known words.</summary>
    public static bool TrySplitRoleAndCity(string part, out string role, out string city)
    {
        foreach (var candidate in Cities)
        {
            if (part.Length <= candidate.Length)
            {
                continue;
            }

            if (part.EndsWith(candidate, StringComparison.OrdinalIgnoreCase) && IsRole(part[..^candidate.Length]))
            {
                (role, city) = (part[..^candidate.Length], part[^candidate.Length..]);
                return true;
            }

            if (part.StartsWith(candidate, StringComparison.OrdinalIgnoreCase) && IsRole(part[candidate.Length..]))
            {
                (role, city) = (part[candidate.Length..], part[..candidate.Length]);
                return true;
            }
        }

        (role, city) = (string.Empty, string.Empty);
        return false;
    }

    /// <summary>Whether a text starts with one of the most common Chinese surnames.</summary>
    public static bool StartsWithCommonSurname(string text) => text.Length > 0 && CommonSurnames.Contains(text[0], StringComparison.Ordinal);

    /// <summary>
    /// Whether a nick part is a person's name beyond doubt: two to four Chinese characters starting with a common
    /// surname (朱文义, 马忠信), and no known city, role or company word.
    /// </summary>
    public static bool IsPersonName(string part) =>
        part.Length is >= 2 and <= 4 && part.All(IsCjk) && StartsWithCommonSurname(part)
        && !IsCity(part) && !IsRole(part) && !LooksLikeCompany(part) && !IsDomainPhrase(part);

    /// <summary>Whether a nick part ends like a company name (廊坊银行, 联金所, 民生金服), with something before the ending.</summary>
    public static bool LooksLikeCompany(string part)
    {
        foreach (var ending in CompanyEndings)
        {
            if (part.Length > ending.Length && part.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word is a company glued to an unmistakable upper-case role (<c>丰瑞祥CTO</c>, <c>天下支付PM</c>). Of the
    /// splits <see cref="TrySplitCompanyAndRole"/> makes, only this one tells a nick's word in running text: a Chinese
    /// role ending also ends talk (<c>找成熟产品</c>, <c>分布式技术架构</c>).
    /// </summary>
    public static bool IsCompanyWithGluedRole(string word) => GluedRoleStart(word) > 0;

    /// <summary>
    /// Splits a company off the role it is written with: <c>天下支付PM</c> into <c>天下支付</c> and <c>PM</c>,
    /// <c>随手记支付产品经理</c> into <c>随手记支付</c> and <c>产品经理</c>, <c>民生金服 项目总监</c> at the space.
    /// The role is the longest run of role words at the end (<c>高级产品经理</c>); at least two Chinese characters must
    /// be left for the company, and not only words of the trade (<c>金融支付产品</c> is a role whole).
    /// </summary>
    public static bool TrySplitCompanyAndRole(string part, out string company, out string role)
    {
        (company, role) = (string.Empty, string.Empty);
        var space = part.AsSpan().LastIndexOfAny(InnerSeparators);
        if (space >= 0)
        {
            // "民生金服 项目总监": a role written apart from its company; anything else with a space is left whole.
            var (before, last) = (part[..space].TrimEnd(' ', '\t', '\u3000', ',', '，'), part[(space + 1)..]);
            if (!IsRole(last) || !IsCompanyLeft(before))
            {
                return false;
            }

            (company, role) = (before, last);
            return true;
        }

        var start = RoleSuffixStart(part);
        if (start <= 0 || !IsCompanyLeft(part[..start]))
        {
            return false;
        }

        // "支付宝的产品经理": the company without the particle.
        (company, role) = (part[..start].TrimEnd('的'), part[start..]);
        return true;
    }

    // Where the run of role words at the end of a part starts: a glued ASCII role or a Chinese role ending, then as many
    // Chinese role endings and qualifiers before it as there are (longest first); -1 when the part ends with none.
    private static int RoleSuffixStart(string part)
    {
        var start = GluedRoleStart(part);
        if (start < 0)
        {
            start = part.Length - LongestEnding(part, part.Length, SplitRoleEndings);
            if (start == part.Length)
            {
                return -1;
            }
        }

        while (start > 0)
        {
            var length = Math.Max(
                Math.Max(LongestEnding(part, start, SplitRoleEndings), LongestEnding(part, start, RoleQualifiers)),
                AsciiRoleWordBefore(part, start));
            if (length == 0)
            {
                break;
            }

            start -= length;
        }

        return start;
    }

    // Where an unmistakable upper-case role glued to what is before it starts ("天下支付PM"); -1 when the part ends with none.
    private static int GluedRoleStart(string part)
    {
        foreach (var candidate in GluedRoles)
        {
            if (part.Length > candidate.Length
                && part.EndsWith(candidate, StringComparison.Ordinal)
                && !char.IsAscii(part[^(candidate.Length + 1)]))
            {
                return part.Length - candidate.Length;
            }
        }

        return -1;
    }

    // "有赞Java资深工程师": an ASCII role word (Java, IT) written into a Chinese role goes with it.
    private static int AsciiRoleWordBefore(string part, int end)
    {
        var from = end;
        while (from > 0 && char.IsAsciiLetter(part[from - 1]))
        {
            from--;
        }

        return from < end && AsciiRoleEndings.Contains(part[from..end], StringComparer.OrdinalIgnoreCase) ? end - from : 0;
    }

    private static int LongestEnding(string part, int end, string[] words)
    {
        var longest = 0;
        foreach (var word in words)
        {
            if (word.Length > longest && word.Length <= end && part.AsSpan(0, end).EndsWith(word, StringComparison.Ordinal))
            {
                longest = word.Length;
            }
        }

        return longest;
    }

    // What is left for the company: two Chinese characters at least, and not only words of the trade.
    private static bool IsCompanyLeft(string left) => left.Count(IsCjk) >= 2 && !IsDomainPhrase(left);

    private static bool IsDomainPhrase(string text)
    {
        var end = text.Length;
        while (end > 0)
        {
            var length = LongestEnding(text, end, DomainWords);
            if (length == 0)
            {
                return false;
            }

            end -= length;
        }

        return true;
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
