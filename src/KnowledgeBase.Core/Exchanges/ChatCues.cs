using System.Buffers;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Surface cues of chat messages (question words, answer words, thanks, sign-ins …). They are features for the learned
/// models, not rules: the weights come from labelled days.
/// </summary>
internal static class ChatCues
{
    private static readonly string[] InterrogativeWords =
        ["怎么", "如何", "为什么", "为啥", "哪些", "什么", "是否", "能不能", "有没有", "可不可以", "是不是", "会不会", "要不要",
         "多少", "哪个", "哪家", "哪里", "可否", "咋", "啥", "几种", "区别", "行不行", "对不对", "需不需要", "怎样", "能否"];

    private static readonly string[] RequestWords =
        ["请问", "请教", "问下", "问一下", "问个", "求", "想了解", "了解一下", "咨询", "谁知道", "有谁", "有人知道", "大神", "各位",
         "大家", "帮忙", "指点", "推荐", "有人做过", "有做过", "有了解"];

    private static readonly string[] AnswerWords =
        ["可以", "不可以", "需要", "不需要", "是的", "不是", "一般", "建议", "要看", "取决于", "没有", "有的", "应该", "因为", "所以",
         "就是", "不行", "不能", "必须", "其实", "通常", "主要", "目前", "现在", "得", "看", "要", "都"];

    private static readonly string[] ThanksWords = ["谢谢", "感谢", "多谢", "谢了", "thx", "thanks", "3q", "明白了", "懂了", "学习了", "受教"];

    private static readonly string[] AckWords = ["嗯", "好的", "好", "收到", "ok", "对", "是", "哈哈", "呵呵", "嘿嘿", "哈", "是啊", "对的", "赞", "对啊"];

    private static readonly string[] MetaWords = ["签到", "红包", "群主", "入群", "拉群", "进群", "群里", "分享", "直播", "讲座", "主持", "欢迎", "晚上好", "早上好", "早安", "晚安"];

    private static readonly string[] JokeWords = ["哈哈", "呵呵", "[捂脸]", "[偷笑]", "[奸笑]", "[破涕为笑]", "[坏笑]", "[呲牙]", "😂", "开玩笑", "段子"];

    private static readonly string[] RhetoricalWords = ["难道", "不就", "是吧", "对吧", "吧？", "吧?", "不行吗", "不好吗", "不对吗", "岂不", "还不是", "不也"];

    private static readonly SearchValues<char> RhetoricalEnds = SearchValues.Create("吗么嘛");

    private static readonly string[] SecondPersonWords = ["你们", "你家", "贵司", "您们", "你那", "你这"];

    private static readonly SearchValues<char> QuestionMarks = SearchValues.Create("？");

    public static bool HasFullWidthQuestionMark(string text) => text.AsSpan().IndexOfAny(QuestionMarks) >= 0;

    // An ASCII '?' also stands for a lost emoji; only one at the end of a sentence is a likely question mark.
    public static bool EndsWithQuestionMark(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith('？') || (trimmed.EndsWith('?') && !trimmed.EndsWith("??", StringComparison.Ordinal));
    }

    public static bool HasQuestionParticle(string text) =>
        text.Contains('吗') || text.Contains("么？", StringComparison.Ordinal) || EndsWithAny(text, "呢", "么", "嘛", "吧？", "呢？");

    /// <summary>Ends with 呢 (a question mark after it or not): "and what about …?".</summary>
    public static bool EndsWithWhatAbout(string text) => EndsWithAny(text, "呢");

    public static int InterrogativeCount(string text) => CountAny(text, InterrogativeWords);

    public static int RequestCount(string text) => CountAny(text, RequestWords);

    public static int AnswerCount(string text) => CountAny(text, AnswerWords);

    public static bool IsThanks(string text) => ContainsAny(text.ToLowerInvariant(), ThanksWords);

    public static bool IsAck(string text)
    {
        var trimmed = text.Trim().TrimEnd('。', '!', '！', '~', '～').ToLowerInvariant();
        return trimmed.Length <= 4 && AckWords.Any(w => trimmed.StartsWith(w, StringComparison.Ordinal));
    }

    public static int MetaCount(string text) => CountAny(text, MetaWords);

    public static int JokeCount(string text) => CountAny(text, JokeWords);

    /// <summary>
    /// Cues of a question that argues rather than asks: a rhetorical or confirming turn (<c>不是…吗</c>, <c>难道</c>,
    /// <c>…吧？</c>, <c>不就…</c>), the way a reply challenges or checks what was just said.
    /// </summary>
    public static int RhetoricalCount(string text)
    {
        var count = CountAny(text, RhetoricalWords);
        var notIs = text.IndexOf("不是", StringComparison.Ordinal);
        if (notIs >= 0 && text.AsSpan(notIs).IndexOfAny(RhetoricalEnds) >= 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>Words addressing the other members (<c>你们</c>, <c>贵司</c>): questions about someone's own company or case.</summary>
    public static int SecondPersonCount(string text) => CountAny(text, SecondPersonWords);

    private static bool EndsWithAny(string text, params string[] endings)
    {
        var trimmed = text.TrimEnd(' ', '。', '.', '~', '～', '?', '？', '!', '！');
        return endings.Any(e => trimmed.EndsWith(e.TrimEnd('？'), StringComparison.Ordinal));
    }

    private static bool ContainsAny(string text, string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static int CountAny(string text, string[] words)
    {
        var count = 0;
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
