using System.Buffers;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Reads a speaker nick. Members often write <c>name-company-role-city</c> (<c>何卓-翼支付-风险经理-上海</c>,
/// <c>王亮~京东金融~开发经理~北京</c>, <c>洪宇明_平安_开发_深圳</c>); such nicks are split into their parts,
/// any other nick (<c>caozhiyang</c>, <c>Merry(黄燕)</c>, <c>Leo Qin</c>) is a name only. A company written into the
/// role part is split off it (<c>紫紫-随手记支付产品经理</c>: 随手记支付, 产品经理), and a nick that starts with its
/// company, city or role names the person by the one later part that is surely a Chinese name
/// (<c>廊坊银行-架构师-朱文义</c>: 朱文义).
/// </summary>
public static class SpeakerParser
{
    // The parts are split at NickSeparators.Strong first. '_', commas (also '、') and spaces also appear inside plain
    // nicks ("Leo Qin", "howard_wang001", "大卫（不在职场，请打手机）"), so they only split a nick when its parts look like
    // name, company, role and city. '_' and commas are tried before spaces, which also stand between the words of one
    // part ("乾橙科技_Summer 梁夏").
    private static readonly SearchValues<char> MarkSeparators = SearchValues.Create("_，,、");

    private static readonly SearchValues<char> SpaceSeparators = SearchValues.Create(" \t\u3000");

    /// <summary>
    /// A name as a reader should see it: without the <c>?</c> the export left for lost emoji (<c>车睿??</c>,
    /// <c>H?o?wa?r?d?_?WANG</c>) and with single spaces between its words.
    /// </summary>
    /// <param name="name">A parsed name.</param>
    /// <returns>The name shown; empty when it was only question marks and spaces.</returns>
    public static string WithoutLostEmoji(string name) =>
        string.Join(' ', name.Replace("?", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary><see cref="WithoutLostEmoji"/>, or the name as it is when nothing else is left of it (<c>??</c>).</summary>
    /// <param name="name">A name or nick.</param>
    /// <returns>The name shown.</returns>
    public static string Shown(string name) => WithoutLostEmoji(name) is { Length: > 0 } shown ? shown : name;

    /// <summary>Parses a nick as written in a header or after an <c>@</c>.</summary>
    /// <param name="raw">The nick; HTML entities are decoded and surrounding white space trimmed.</param>
    /// <returns>The speaker; <see cref="Speaker.Name"/> is the whole nick when it does not follow the habit.</returns>
    public static Speaker Parse(string raw)
    {
        var nick = HtmlEntityDecoder.Decode(raw).Trim();
        if (nick.Length == 0)
        {
            return new Speaker(string.Empty, string.Empty);
        }

        var parts = Split(nick, NickSeparators.Strong);
        if (parts is not null && (parts.Length >= 3 || HasCjk(nick) || HasKnownPart(parts)))
        {
            return Assign(nick, Expand(parts));
        }

        if (AtCompany(nick) is { } at)
        {
            return Assign(nick, [nick[..at].Trim(), nick[(at + 1)..].Trim()]);
        }

        foreach (var separators in new[] { MarkSeparators, SpaceSeparators })
        {
            parts = Split(nick, separators);
            var spaced = separators == SpaceSeparators;
            if (parts is not null && HasCjk(nick) && LooksSplit(parts, spaced))
            {
                return Assign(nick, spaced ? parts : Expand(parts), spaced);
            }
        }

        return new Speaker(nick, nick);
    }

    private static string[]? Split(string nick, SearchValues<char> separators)
    {
        // A nick that starts with a separator has no name part to split off.
        if (separators.Contains(nick[0]) || nick.AsSpan().IndexOfAny(separators) < 0)
        {
            return null;
        }

        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= nick.Length; i++)
        {
            if (i < nick.Length && (!separators.Contains(nick[i]) || IsHyphenInWord(nick, i)))
            {
                continue;
            }

            var part = nick[start..i].Trim();
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            start = i + 1;
        }

        return parts.Count >= 2 ? parts.ToArray() : null;
    }

    // "李伟@易宝支付", "崔佳宁@ONO": a person's name at a company, when the name is a Chinese name beyond doubt and what
    // follows the one '@' is Chinese or in capitals ("叶晨@@Anthony", "Leo 劉斌@TransferEasy.com" are no such nicks).
    private static int? AtCompany(string nick)
    {
        var at = nick.IndexOfAny(['@', '＠']);
        if (at <= 0 || nick.IndexOfAny(['@', '＠'], at + 1) >= 0)
        {
            return null;
        }

        var after = nick[(at + 1)..].Trim();
        return SpeakerVocabulary.IsPersonName(nick[..at].Trim()) && after.Length > 0 && (HasCjk(after) || !after.Any(char.IsAsciiLetterLower))
            ? at
            : null;
    }

    // "Wall-E": a hyphen between a Latin word and one more letter that ends the word (at a space, a separator or the end
    // of the nick) is part of the name.
    private static bool IsHyphenInWord(string nick, int at) =>
        nick[at] == '-' && at > 0 && char.IsAsciiLetter(nick[at - 1])
        && at + 1 < nick.Length && char.IsAsciiLetter(nick[at + 1])
        && (at + 2 == nick.Length || char.IsWhiteSpace(nick[at + 2]) || NickSeparators.Strong.Contains(nick[at + 2]));

    // Parts split at the stronger separators may still hold several parts written apart with weaker ones
    // ("冷暖自知-风控 裕福支付 北京", "Stark-产品经理，银生宝", "陈桂荣 翼支付 -研发组长"): a part is split again when a
    // piece of it is a role or a city, or for the first part, when a later piece is a company.
    private static string[] Expand(string[] parts)
    {
        var expanded = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var pieces = Split(parts[i], MarkSeparators) ?? Split(parts[i], SpaceSeparators);
            var split = pieces is not null && HasCjk(parts[i]) && (i == 0
                ? HasKnownPart(pieces) || pieces.Skip(1).Any(SpeakerVocabulary.IsCompany)
                : !SpeakerVocabulary.TrySplitRoleAndCity(parts[i], out _, out _) && pieces.Any(p => SpeakerVocabulary.IsCity(p) || SpeakerVocabulary.IsRole(p)));
            expanded.AddRange(split ? pieces! : [parts[i]]);
        }

        return expanded.ToArray();
    }

    // Parts split at '_', commas or spaces: a later part is a role, a city or a company ("吕文伟_兴业银行总行",
    // "李通，社区半径产品专家", "朱黎明 海尔快捷通"), or the nick starts with its company and names the person later
    // ("聚合支付_程昱", "蘑菇街_陈宗").
    private static bool LooksSplit(string[] parts, bool spaced) =>
        HasKnownPart(parts)
        || parts.Skip(1).Any(SpeakerVocabulary.IsCompany)
        || SpeakerVocabulary.TrySplitCompanyAndRole(parts[^1], truncated: true, out _, out _)
        || NameIndex(parts, spaced) > 0;

    private static bool HasKnownPart(string[] parts)
    {
        for (var i = 1; i < parts.Length; i++)
        {
            if (SpeakerVocabulary.IsCity(parts[i]) || SpeakerVocabulary.IsRole(parts[i])
                || SpeakerVocabulary.TrySplitRoleAndCity(parts[i], out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    // Spaced: the parts were split at spaces, which also stand between the words of a company ("haier 三方支付").
    private static Speaker Assign(string nick, string[] parts, bool spaced = false)
    {
        string? company = null, role = null, city = null;
        var taken = new bool[parts.Length];
        var name = NameIndex(parts, spaced);
        taken[name] = true;

        // Known words first: a city anywhere, a role+city glued together ("PM深圳"), then a role.
        for (var i = 0; i < parts.Length && city is null; i++)
        {
            if (taken[i])
            {
                continue;
            }

            if (SpeakerVocabulary.IsCity(parts[i]))
            {
                (city, taken[i]) = (parts[i], true);
            }
            else if (SpeakerVocabulary.TrySplitRoleAndCity(parts[i], out var gluedRole, out var gluedCity))
            {
                (role, city, taken[i]) = (gluedRole, gluedCity, true);
            }
        }

        // The habit puts the role after the company, so the last role-like part wins.
        for (var i = parts.Length - 1; i >= 0 && role is null; i--)
        {
            if (!taken[i] && SpeakerVocabulary.IsRole(parts[i]))
            {
                (role, taken[i]) = (parts[i], true);
            }
        }

        // What is left follows the habit's order: company, then role, then more company.
        for (var i = 0; i < parts.Length; i++)
        {
            if (taken[i])
            {
                continue;
            }

            if (company is null)
            {
                if (role is null && SpeakerVocabulary.IsTradePhrase(parts[i]))
                {
                    // "支付～其州": words of the trade say what the member works on, not where.
                    role = parts[i];
                }
                else if (role is null && SpeakerVocabulary.TrySplitCompanyAndRole(parts[i], truncated: i == parts.Length - 1, out var gluedCompany, out var gluedRole))
                {
                    (company, role) = (gluedCompany, gluedRole);
                }
                else
                {
                    company = parts[i];
                }
            }
            else if (role is null)
            {
                role = parts[i];
            }
            else
            {
                company = $"{company}-{parts[i]}";
            }
        }

        // "钟文帅-天下支付PM-深圳", "紫紫-随手记支付产品经理", "张泽雄-民生金服 项目总监": no part was left for the
        // company, so the role part carries it.
        if (company is null && role is not null && SpeakerVocabulary.TrySplitCompanyAndRole(role, out var carried, out var bareRole))
        {
            (company, role) = (carried, bareRole);
        }

        return new Speaker(nick, parts[name], company, role, city);
    }

    // The habit puts the name first, and so do most nicks that break it. A few start with the company or the city
    // ("廊坊银行-架构师-朱文义", "联金所-产品-马忠信-深圳", "成都-支付-架构-李科"): when the first part is a city, a role
    // or looks like a company, and exactly one later part is a person's name beyond doubt, that part is the name. When
    // the first part is a company, a role or words of the trade (not a city: "北京-木易" may be a name after all), one
    // later part that can only be a name, being no city, role or company, names the person too ("有赞-支付产品架构-大海",
    // "支付产品-ellery-上海", "支付～其州").
    private static int NameIndex(string[] parts, bool spaced)
    {
        var first = parts[0];
        var isCity = SpeakerVocabulary.IsCity(first);
        if (!isCity && !SpeakerVocabulary.IsRole(first) && !SpeakerVocabulary.LooksLikeCompany(first) && !SpeakerVocabulary.IsTradePhrase(first)
            && !(spaced && IsLatinBeforeCompany(parts)))
        {
            return 0;
        }

        var surely = OnlyLater(parts, IsSurelyName);
        if (surely != 0 || isCity)
        {
            return Math.Max(surely, 0);
        }

        return Math.Max(OnlyLater(parts, CanOnlyBeName), 0);
    }

    // "haier 三方支付  张其州": a Latin word written before a company, split from it at a space, starts the company
    // (at a '-', "wantasy-壹钱包-数据分析", it is the name).
    private static bool IsLatinBeforeCompany(string[] parts) =>
        parts.Length >= 3 && parts[0].All(char.IsAsciiLetter) && SpeakerVocabulary.LooksLikeCompany(parts[1]);

    // The one later part that matches; 0 when none does, -1 when several do.
    private static int OnlyLater(string[] parts, Func<string, bool> matches)
    {
        var found = 0;
        for (var i = 1; i < parts.Length; i++)
        {
            if (matches(parts[i]))
            {
                if (found > 0)
                {
                    return -1;
                }

                found = i;
            }
        }

        return found;
    }

    // A Chinese name with a common surname (朱文义), also after a Latin first name ("Summer 梁夏").
    private static bool IsSurelyName(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return SpeakerVocabulary.IsPersonName(words[^1]) && words[..^1].All(w => w.All(char.IsAsciiLetter));
    }

    // Two to four Chinese characters, or a Latin word with lower-case letters (ellery; YMT or CGB are companies), that
    // is no city, role, company or trade.
    private static bool CanOnlyBeName(string part)
    {
        var shape = part.Length is >= 2 and <= 4 && part.All(SpeakerVocabulary.IsCjk)
            || part.Length >= 2 && part.All(char.IsAsciiLetter) && part.Any(char.IsAsciiLetterLower);
        return shape && !SpeakerVocabulary.IsCity(part) && !SpeakerVocabulary.IsRole(part) && !SpeakerVocabulary.LooksLikeCompany(part)
            && !SpeakerVocabulary.IsTradePhrase(part) && !SpeakerVocabulary.TrySplitRoleAndCity(part, out _, out _);
    }

    private static bool HasCjk(string text) => text.Any(SpeakerVocabulary.IsCjk);
}
