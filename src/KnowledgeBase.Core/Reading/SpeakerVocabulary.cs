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
        "后端", "前端", "全栈", "攻城狮", "程序猿", "老板", "学生", "求职", "待业", "猎头", "负责",
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
        "银行", "支付", "金服", "科技", "集团", "公司", "金融", "金控", "证券", "保险", "信托", "基金", "所", "总行", "分行",
    ];

    // Companies of the trade that members write without an ending (蘑菇街, 有赞, 海尔快捷通): the large internet firms
    // and the better-known payment licence holders. A nick part that contains one is a company.
    private static readonly string[] KnownCompanies =
    [
        "阿里巴巴", "蚂蚁金服", "支付宝", "腾讯", "财付通", "微信支付", "京东", "百度", "美团", "滴滴", "携程", "去哪儿", "唯品会",
        "蘑菇街", "有赞", "苏宁", "网易", "新浪", "华为", "拼多多", "饿了么", "途牛", "海尔", "快捷通", "拉卡拉",
        "快钱", "易宝", "银联", "网联", "通联", "汇付", "连连", "宝付", "富友", "翼支付", "和包", "壹钱包", "平安付",
        "随行付", "银盛", "杉德", "联动优势", "畅捷通", "银生宝", "开联通", "易联", "盛付通", "钱袋宝",
    ];

    // The most common Chinese surnames (about nine in ten people); rare ones that are also common words are left out.
    private const string CommonSurnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范" +
        "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施牛樊葛邢安齐易乔伍庞颜倪庄聂" +
        "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶" +
        "解牟艾尤阳时穆农司卓古吉缪简车项连麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎" +
        "甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚权帅屠豆朴盖练廉禹井祖漆巴丰卿狄" +
        "计索宣晋芮" +
        // The same surnames as written in traditional characters (劉峰, 陳宏), where the forms differ.
        "劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂蔣盧鍾譚陸範賈韋鄒龔萬錢嚴龍賀顧湯溫羅張";

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
        && !IsCity(part) && !IsRole(part) && !LooksLikeCompany(part) && !IsTradePhrase(part);

    /// <summary>
    /// Whether a nick part looks like a company name: it ends like one (廊坊银行, 联金所, 民生金服) with something before the
    /// ending, contains a company of the trade known by name (海尔快捷通, 蘑菇街), or is a place followed by at least two
    /// more Chinese characters (浙江草媒, 深圳优讯).
    /// </summary>
    public static bool LooksLikeCompany(string part)
    {
        foreach (var ending in CompanyEndings)
        {
            if (part.Length > ending.Length && part.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var company in KnownCompanies)
        {
            if (part.Contains(company, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var city in Cities)
        {
            if (part.Length >= city.Length + 2 && part.StartsWith(city, StringComparison.Ordinal) && part[city.Length..].Count(IsCjk) >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a nick part is a company by the signs of <see cref="LooksLikeCompany"/> and not only words of the trade (跨境支付).</summary>
    public static bool IsCompany(string part) => LooksLikeCompany(part) && !IsTradePhrase(part);

    /// <summary>
    /// Whether a word is a company glued to an unmistakable upper-case role (<c>丰瑞祥CTO</c>, <c>天下支付PM</c>). Of the
    /// splits <see cref="TrySplitCompanyAndRole(string, out string, out string)"/> makes, only this one tells a nick's word in running text: a Chinese
    /// role ending also ends talk (<c>找成熟产品</c>, <c>分布式技术架构</c>).
    /// </summary>
    public static bool IsCompanyWithGluedRole(string word) => GluedRoleStart(word) > 0;

    /// <summary>
    /// Splits a company off the role it is written with: <c>天下支付PM</c> into <c>天下支付</c> and <c>PM</c>,
    /// <c>随手记支付产品经理</c> into <c>随手记支付</c> and <c>产品经理</c>, <c>民生金服 项目总监</c> at the space.
    /// The role is the longest run of role words at the end (<c>高级产品经理</c>); at least two Chinese characters must
    /// be left for the company, and not only words of the trade (<c>金融支付产品</c> is a role whole). A company of the
    /// trade known by name may also follow its role (<c>微信支付商户运营腾讯</c>).
    /// </summary>
    public static bool TrySplitCompanyAndRole(string part, out string company, out string role) =>
        TrySplitCompanyAndRole(part, truncated: false, out company, out role);

    /// <summary>
    /// <see cref="TrySplitCompanyAndRole(string, out string, out string)"/> for the last part of a nick, which WeChat may
    /// have cut short inside its role (<c>银生宝电子支付公司技术总</c>, of 技术总监): when <paramref name="truncated"/>, the
    /// beginning of a role word at the very end counts as the word when a whole role word comes right before it.
    /// </summary>
    public static bool TrySplitCompanyAndRole(string part, bool truncated, out string company, out string role)
    {
        (company, role) = (string.Empty, string.Empty);
        var space = part.AsSpan().LastIndexOfAny(InnerSeparators);
        if (space >= 0)
        {
            // "民生金服 项目总监": a role written apart from its company; anything else with a space is left whole.
            var (before, last) = (part[..space].TrimEnd(InnerSeparators), part[(space + 1)..]);
            if (!IsRole(last) || !IsCompanyLeft(before))
            {
                return false;
            }

            (company, role) = (before, last);
            return true;
        }

        // "微信支付商户运营腾讯": a role followed by a company of the trade known by name.
        foreach (var known in KnownCompanies)
        {
            if (part.Length > known.Length && part.EndsWith(known, StringComparison.Ordinal) && IsRole(part[..^known.Length]))
            {
                (company, role) = (known, part[..^known.Length]);
                return true;
            }
        }

        var start = RoleSuffixStart(part, truncated ? CutRoleWordLength(part) : 0);
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
    private static int RoleSuffixStart(string part, int cut)
    {
        var start = cut > 0 ? part.Length - cut : GluedRoleStart(part);
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

    // How long the beginning of a role word cut off at the end of a part is ("技术总" of 技术总监: 1), when a whole role
    // word comes right before it; 0 when the part ends with a whole role word or with none.
    private static int CutRoleWordLength(string part)
    {
        if (LongestEnding(part, part.Length, SplitRoleEndings) > 0)
        {
            return 0;
        }

        for (var length = 1; length < part.Length; length++)
        {
            var cut = part[^length..];
            if (SplitRoleEndings.Any(w => w.Length > length && w.StartsWith(cut, StringComparison.Ordinal))
                && LongestEnding(part, part.Length - length, SplitRoleEndings) > 0)
            {
                return length;
            }
        }

        return 0;
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
    private static bool IsCompanyLeft(string left) => left.Count(IsCjk) >= 2 && !IsTradePhrase(left);

    /// <summary>Whether a text is made of words of the trade only (支付, 金融支付, 网银): what a member works on, not where.</summary>
    public static bool IsTradePhrase(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

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

    /// <summary>Whether a character is a Chinese one (the CJK unified ideographs, extension A and the compatibility block).</summary>
    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
