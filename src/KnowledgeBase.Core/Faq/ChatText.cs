using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Faq;

/// <summary>Removes what a reader of an FAQ does not need from a chat message: @mentions, emoji codes, greetings.</summary>
internal static partial class ChatText
{
    // Longest first, so that 请教各位大神 goes before 请教 can leave 各位大神 behind.
    private static readonly string[] Openers =
    [
        "跟大家请教一个问题", "跟大家请教个问题", "请教大家一个问题", "请教大家一个", "请教各位一个问题", "请教一个问题",
        "请教个问题", "请教各位大神", "请教各位大佬", "请教各位大牛", "请教各位", "请教大家", "请教一下", "请教下", "请教",
        "问大家一个问题", "问各位一个问题", "问下各位一个问题", "问一下各位", "问下各位", "问下大家", "问一下大家",
        "我想请教一下", "我想请教下", "想请教一下", "想请教下", "想请教", "我想请问一下", "我想请问下", "想请问一下",
        "想请问下", "想请问", "我想问一下", "我想问下", "想问一下", "想问下",
        "问个小白问题", "问大家个问题", "问几个问题", "问个问题", "问个题", "问一个问题", "问一下", "问下", "麻烦问一下", "麻烦问下",
        "咨询大家一个问题", "咨询大家个问题", "咨询各位一个问题", "咨询各位个问题", "咨询一个问题", "咨询个问题", "咨询一下",
        "咨询下", "咨询大家", "咨询各位", "求助一个问题", "求助个问题", "求教一个问题", "求教个问题", "求教各位",
        "弱弱的问一个问题", "弱弱的问个问题", "弱弱的问一下", "弱弱的问下", "弱弱的问一句", "弱弱问一个问题", "弱弱问个问题",
        "弱弱问一下", "弱弱问下", "弱弱问一句", "顺便问一下", "顺便问下",
        "各位大神", "各位大佬", "各位大牛", "各位老师", "各位朋友", "各位同学", "各位前辈", "各位好", "各位",
        "大家好", "大家", "大神们", "大佬们", "你好", "您好", "hello", "hi", "请问一下", "请问下", "请问", "问题：", "问题:",
    ];

    // Openers that are also the start of a word, so that they go only before a separator: 问问 (问问题), 求教 (求教程),
    // 个事 (个事情).
    private static readonly string[] SeparatedOpeners = ["顺便问问", "问问", "求教", "问个事", "请教个事", "咨询个事", "请教一个"];

    // Forms of address that may follow an opener (请教大神, 各位大咖们).
    private static readonly string[] Honorifics =
    [
        "大神", "大佬", "大牛", "大咖", "大侠", "大仙", "大大", "大拿", "大哥", "老师", "前辈", "同学", "同仁", "朋友", "专家",
        "行家", "牛人", "群友", "高手", "达人", "人士", "小伙伴",
    ];

    // Characters that bind to the opener before them, so that it is part of a word or a phrase: 大家的, 请问个…问题,
    // 请教了, 请问一个…问题, 各位下午好; and after the people an opener calls on, what makes them the subject of the
    // question: 大家都, 各位也, 大家还, 大家所在, 大家说的 (请教一下所谓的… is no such thing).
    private static readonly System.Buffers.SearchValues<char> WordGlue = System.Buffers.SearchValues.Create("的们个了一下");
    private static readonly System.Buffers.SearchValues<char> SubjectGlue = System.Buffers.SearchValues.Create("都也还所说");
    private static readonly string[] Subjects = ["大家", "各位", "们", .. Honorifics];

    private static readonly char[] Particles = ['哈', '啊', '呀', '哦', '哇', '嘛'];

    // What may separate an opener or a lead-in from the question after it.
    private static readonly char[] OpenerEnds = [' ', '，', ',', '：', ':', '；', ';', '！', '!', '。', '.', '、', '~', '～', '？', '?'];

    // What ends a clause of chat; not '.', which sits inside numbers and names (T+0.5, 1.0版).
    private static readonly char[] ClauseEnds = [' ', '，', ',', '。', '！', '!', '~', '～', '；', ';', '：', ':', '、', '…'];
    private static readonly System.Buffers.SearchValues<char> ClauseEndValues = System.Buffers.SearchValues.Create(ClauseEnds);

    // The members of the group a question calls on: 群里 or 各位 (群里的各位, 群里小伙伴们), then what they are and do
    // (各位技术大牛, 群里银联的大神们, 群里各位专业人士, 群里高手大神们); not who may be there (群里有大佬, 各位谁是…).
    private static readonly string Members =
        @"(?:的?(?![有谁哪没都也还])(?:[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,4}?的?)??(?:" + string.Join('|', Honorifics) + @")+)?们?";

    private static readonly Regex GroupAddressee = new(@"^(?:(?:群里|群内|群中|在座)的?(?:各位|诸位)?|各位|诸位)" + Members, RegexOptions.CultureInvariant);

    // The same after an opener that ends calling on 各位 (请教各位做支付的朋友).
    private static readonly Regex CalledOnMembers = new("^" + Members, RegexOptions.CultureInvariant);

    // Words that end like a form of address and are not one.
    private static readonly HashSet<string> NotAddresses = new(StringComparer.Ordinal) { "汇总", "总总" };

    // What says nothing on its own: an acknowledgement, a laugh, thanks. A message made only of these says nothing.
    private static readonly HashSet<string> Chatter = new(StringComparer.OrdinalIgnoreCase)
    {
        "嗯", "嗯嗯", "恩", "恩恩", "哦", "哦哦", "噢", "喔", "额", "呃", "啊", "是的", "是", "是啊", "对", "对的", "对对",
        "对啊", "对呀", "好", "好的", "好滴", "好吧", "ok", "okay", "谢谢", "多谢", "感谢", "谢谢大家", "谢谢各位",
        "感谢分享", "谢谢分享", "多谢分享", "哈", "哈哈", "哈哈哈", "哈哈哈哈", "呵呵", "嘿嘿", "明白", "明白了", "懂了",
        "了解", "了解了", "收到", "赞", "厉害", "牛", "666", "学习了", "受教了", "有道理", "同问", "+1", "1",
        // Me too, waiting for the answer: no answer, and whoever says it is no expert.
        "同求", "同上", "坐等", "坐等答案", "蹲", "蹲一个", "mark", "关注", "+2",
    };

    // Clauses that close a question without being part of it (StripCourtesies), and what ends and separates them.
    private static readonly HashSet<string> Courtesies = new(StringComparer.OrdinalIgnoreCase)
    {
        "谢谢", "谢谢了", "先谢谢了", "先谢谢", "多谢", "多谢了", "先行谢过", "感谢", "感谢感谢", "谢谢谢谢", "谢谢大家", "谢谢各位",
        "谢谢各位大神", "谢谢各位大佬", "多谢各位", "多谢大家", "在线等", "急", "求解答", "求解", "求指教", "求指点", "求指导",
        "thanks", "thx", "thank you",
        // An opener put last: "有没有了解商品交易所的，咨询点问题".
        "咨询点问题", "咨询个问题", "咨询一下", "请教个问题", "请教一个问题", "请教一下", "请教下", "问个问题", "求助",
    };

    // What goes on from a name before it: 的, 说, 提, 讲, 和, 跟, 与, 给, 在, 是, 也, 都, 所.
    private static readonly System.Buffers.SearchValues<char> NameGlue = System.Buffers.SearchValues.Create("的说提讲和跟与给在是也都所");

    // Where the text after an addressee at the end is cut into clauses of thanks or chatter.
    private static readonly char[] ClosingCuts = [.. ClauseEnds, '？', '?', '.'];

    // Punctuation a removed mention or a cut leaves at the start of a text (not '.', which starts .NET, nor quotes).
    private static readonly char[] LeftoverPunctuation = ['，', ',', '、', '：', ':', '；', ';', '。', '？', '?', '！', '!', '~', '～', ' '];

    private static readonly char[] CourtesyEnds = [' ', '！', '!', '。', '.', '~', '～', '…'];
    private static readonly System.Buffers.SearchValues<char> CourtesyCuts = System.Buffers.SearchValues.Create(" ，,。！!？?；;~～、…");

    // Clauses that lead into a question without being part of it: "对了，", "不好意思，", what is left of an opener
    // ("个问题，" after 请教大家), a call on the group. Dropped only as a whole clause, so 对了吗 or 另外两家 stay.
    private static readonly HashSet<string> LeadIns = new(StringComparer.OrdinalIgnoreCase)
    {
        "对了", "话说", "另外", "还有", "还有一个问题", "还有个问题", "一个问题", "个问题", "一个小问题", "小白问题",
        "不好意思", "打扰一下", "打扰下", "打扰了", "亲们", "群友们", "兄弟们", "朋友们", "各位群友",
        "大神", "大佬", "大牛", "求助", "求助一下", "求问", "求问各位", "求问各位大大", "各位大大", "大大们", "群里的大神们",
        "老大", "群主", "楼主", "老板", "领导", "亲", "all",
    };

    /// <summary>
    /// The text with WeChat emoji codes, lost-emoji question marks, control characters and extra spaces removed, and its
    /// @mentions (not the <c>@</c> of an e-mail address) cleaned for a reader: the addressees that start or end it go,
    /// with the whole nick picked (<c>@Summer 梁夏-丰瑞祥-GM-BJ</c>; <see cref="MentionedNick"/>), and so do <c>@所有人</c>
    /// and <c>@all</c>; a mention inside a sentence is part of it and stays as <c>@</c> and the person's name
    /// (<c>我的看法和@thq 一致</c>), so that an anonymized export still finds it. Punctuation left at the start goes.
    /// </summary>
    /// <param name="text">Message text.</param>
    /// <param name="mentions">Names the reader found mentioned (without <c>@</c>).</param>
    /// <returns>The cleaned text.</returns>
    public static string Clean(string text, IReadOnlyList<string> mentions)
    {
        text = WithoutAddressees(text, MentionedNick.Spans(text, mentions));
        text = EmojiCode().Replace(text, " ");
        text = LostEmoji().Replace(text, WithoutLostEmoji);
        text = ControlCharacters().Replace(text, string.Empty);
        // An '@' with no name after it ends nothing but the message ("…那个虚户？@").
        text = Spaces().Replace(text, " ").Trim().TrimEnd('@').TrimEnd();
        var trimmed = text.TrimStart(LeftoverPunctuation).TrimStart();
        return trimmed.Length > 0 ? trimmed : text;
    }

    /// <summary>
    /// A cleaned text without the names of the people its messages mention inside a sentence (<c>@张三</c>, see
    /// <see cref="Clean"/>): a name is no keyword, nor a word two questions share.
    /// </summary>
    /// <param name="cleaned">Text cleaned from the messages.</param>
    /// <param name="messages">The messages it was cleaned from.</param>
    /// <returns>The text with each <c>@name</c> a space.</returns>
    public static string WithoutMentionedNames(string cleaned, IEnumerable<ChatMessage> messages)
    {
        if (!cleaned.Contains('@', StringComparison.Ordinal))
        {
            return cleaned;
        }

        var names = messages
            .SelectMany(m => MentionedNick.Spans(m.Text, m.Mentions).Where(s => !s.Everyone).Select(s => MentionedNick.Name(m.Text[s.NickStart..s.NickEnd])))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length);
        foreach (var name in names)
        {
            cleaned = cleaned.Replace("@" + name, " ", StringComparison.Ordinal);
        }

        return cleaned;
    }

    /// <summary>
    /// The text without the greetings and openers that start a question, such as 请教各位大神, 各位大牛们 or 大家好, and
    /// without the clauses that only lead into it: an acknowledgement ("嗯，"), a lead-in ("对了，"), a call on a member
    /// ("龚老师，", "大侠们，"). An opener goes only where it ends: before a separator, a lead-in or the question it leads
    /// into, not inside a word ("大家的系统", "请问个…问题", "his") nor before what makes the people it calls on the subject
    /// ("大家说的", "各位都是"); Latin openers go as whole words.
    /// </summary>
    /// <param name="text">Cleaned text.</param>
    /// <returns>The text from its first word of substance; empty when it was only a greeting.</returns>
    public static string StripOpeners(string text)
    {
        // A '?' before the first word is what is left of an emoji or of a mention's separator; a comma there, of a cut.
        text = text.TrimStart('?', '？', ' ', '，', ',', '；', ';', '。', '、', '：', ':', '！', '!');
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            var opener = SeparatedOpeners.FirstOrDefault(o => text.StartsWith(o, StringComparison.Ordinal) && (text.Length == o.Length || OpenerEnds.Contains(text[o.Length])))
                ?? Openers.FirstOrDefault(o => text.StartsWith(o, StringComparison.OrdinalIgnoreCase));
            var addressed = WithoutHonorific(text);
            if (addressed.Length < text.Length && (addressed.Length == 0 || OpenerEnds.Contains(addressed[0])))
            {
                // A call on the group with no opener before it: "大侠们，", "老师，".
                text = addressed.TrimStart(OpenerEnds);
                changed = true;
            }
            else if (opener is not null)
            {
                var rest = WithoutHonorific(text[opener.Length..], opener.EndsWith("各位", StringComparison.Ordinal));
                if (!LeadsOn(opener, rest, rest.Length < text.Length - opener.Length))
                {
                    break;
                }

                text = rest.TrimStart(OpenerEnds);
                changed = true;
            }

            var clauseEnd = text.AsSpan().IndexOfAny(ClauseEndValues);
            if (!changed && clauseEnd > 0 && IsLeadInClause(text[..clauseEnd]) && text[clauseEnd..].TrimStart(OpenerEnds).Length > 0)
            {
                text = text[clauseEnd..].TrimStart(OpenerEnds);
                changed = true;
            }

            if (!changed && LeadingInterjection().Match(text) is { Success: true } interjection)
            {
                // "嗯一般做法是…", "哦？怎么…", "唉，不会编程…": a sound typed before the question, with no comma or with a
                // mark the lead-in clauses above do not take.
                text = text[interjection.Length..];
                changed = true;
            }
        }

        return text;
    }

    /// <summary>
    /// The text without the courtesies that close a question: thanks ("…怎么做？谢谢！", "先谢谢了") and pleas such as
    /// 在线等 or 求解答, each dropped only as a whole last clause.
    /// </summary>
    /// <param name="text">Cleaned text.</param>
    /// <returns>The text up to its last clause of substance; the text itself when it is only courtesies.</returns>
    public static string StripCourtesies(string text)
    {
        var kept = text;
        while (true)
        {
            var body = kept.TrimEnd(CourtesyEnds);
            var cut = body.AsSpan().LastIndexOfAny(CourtesyCuts);
            var clause = body[(cut + 1)..].Trim();
            if (cut < 0 || !Courtesies.Contains(clause))
            {
                return kept;
            }

            kept = body[..(cut + 1)].TrimEnd(' ', '，', ',', '、', '；', ';', '~', '～');
        }
    }

    /// <summary>Whether the text is only acknowledgements, laughs or thanks ("好的", "嗯，对的", "哈哈，厉害").</summary>
    /// <param name="text">Cleaned text.</param>
    /// <returns>True for chatter.</returns>
    public static bool IsChatter(string text)
    {
        var clauses = text.Split(ClauseEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return clauses.Length > 0 && clauses.All(clause => Chatter.Contains(clause.TrimEnd('.')));
    }

    /// <summary>Joins pieces of one thought: a separator only where a piece does not end with punctuation.</summary>
    /// <param name="pieces">Cleaned pieces in order.</param>
    /// <returns>One text.</returns>
    public static string Join(IEnumerable<string> pieces)
    {
        var text = new System.Text.StringBuilder();
        foreach (var piece in pieces.Where(p => p.Length > 0))
        {
            if (text.Length > 0 && !IsClosingPunctuation(text[^1]))
            {
                text.Append('，');
            }

            text.Append(piece);
        }

        return text.ToString();
    }

    // The addressees go: the mentions at the start, with nothing but punctuation, spaces and emoji before them, and those
    // at the end, with nothing but that or thanks and chatter after them ("…吗？@张三 谢谢", "好的@张三 收到"). Any other
    // mention is part of a sentence ("多谢@亚楠 的分享", "新入群的@冷暖自知 是做风控的") and is shown by the name.
    private static string WithoutAddressees(string text, IReadOnlyList<MentionSpan> spans)
    {
        if (spans.Count == 0)
        {
            return text;
        }

        var leading = 0;
        for (var from = 0; leading < spans.Count && IsFiller(text[from..spans[leading].At]); leading++)
        {
            from = spans[leading].End;
        }

        // After an acknowledgement ("好的@张三 已发到…"), unless the sentence goes on from the name ("多谢@亚楠 的分享").
        if (leading == 0 && IsChatter(EmojiCode().Replace(text[..spans[0].At], " ")) && !Binds(text.AsSpan(spans[0].End).TrimStart()))
        {
            leading = 1;
            while (leading < spans.Count && IsFiller(text[spans[leading - 1].End..spans[leading].At]))
            {
                leading++;
            }
        }

        var trailing = spans.Count;
        for (var to = text.Length; trailing > leading && IsClosing(text[spans[trailing - 1].End..to]); trailing--)
        {
            to = spans[trailing - 1].At;
        }

        var cleaned = new System.Text.StringBuilder(text.Length);
        var last = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            cleaned.Append(text, last, span.At - last);
            last = span.End;
            var next = span.End < text.Length ? text[span.End] : ' ';
            if (i >= leading && i < trailing && !span.Everyone)
            {
                cleaned.Append('@').Append(MentionedNick.Name(text[span.NickStart..span.NickEnd]));
                if (char.IsLetterOrDigit(next) || next == '@')
                {
                    cleaned.Append(' ');
                }
            }
            else if (cleaned.Length > 0 && char.IsLetterOrDigit(cleaned[^1]) && char.IsLetterOrDigit(next))
            {
                cleaned.Append(' ');
            }
        }

        return cleaned.Append(text, last, text.Length - last).ToString();
    }

    // Whether text after a mention goes on from the name: "的分享", "说的对", "和我一样".
    private static bool Binds(ReadOnlySpan<char> after) => after.Length > 0 && NameGlue.Contains(after[0]);

    // Nothing a reader needs between or around addressees: white space, punctuation, lost emoji, emoji codes.
    private static bool IsFiller(string text) =>
        EmojiCode().Replace(text, string.Empty).All(c => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c));

    // What may follow an addressee at the end: filler, or only thanks and chatter ("谢谢", "收到").
    private static bool IsClosing(string text)
    {
        if (IsFiller(text))
        {
            return true;
        }

        var clauses = EmojiCode().Replace(text, " ").Split(ClosingCuts, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return clauses.All(c => Chatter.Contains(c.TrimEnd('.')) || Courtesies.Contains(c));
    }

    // A clause before the question: chatter ("嗯，"), a lead-in ("对了，"), or a call on one member ("龚老师，", "冬哥，");
    // not a number, which starts a list ("1、开户要多久？2、…").
    private static bool IsLeadIn(string clause) =>
        !clause.All(char.IsAsciiDigit)
        && (Chatter.Contains(clause) || LeadIns.Contains(clause) || (FormOfAddress().IsMatch(clause) && !NotAddresses.Contains(clause)));

    // What comes after an opener that goes with it: a form of address and its 们 (各位大牛们, 请教大神一个问题, 大咖们),
    // or the members of the group it calls on (群里的各位, 各位技术大牛, 群里银联的大神们), when a separator or a
    // lead-in follows, so that 问下朋友圈 keeps its 朋友.
    private static string WithoutHonorific(string rest, bool calledOn = false)
    {
        var group = (calledOn ? CalledOnMembers : GroupAddressee).Match(rest);
        if (group.Length > 0 && (group.Length == rest.Length || OpenerEnds.Contains(rest[group.Length]) || StartsWithLeadIn(rest[group.Length..])))
        {
            return rest[group.Length..];
        }

        foreach (var honorific in Honorifics)
        {
            if (!rest.StartsWith(honorific, StringComparison.Ordinal))
            {
                continue;
            }

            var after = rest[honorific.Length..];
            after = after.StartsWith('们') ? after[1..] : after;
            if (after.Length == 0 || OpenerEnds.Contains(after[0]) || StartsWithLeadIn(after))
            {
                return after;
            }
        }

        return rest.StartsWith('们') ? rest[1..] : rest;
    }

    // Whether an opener ends where the text after it starts: at a separator or the end, before a lead-in (个问题，), or
    // before the question it leads into (请问网联有条码接口吗, 大家有人做过吗); not inside a word (大家的系统, 请问个…问题,
    // his), nor where the people it calls on are the subject of the question (各位都是, 大家说的), where the opener is part
    // of the question and stays.
    private static bool LeadsOn(string opener, string rest, bool addressed)
    {
        if (rest.Length == 0 || OpenerEnds.Contains(rest[0]))
        {
            return true;
        }

        if (char.IsAsciiLetter(opener[^1]))
        {
            return !char.IsAsciiLetterOrDigit(rest[0]);
        }

        var subject = addressed || Subjects.Any(s => opener.EndsWith(s, StringComparison.Ordinal));
        return StartsWithLeadIn(rest) || !(WordGlue.Contains(rest[0]) || (subject && SubjectGlue.Contains(rest[0])));
    }

    private static bool StartsWithLeadIn(string text)
    {
        var clauseEnd = text.AsSpan().IndexOfAny(ClauseEndValues);
        return IsLeadInClause(clauseEnd < 0 ? text : text[..clauseEnd]);
    }

    // A lead-in may end with a particle: 一个问题哈.
    private static bool IsLeadInClause(string clause)
    {
        var bare = clause.TrimEnd(Particles);
        return IsLeadIn(clause) || (bare.Length > 0 && bare.Length < clause.Length && IsLeadIn(bare));
    }

    private static bool IsClosingPunctuation(char c) => c is '。' or '？' or '！' or '，' or '；' or '.' or '?' or '!' or ',' or ';' or '：' or ':';

    // WeChat emoji codes ([微笑], [坏笑], [OK]); not the text of a Markdown link or image ([对账规范](url), ![图](url)).
    [GeneratedRegex(@"\[[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,4}\](?!\()")]
    private static partial Regex EmojiCode();

    // Emoji lost in the export became runs of ASCII '?' (???♂?); two or more in a row are never a real question mark. The
    // export writes no full-width '？' for them: a run holding one was typed (怎么理解？？, 防范？??), and reads as one '？'.
    [GeneratedRegex(@"[?？]{2,}|[?]\u2642[?]?|[?]\u2640[?]?")]
    private static partial Regex LostEmoji();

    private static string WithoutLostEmoji(Match run) => run.Value.Contains('？', StringComparison.Ordinal) ? "？" : " ";

    // Sounds typed before a question, straight or with a mark (嗯一般…, 哦那…, 哦？怎么…, 唉，不会编程…), when a word
    // follows: not 恩 (恩施), 啊 or 额 (额度).
    [GeneratedRegex(@"^[嗯哦噢呃唉]+[，,？?！!、~～ ]*(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex LeadingInterjection();

    // A name of one or two characters, or a Latin nickname, with an honorific: 龚老师, 冬哥, 张总, M总, 张兄, 冬主席; not
    // a question about who (哪位大神, 谁老板) or a call for one (有大佬, 求大神), which is part of the question.
    [GeneratedRegex(@"^(?![哪谁有求])(?:\p{IsCJKUnifiedIdeographs}{1,2}|[A-Za-z]{1,8})(?:老师|哥|兄|总|姐|大神|大佬|老板|老大|主席|群主)$")]
    private static partial Regex FormOfAddress();

    // Control characters the export kept ("哪里\u0010？"); line breaks and tabs are white space.
    [GeneratedRegex(@"[\p{Cc}-[\t\n]]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"[ \t\u3000\u00a0]+|\n+")]
    private static partial Regex Spaces();
}
