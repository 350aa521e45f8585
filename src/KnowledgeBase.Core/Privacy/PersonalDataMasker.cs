using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Privacy;

/// <summary>
/// Finds and masks personal data in chat text: bank card numbers (13-19 digits passing Luhn), 18-character resident ID
/// numbers (checksum and birth date), mainland mobile numbers (also dot-grouped, <c>138.1234.5678</c>) and landlines,
/// e-mail addresses, and WeChat ids and QQ numbers where the text introduces them as such. Numbers count only as a whole: a
/// digit run that is part of a longer run, a decimal amount, a letter-and-digit identifier (an order number) or a path
/// segment of a URL (<c>https://…/000119312517140734/…</c>) is left alone, and so are date-prefixed order numbers and
/// millisecond timestamps that happen to pass Luhn. Numbers in a URL's query (<c>?mobile=…</c>) are still masked.
/// </summary>
public static partial class PersonalDataMasker
{
    // Card and phone numbers are often typed in groups: "6222 0212 3456 7890 123", "138-1234-5678".
    private const int MaxGroupsInOneNumber = 5;

    /// <summary>The text that replaces a piece of personal data of the given kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>A bracketed Chinese placeholder such as <c>[手机号]</c>.</returns>
    public static string Placeholder(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.BankCard => "[银行卡号]",
        PersonalDataKind.ResidentId => "[身份证号]",
        PersonalDataKind.MobilePhone => "[手机号]",
        PersonalDataKind.WeChatId => "[微信号]",
        PersonalDataKind.QqNumber => "[QQ号]",
        PersonalDataKind.Landline => "[座机号]",
        _ => "[邮箱]",
    };

    /// <summary>Replaces every piece of personal data in a text with its <see cref="Placeholder"/>.</summary>
    /// <param name="text">Chat text, a nick, a keyword.</param>
    /// <returns>The text with personal data masked; the same instance when there is none.</returns>
    public static string Mask(string text)
    {
        var matches = Find(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var match in matches)
        {
            builder.Append(text, at, match.Index - at).Append(Placeholder(match.Kind));
            at = match.Index + match.Length;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>
    /// Masks a whole knowledge base: personal data in every text, nick, expert, keyword and label, and with
    /// <see cref="MaskingOptions.AnonymizeSpeakers"/> every nick and @mention replaced by a stable pseudonym (one that is a
    /// pseudonym already stays as it is: see <see cref="HasPseudonyms"/>).
    /// </summary>
    /// <param name="document">The document, as built.</param>
    /// <param name="options">What to mask.</param>
    /// <returns>A masked copy; the same instance when the options ask for nothing.</returns>
    public static KnowledgeBaseDocument Mask(KnowledgeBaseDocument document, MaskingOptions options)
    {
        if (!options.MaskPersonalData && !options.AnonymizeSpeakers)
        {
            return document;
        }

        var pseudonyms = options.AnonymizeSpeakers ? SpeakerPseudonymizer.For(document, options.PseudonymKey) : null;
        return new DocumentMasker(options.MaskPersonalData, pseudonyms).Mask(document);
    }

    /// <summary>
    /// Masks personal data in the entries alone (question, answer, keywords, experts): what the review store's edits
    /// change in a document whose chat text <see cref="Mask(KnowledgeBaseDocument, MaskingOptions)"/> already masked.
    /// </summary>
    /// <param name="document">The document, its topics and exchanges already masked.</param>
    /// <param name="options">What to mask; speakers are not pseudonymised here.</param>
    /// <returns>A copy with masked entries; the same instance when personal data is not masked.</returns>
    public static KnowledgeBaseDocument MaskEntries(KnowledgeBaseDocument document, MaskingOptions options) =>
        options.MaskPersonalData ? new DocumentMasker(maskPersonalData: true, pseudonyms: null).MaskEntries(document) : document;

    /// <summary>
    /// Whether the document's speakers were anonymized (<see cref="MaskingOptions.AnonymizeSpeakers"/>): it has messages,
    /// and every one of them is by a pseudonym such as <c>成员-7F3A09C2</c>. Such a document is an export, not a build.
    /// </summary>
    /// <param name="document">A faq.json read back.</param>
    /// <returns>True when every speaker is a pseudonym.</returns>
    public static bool HasAnonymizedSpeakers(KnowledgeBaseDocument document)
    {
        var messages = document.Exchanges.SelectMany(x => x.Messages).ToList();
        return messages.Count > 0 && messages.All(m => SpeakerPseudonymizer.IsPseudonym(m.Message.Speaker.Raw));
    }

    /// <summary>
    /// Whether any speaker or expert of the document is a pseudonym already, as in a faq.json an anonymized export wrote.
    /// <see cref="MaskingOptions.AnonymizeSpeakers"/> keeps such pseudonyms as they are and pseudonymises only the rest:
    /// their hash cannot be computed again, with another key or the same, without the real names.
    /// </summary>
    /// <param name="document">A faq.json read back.</param>
    /// <returns>True when at least one speaker or expert is a pseudonym.</returns>
    public static bool HasPseudonyms(KnowledgeBaseDocument document) =>
        document.Exchanges.SelectMany(x => x.Messages).Any(m => SpeakerPseudonymizer.IsPseudonym(m.Message.Speaker.Raw))
        || document.Entries.SelectMany(e => e.Experts).Any(e => SpeakerPseudonymizer.IsPseudonym(e.Name));

    /// <summary>Finds the personal data in a text, in order, without overlaps.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The matches, by index.</returns>
    public static IReadOnlyList<PersonalDataMatch> Find(string text)
    {
        var matches = new List<PersonalDataMatch>();
        foreach (Match email in EmailPattern().Matches(text))
        {
            matches.Add(new PersonalDataMatch(PersonalDataKind.Email, email.Index, email.Length));
        }

        // Ids known by what introduces them, and dot-grouped mobiles (a digit run stops at a dot): found before digit runs, so
        // their digits are not judged again.
        AddIntroduced(text, matches);
        var emails = matches.Count;
        // A URL that starts inside an e-mail address is gone once the address is masked: ignore it now too.
        var urls = UrlPattern().Matches(text).Where(u => !Overlaps(matches, emails, u.Index, 1)).ToList();
        foreach (Match run in DigitRunPattern().Matches(text))
        {
            if (IsUrlPathSegment(text, urls, run.Index))
            {
                continue;
            }

            // Groups inside an e-mail address split the run: each side is judged alone, as it will be once the address is masked.
            var groups = DigitGroupPattern().Matches(run.Value).Select(g => (Start: run.Index + g.Index, g.Length)).ToArray();
            var from = 0;
            for (var g = 0; g <= groups.Length; g++)
            {
                if (g == groups.Length || Overlaps(matches, emails, groups[g].Start, groups[g].Length))
                {
                    if (g > from)
                    {
                        FindNumbers(text, groups[from..g], matches);
                    }

                    from = g + 1;
                }
            }
        }

        matches.Sort((a, b) => a.Index.CompareTo(b.Index));
        return matches;
    }

    private static void AddIntroduced(string text, List<PersonalDataMatch> matches)
    {
        void Add(PersonalDataKind kind, Group found)
        {
            if (!Overlaps(matches, matches.Count, found.Index, found.Length))
            {
                matches.Add(new PersonalDataMatch(kind, found.Index, found.Length));
            }
        }

        foreach (Match id in WeChatInternalIdPattern().Matches(text))
        {
            Add(PersonalDataKind.WeChatId, id);
        }

        var urls = UrlPattern().Matches(text);
        foreach (Match id in WeChatIdPattern().Matches(text))
        {
            var value = id.Groups["id"];
            if (urls.Any(u => u.Index <= id.Index && id.Index < u.Index + u.Length))
            {
                continue;
            }

            // Without 号/id or a colon, only an id with a digit, _ or - counts ("微信 native" is a word), and a Latin "wx"
            // needs at least a space before it ("wxapp" is one word).
            var bare = !id.Groups["named"].Success;
            if (bare && (!value.Value.Any(c => char.IsAsciiDigit(c) || c is '_' or '-') || !(id.Groups["space"].Success || id.Groups["chinese"].Success)))
            {
                continue;
            }

            Add(PersonalDataKind.WeChatId, value);
        }

        foreach (Match qq in QqNumberPattern().Matches(text))
        {
            Add(PersonalDataKind.QqNumber, qq.Groups["number"]);
        }

        foreach (Match mobile in DottedMobilePattern().Matches(text))
        {
            Add(PersonalDataKind.MobilePhone, mobile);
        }
    }

    private static bool Overlaps(List<PersonalDataMatch> matches, int count, int index, int length)
    {
        for (var i = 0; i < count; i++)
        {
            if (index < matches[i].Index + matches[i].Length && matches[i].Index < index + length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUrlPathSegment(string text, List<Match> urls, int index) =>
        index > 0 && text[index - 1] == '/' && urls.Any(u => u.Index < index && index < u.Index + u.Length);

    // A run is digit groups joined by single spaces or hyphens; take the longest number starting at each group.
    private static void FindNumbers(string text, (int Start, int Length)[] groups, List<PersonalDataMatch> matches)
    {
        var first = 0;
        while (first < groups.Length)
        {
            var found = false;
            for (var last = Math.Min(groups.Length - 1, first + MaxGroupsInOneNumber - 1); last >= first && !found; last--)
            {
                var match = Classify(text, groups, first, last);
                if (match is not null)
                {
                    matches.Add(match);
                    first = last + 1;
                    found = true;
                }
            }

            if (!found)
            {
                first++;
            }
        }
    }

    private static PersonalDataMatch? Classify(string text, (int Start, int Length)[] groups, int first, int last)
    {
        var start = groups[first].Start;
        var end = groups[last].Start + groups[last].Length;
        if (!StandsAloneOnTheLeft(text, start) || (last == groups.Length - 1 && PartOfDecimal(text, end)))
        {
            return null;
        }

        var digits = Digits(text, groups, first, last);
        var lengths = groups[first..(last + 1)].Select(g => g.Length).ToArray();
        var letterAfter = last == groups.Length - 1 && end < text.Length && char.IsAsciiLetter(text[end]);

        // A resident ID may end in X: then the run stops one character early.
        if (digits.Length == 17 && letterAfter && text[end] is 'X' or 'x' && !(end + 1 < text.Length && (char.IsAsciiLetter(text[end + 1]) || IsDigit(text[end + 1])))
            && IdShape(lengths, 17) && PersonalDataChecks.IsResidentId(digits + 'X'))
        {
            return new PersonalDataMatch(PersonalDataKind.ResidentId, start, end + 1 - start);
        }

        if (letterAfter)
        {
            return null;
        }

        if (IdShape(lengths, 18) && PersonalDataChecks.IsResidentId(digits))
        {
            return new PersonalDataMatch(PersonalDataKind.ResidentId, start, end - start);
        }

        if (LandlineShape(digits, lengths) && !IntroducedAsService(text, start))
        {
            return new PersonalDataMatch(PersonalDataKind.Landline, start, end - start);
        }

        var mobile = MobileDigits(digits, lengths);
        if (mobile is not null && PersonalDataChecks.IsMobile(mobile))
        {
            var plus = mobile.Length < digits.Length && start > 0 && text[start - 1] == '+' ? 1 : 0;
            return new PersonalDataMatch(PersonalDataKind.MobilePhone, start - plus, end - start + plus);
        }

        return CardShape(lengths) && PersonalDataChecks.IsBankCard(digits)
            ? new PersonalDataMatch(PersonalDataKind.BankCard, start, end - start)
            : null;
    }

    // Not glued to a letter (an order number like P2018…) or to the fraction of a decimal.
    private static bool StandsAloneOnTheLeft(string text, int start) =>
        start == 0
        || !(char.IsAsciiLetter(text[start - 1]) || (text[start - 1] == '.' && start > 1 && IsDigit(text[start - 2])));

    private static bool PartOfDecimal(string text, int end) =>
        end + 1 < text.Length && text[end] == '.' && IsDigit(text[end + 1]);

    private static bool IdShape(int[] lengths, int digits) =>
        lengths.Length == 1 || (lengths.Length == 3 && lengths[0] == 6 && lengths[1] == 8 && lengths[2] == digits - 14);

    // 11 digits as one run or 3-4-4, optionally after the country code 86.
    private static string? MobileDigits(string digits, int[] lengths)
    {
        var rest = lengths;
        var number = digits;
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) && (lengths.Length == 1 || lengths[0] == 2))
        {
            number = digits[2..];
            rest = lengths.Length == 1 ? [11] : lengths[1..];
        }

        if (number.Length != 11)
        {
            return null;
        }

        return rest is [11] or [3, 4, 4] ? number : null;
    }

    // Area code 010, 02x or 0[3-9]xx, then 7 or 8 digits in one group or as 3-4/4-4: 021-62345678, 0755-8888 8888.
    private static bool LandlineShape(string digits, int[] lengths)
    {
        var area = lengths[0];
        var ok = area switch
        {
            3 => digits.StartsWith("010", StringComparison.Ordinal) || (digits[1] == '2'),
            4 => digits[0] == '0' && digits[1] is >= '3' and <= '9',
            _ => false,
        };
        return ok
            && digits[0] == '0'
            && (lengths[1..] is [7] or [8] or [3, 4] or [4, 4]);
    }

    // A hotline or a customer-service number belongs to a company, not a person: "四川航空的热线028-88888888".
    private static bool IntroducedAsService(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 8), Math.Min(8, start));
        return before.Contains("热线", StringComparison.Ordinal)
            || before.Contains("客服", StringComparison.Ordinal)
            || before.Contains("服务电话", StringComparison.Ordinal);
    }

    // One run, groups of four with a shorter tail, or the 4-6-4/4-6-5 of fifteen-digit cards.
    private static bool CardShape(int[] lengths) =>
        lengths.Length == 1
        || (lengths.Length >= 3 && lengths[..^1].All(l => l == 4) && lengths[^1] is >= 1 and <= 4)
        || lengths is [4, 6, 4] or [4, 6, 5];

    private static string Digits(string text, (int Start, int Length)[] groups, int first, int last)
    {
        var builder = new StringBuilder(24);
        for (var g = first; g <= last; g++)
        {
            for (var i = groups[g].Start; i < groups[g].Start + groups[g].Length; i++)
            {
                // Full-width digits (０-９) count as their ASCII twins.
                builder.Append(text[i] >= '０' ? (char)(text[i] - '０' + '0') : text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    [GeneratedRegex(@"(?<![A-Za-z0-9０-９._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![A-Za-z0-9０-９\-])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'\u3000，。；！？）】」]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex("(?<![0-9０-９])[0-9０-９]+(?:[ \\-][0-9０-９]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex("[0-9０-９]+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroupPattern();

    // WeChat's internal user id, as raw exports and @mentions of people without a nick show it.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])wxid_[A-Za-z0-9]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex WeChatInternalIdPattern();

    // An id introduced as a WeChat id: 微信/wx/vx/V信/weixin/wechat, then 号/id or a colon ("named"), or only spaces, or (after
    // 微信, V信) nothing. Not inside a word or a URL path (…/wxhb_personalreceive, …/wechatpay_guide).
    [GeneratedRegex(
        @"(?<![A-Za-z0-9_/.])(?:(?<chinese>微信|[Vv]信)|(?i:wx|vx|weixin|wechat))(?:(?<named>\s*(?:号码?|(?i:id)|账号)\s*[:：]?|\s*[:：])|(?<space>[ \t]+)|)\s*(?:是|为)?\s*(?<id>[A-Za-z][A-Za-z0-9_\-]{5,19})(?![A-Za-z0-9_\-@]|\.[A-Za-z0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex WeChatIdPattern();

    // A number introduced as a QQ number: QQ, QQ号, QQ号码 or QQ邮箱, then an optional colon or bracket. Not a QQ group (QQ群).
    [GeneratedRegex(@"(?<![A-Za-z0-9.])(?i:qq)\s*(?:号码?|邮箱)?\s*[:：(（]?\s*(?<number>[1-9][0-9]{4,10})(?![0-9@]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex QqNumberPattern();

    // A mobile number in dot-separated 3-4-4 groups, not part of a longer dotted run (a version, an address).
    [GeneratedRegex(@"(?<![0-9０-９.])1[3-9][0-9]\.[0-9]{4}\.[0-9]{4}(?![0-9０-９]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DottedMobilePattern();
}
