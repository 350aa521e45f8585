using System.Buffers;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// The whole nick an @mention picked. <see cref="MentionParser"/> ends a name at white space, an <c>@</c> or lost emoji,
/// which nicks hold (<c>@Summer 梁夏-丰瑞祥-GM-BJ</c>, <c>@凡艳辉 | 即信 | 产品 | 上海</c>, <c>@降峰 百度金融pm 北京</c>,
/// <c>@王浩@平安银行总行 深圳</c>): what follows the name is taken as the rest of its nick only where it reads as one, so
/// that text after a mention stays (<c>@张三 你怎么看</c>, <c>@张三-你说的对</c>). The FAQ's cleaning and the export's
/// pseudonyms both use this rule.
/// </summary>
internal static partial class MentionedNick
{
    // How long the rest of a nick after a separator may be: "-中央结算（中债登）-北京" is 13.
    private const int MaxSeparatedTail = 24;

    // Words of a nick after a space: at most four ("Kylin Rpay MD AUS", "范昌彬 平安金科 支付 上海"), each short.
    private const int MaxWords = 4;
    private const int MaxWordLength = 10;

    /// <summary>What separates the parts of a <c>name-company-role-city</c> nick after a mention.</summary>
    public static readonly char[] SeparatorChars = NickSeparators.PartsOrUnderscore.ToCharArray();

    private static readonly SearchValues<char> Separators = NickSeparators.StrongOrUnderscore;

    // Where the rest of a nick stops, besides white space: at the '?' the export made of WeChat's U+2005 after a picked
    // nick, at the next mention, at punctuation.
    private static readonly SearchValues<char> TailStops = SearchValues.Create("?\u2005@，。！？：；、,!;:\"“”「」");

    // Punctuation after which a word of a nick may end ("@范昌彬 平安金科 支付 上海，当然").
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("，。！？：；、,!;:");

    // Characters of a sentence rather than of a company, role or city: "@张三-你-说的对" is talk. Those of the corpus's
    // nick parts are left out (饿了么, 唯品会, 小牛在线, 去哪儿, 什马金融, 成都).
    private static readonly SearchValues<char> SentenceChars = SearchValues.Create("的是我你他她们吗呢吧嘛啥怎谁否没可请问这那就也还把被给对");

    // A word after a space is held to more: no character of a question either (么, 什, 哪, 能, 会).
    private static readonly SearchValues<char> TalkChars = SearchValues.Create("的是我你他她们吗呢吧嘛啥怎谁否没可请问这那就也还把被给对么什哪能会");

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private enum WordKind
    {
        None,

        // A word with its company, role or city after a separator (梁夏-丰瑞祥-GM-BJ), a city (深圳), or a company with its
        // role glued on (丰瑞祥CTO).
        Part,

        // A job role (风控产品经理, 百度金融pm): a nick part when it follows another word, an ordinary word alone.
        Role,

        // Any other short word (平安金科, Rpay): a nick part only before one of the above, or, after a Latin name, two or
        // more capitalised Latin words (Kylin Rpay MD AUS).
        Plain,
    }

    /// <summary>
    /// Where the nick of a mention ends: after the rest of it that the name found stopped short of, when that rest reads
    /// as a nick's. It is (1) a tail of separated parts (<c>-丰瑞祥-GM-BJ</c>, <c> | 即信 | 产品 | 上海</c>, also after a space)
    /// of two or more parts or of a company, role or city; or (2) after one space, up to four short words ending in such a
    /// tail or a city (<c>He 何瑾|新生|跨境支付</c>, <c>平安金科 支付 上海</c>), or in a role after another word
    /// (<c>银联 风控产品经理</c>) or, ending the message, after it (<c>风控 郝</c>), or, after a Latin name, two or more
    /// capitalised Latin words (<c>Kylin Rpay MD AUS</c>); a name that already holds a separator takes only tails and
    /// cities; or (3) what <see cref="MentionParser.NickEnd"/> finds up to the
    /// <c>?</c> WeChat put after a nick. No word may hold a character of talk or of a question (的, 是, 你, 吗 …).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="nickStart">Index of the name's first character (after the <c>@</c>).</param>
    /// <param name="end">Where the name found ends.</param>
    /// <param name="isKnownPart">Parts the caller knows from its people's nicks (a company such as 丰瑞祥); none by default.</param>
    /// <returns>The index after the nick; <paramref name="end"/> when the name found is the nick.</returns>
    public static int End(string text, int nickStart, int end, Func<string, bool>? isKnownPart = null)
    {
        isKnownPart ??= static _ => false;
        var tail = SeparatedEnd(text, end, isKnownPart);
        if (tail == end && text.AsSpan(end).StartsWith("??", StringComparison.Ordinal))
        {
            // Lost emoji inside the nick, before its last parts: "@张于刚-支付产品??-杭州?".
            var after = end;
            while (after < text.Length && text[after] == '?')
            {
                after++;
            }

            var separated = SeparatedEnd(text, after, isKnownPart);
            tail = separated == after ? end : separated;
        }

        if (tail == end)
        {
            var name = text.AsSpan(nickStart, end - nickStart);
            tail = SpacedEnd(text, end, name.ContainsAny(Separators), IsLatinName(name), isKnownPart);
        }

        return MentionParser.NickEnd(text, tail);
    }

    /// <summary>
    /// The name a reader is shown for a nick: its parsed name, without the <c>?</c> the export left for lost emoji and
    /// without a company or role in brackets before it (<c>[澳觅支付_PM]Flugel-Yan</c>).
    /// </summary>
    /// <param name="nick">The whole nick.</param>
    /// <returns>The name; the nick itself when it parses to none.</returns>
    public static string Name(string nick)
    {
        var close = nick.Length > 0 && nick[0] is '[' or '【' ? nick.IndexOf(nick[0] == '[' ? ']' : '】', StringComparison.Ordinal) : -1;
        if (close > 0 && close + 1 < nick.Length)
        {
            nick = nick[(close + 1)..];
        }

        var parsed = SpeakerParser.Parse(nick).Name;
        var shown = SpeakerParser.WithoutLostEmoji(parsed);
        return shown.Length > 0 ? shown : nick.Replace("?", string.Empty, StringComparison.Ordinal).Trim();
    }

    /// <summary>
    /// The mentions of a text in order, each with its whole nick: the names listed (longest first, so one that starts
    /// another is not cut out of it), and unlisted ones (in a quoted message) where a separator shows where the name
    /// ends. Not the <c>@</c> of an e-mail address. <c>@所有人</c> and <c>@all</c> are fixed words, even glued to the
    /// sentence after them (<c>@所有人群里都是…</c>); a doubled <c>@@</c> belongs to the mention.
    /// </summary>
    /// <param name="text">Message text.</param>
    /// <param name="mentions">Names the reader found mentioned (without <c>@</c>).</param>
    /// <returns>The mentions, by position; they do not overlap.</returns>
    public static IReadOnlyList<MentionSpan> Spans(string text, IReadOnlyList<string> mentions)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }

        var spans = new List<MentionSpan>();
        foreach (var name in mentions.Where(m => m.Length > 0).OrderByDescending(m => m.Length))
        {
            var mention = "@" + name;
            for (var at = text.IndexOf(mention, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mention, at + 1, StringComparison.Ordinal))
            {
                Add(spans, text, at, name);
            }
        }

        foreach (Match unlisted in Unlisted().Matches(text))
        {
            Add(spans, text, unlisted.Index, unlisted.Value[1..]);
        }

        spans.Sort((a, b) => a.At.CompareTo(b.At));
        return spans;
    }

    /// <summary>
    /// Whether the <c>@</c> at an index is that of an e-mail address (1042026665@qq.com): glued to a local-part character
    /// and followed by a dotted ASCII domain. A mention glued to ASCII text (666@英—现金贷—产品) has no such domain.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="at">Index of an <c>@</c>.</param>
    /// <returns>True for an address.</returns>
    public static bool IsAddressAt(string text, int at) =>
        at > 0 && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '_' or '%' or '+' or '-')
        && AddressDomain().IsMatch(text.AsSpan(at));

    private static void Add(List<MentionSpan> spans, string text, int at, string name)
    {
        if (IsAddressAt(text, at) || spans.Any(s => at >= s.At && at < s.End))
        {
            return;
        }

        var nickStart = at + 1;
        var everyone = EveryoneLength(name);
        var nickEnd = everyone > 0 ? nickStart + everyone : End(text, nickStart, nickStart + name.Length);
        var end = nickEnd < text.Length && text[nickEnd] is '\u2005' or '?' ? nickEnd + 1 : nickEnd;
        while (at > 0 && text[at - 1] == '@' && !spans.Any(s => s.End == at))
        {
            at--;
        }

        spans.Add(new MentionSpan(at, name, nickStart, nickEnd, end, everyone > 0));
    }

    // @所有人 and @all call on the group; the mention parser runs them on into the text after them when nothing separates it.
    private static int EveryoneLength(string name)
    {
        if (name.StartsWith("所有人", StringComparison.Ordinal))
        {
            return 3;
        }

        return name.StartsWith("all", StringComparison.OrdinalIgnoreCase) && (name.Length == 3 || !char.IsAsciiLetterOrDigit(name[3])) ? 3 : 0;
    }

    // (1) A tail of separated parts right after the name or after one space: "-丰瑞祥-GM-BJ", " -开元金融-技术经理-北京",
    // " | 即信 | 产品 | 上海" (spaces next to a separator belong to it). It runs to white space, a '?', the next mention or
    // punctuation, and is taken when it has two or more parts or its one part is a company, role or city, and no part
    // reads as a sentence unless the caller knows it as a nick's part.
    private static int SeparatedEnd(string text, int end, Func<string, bool> isKnownPart)
    {
        var from = end + 1 < text.Length && text[end] == ' ' ? end + 1 : end;
        if (from >= text.Length || !Separators.Contains(text[from]))
        {
            return end;
        }

        var rest = text.AsSpan(from, Math.Min(MaxSeparatedTail + 1, text.Length - from));
        var length = 0;
        while (length < rest.Length && !TailStops.Contains(rest[length]) && (!char.IsWhiteSpace(rest[length]) || IsSpaceBesideSeparator(rest, length)))
        {
            length++;
        }

        var tail = rest[..length].TrimEnd(' ');
        var parts = tail.ToString().Split(SeparatorChars, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (length > MaxSeparatedTail || parts.Length == 0)
        {
            return end;
        }

        var worded = parts.All(p => isKnownPart(p) || !p.AsSpan().ContainsAny(SentenceChars));
        return worded && (parts.Length >= 2 || IsNickPart(parts[0], isKnownPart)) ? from + tail.Length : end;
    }

    private static bool IsSpaceBesideSeparator(ReadOnlySpan<char> rest, int i) =>
        rest[i] == ' ' && ((i + 1 < rest.Length && Separators.Contains(rest[i + 1])) || (i > 0 && Separators.Contains(rest[i - 1])));

    private static bool IsNickPart(string part, Func<string, bool> isKnownPart) =>
        isKnownPart(part) || SpeakerVocabulary.IsCity(part) || SpeakerVocabulary.IsRole(part) || SpeakerVocabulary.TrySplitRoleAndCity(part, out _, out _);

    // (2) Words after one space, each closed by a space, a '?' or U+2005, punctuation or the end; the nick ends after the
    // last word that may end one.
    private static int SpacedEnd(string text, int end, bool nameHasSeparator, bool latinName, Func<string, bool> isKnownPart)
    {
        if (end + 1 >= text.Length || text[end] != ' ' || char.IsWhiteSpace(text[end + 1]))
        {
            return end;
        }

        var nickEnd = end;
        var from = end + 1;
        var latinNames = latinName;
        var roles = false;
        for (var words = 1; words <= MaxWords; words++)
        {
            var to = from;
            while (to < text.Length && !char.IsWhiteSpace(text[to]) && !TailStops.Contains(text[to]))
            {
                to++;
            }

            var kind = Kind(text, from, ref to, isKnownPart);
            var closed = to == text.Length || char.IsWhiteSpace(text[to]) || text[to] is '?' or '\u2005' || SentenceEnds.Contains(text[to]);
            if (kind == WordKind.None || (nameHasSeparator && kind != WordKind.Part) || !closed)
            {
                break;
            }

            latinNames &= kind == WordKind.Plain && IsLatinName(text.AsSpan(from, to - from));
            roles |= kind == WordKind.Role;
            if (kind == WordKind.Part || (kind == WordKind.Role && words >= 2) || (latinNames && words >= 2) || (roles && words >= 2 && EndsText(text, to)))
            {
                nickEnd = to;
            }

            if (to + 1 >= text.Length || text[to] != ' ' || char.IsWhiteSpace(text[to + 1]))
            {
                break;
            }

            from = to + 1;
        }

        return nickEnd;
    }

    // What a word after a space is to a nick; a word followed by a separated tail ("Min -信用卡中心-HK") takes it along.
    private static WordKind Kind(string text, int from, ref int to, Func<string, bool> isKnownPart)
    {
        var word = text.AsSpan(from, to - from);
        var separator = word.IndexOfAny(Separators);
        if (separator == 0 || word.Length == 0)
        {
            return WordKind.None;
        }

        if (separator > 0)
        {
            var tail = separator <= MaxWordLength && !word[..separator].ContainsAny(TalkChars) ? SeparatedEnd(text, from + separator, isKnownPart) : from + separator;
            if (tail == from + separator)
            {
                return WordKind.None;
            }

            to = tail;
            return WordKind.Part;
        }

        var value = word.ToString();
        if (SpeakerVocabulary.IsCity(value) || isKnownPart(value))
        {
            return WordKind.Part;
        }

        if (word.Length > MaxWordLength || word.ContainsAny(TalkChars))
        {
            return WordKind.None;
        }

        var separated = SeparatedEnd(text, to, isKnownPart);
        if (separated != to)
        {
            to = separated;
            return WordKind.Part;
        }

        // "丰瑞祥CTO"; not "找成熟产品": a word after a space may be talk, which a Chinese role ending can end too.
        if (SpeakerVocabulary.IsCompanyWithGluedRole(value))
        {
            return WordKind.Part;
        }

        return SpeakerVocabulary.IsRole(value) || SpeakerVocabulary.TrySplitRoleAndCity(value, out _, out _) ? WordKind.Role : WordKind.Plain;
    }

    // "Rpay", "MD": a capitalised word of Latin letters and digits.
    private static bool IsLatinName(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsAsciiLetterUpper(word[0]) && !word.ContainsAnyExcept(AsciiLettersAndDigits);

    // Whether nothing but a '?' or U+2005 and white space follows.
    private static bool EndsText(string text, int at)
    {
        if (at < text.Length && text[at] is '?' or '\u2005')
        {
            at++;
        }

        return text.AsSpan(at).IsWhiteSpace();
    }

    // Mentions the reader did not list, only where a separator shows where the name ends; a name does not start with
    // sentence punctuation ("@，") nor run across it ("UX@Summer。的?").
    [GeneratedRegex(@"@(?![.!?])[^\s@\u2005，。！？、：；,!;:]{1,40}?(?=[\s\u2005?？,，:：])")]
    private static partial Regex Unlisted();

    // Looser than the masker's address pattern, so that whatever the masker would mask is kept for it.
    [GeneratedRegex(@"^@[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex AddressDomain();
}
