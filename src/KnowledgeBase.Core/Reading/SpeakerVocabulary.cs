using System.Collections.Frozen;

namespace KnowledgeBase.Core.Reading;

/// <summary>Words that tell the city and the role parts of a <c>name-company-role-city</c> nick.</summary>
internal static class SpeakerVocabulary
{
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
    private static readonly string[] GluedRoles = ["PM", "PD", "CTO", "CEO", "COO", "CFO", "CIO", "CPO", "BD", "RD", "QA"];

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

    /// <summary>Splits <c>天下支付PM</c> into company <c>天下支付</c> and role <c>PM</c>.</summary>
    public static bool TrySplitCompanyAndRole(string part, out string company, out string role)
    {
        foreach (var candidate in GluedRoles)
        {
            if (part.Length > candidate.Length
                && part.EndsWith(candidate, StringComparison.Ordinal)
                && !char.IsAscii(part[^(candidate.Length + 1)]))
            {
                (company, role) = (part[..^candidate.Length], candidate);
                return true;
            }
        }

        (company, role) = (string.Empty, string.Empty);
        return false;
    }
}
