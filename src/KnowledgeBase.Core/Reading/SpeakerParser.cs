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
    // Separators people use between the parts; '-' and its full-width and dash cousins, tildes, bars.
    private static readonly SearchValues<char> StrongSeparators = SearchValues.Create("-－—–～~|｜");

    // '_' and spaces also appear inside plain nicks ("Leo Qin", "howard_wang001"), so they only split
    // a nick when a later part is a known role or city.
    private static readonly SearchValues<char> WeakSeparators = SearchValues.Create("_ \t\u3000");

    /// <summary>
    /// A name as a reader should see it: without the <c>?</c> the export left for lost emoji (<c>车睿??</c>,
    /// <c>H?o?wa?r?d?_?WANG</c>) and with single spaces between its words.
    /// </summary>
    /// <param name="name">A parsed name.</param>
    /// <returns>The name shown; empty when it was only question marks and spaces.</returns>
    public static string WithoutLostEmoji(string name) =>
        string.Join(' ', name.Replace("?", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

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

        var parts = Split(nick, StrongSeparators);
        if (parts is not null && (parts.Length >= 3 || HasCjk(nick) || HasKnownPart(parts)))
        {
            return Assign(nick, parts);
        }

        parts = Split(nick, WeakSeparators);
        if (parts is not null && HasCjk(nick) && HasKnownPart(parts))
        {
            return Assign(nick, parts);
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
        var rest = nick.AsSpan();
        while (rest.Length > 0)
        {
            var at = rest.IndexOfAny(separators);
            var part = (at < 0 ? rest : rest[..at]).Trim();
            if (part.Length > 0)
            {
                parts.Add(part.ToString());
            }

            rest = at < 0 ? [] : rest[(at + 1)..];
        }

        return parts.Count >= 2 ? parts.ToArray() : null;
    }

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

    private static Speaker Assign(string nick, string[] parts)
    {
        string? company = null, role = null, city = null;
        var taken = new bool[parts.Length];
        var name = NameIndex(parts);
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
                if (role is null && SpeakerVocabulary.TrySplitCompanyAndRole(parts[i], out var gluedCompany, out var gluedRole))
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
    // or ends like a company, and exactly one later part is a person's name beyond doubt, that part is the name.
    private static int NameIndex(string[] parts)
    {
        var first = parts[0];
        if (!SpeakerVocabulary.IsCity(first) && !SpeakerVocabulary.IsRole(first) && !SpeakerVocabulary.LooksLikeCompany(first))
        {
            return 0;
        }

        var name = 0;
        for (var i = 1; i < parts.Length; i++)
        {
            if (SpeakerVocabulary.IsPersonName(parts[i]))
            {
                if (name > 0)
                {
                    return 0;
                }

                name = i;
            }
        }

        return name;
    }

    private static bool HasCjk(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF')
            {
                return true;
            }
        }

        return false;
    }
}
