using System.Collections.Frozen;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// What makes a word a keyword, for topics and FAQ entries alike: it names a thing (a payment-domain term, or a word
/// jieba tags as noun-like that is not a word of asking nor a fragment of a phrase), and it is not inside another
/// keyword of the list.
/// </summary>
internal static class KeywordRules
{
    // jieba's tags for words that name a thing: nouns (n), other proper nouns (nz), organisations (nt), places (ns),
    // noun morphemes (ng), verbal nouns (vn: 支付, 结算, 风控), adjectival nouns (an: 安全), abbreviations (j: 工行,
    // 房贷) and English words (eng: app, sdk). Left out: verbs and adjectives, idioms and set phrases (l, i: 怎么办,
    // 说白了), time and place words (t, s: 周末, 隔壁), numbers (m, which is also jieba's tag for letters mixed with
    // digits, such as WeChat ids; h5 and p2p are domain terms) and person names (nr, nrfg, nrt): like the speakers'
    // names that ExchangeWords drops, a name says who talks, not what about.
    private static readonly FrozenSet<string> NounTags =
        FrozenSet.Create(StringComparer.Ordinal, "n", "nz", "nt", "ns", "ng", "vn", "an", "j", "eng");

    // Words of asking (for an answer, advice or help). Every exchange of an FAQ base is one, so they never tell topics
    // or entries apart; jieba tags some of them as nouns (问题, 指点), which the tag test alone would let through.
    private static readonly FrozenSet<string> AskingWords =
        FrozenSet.Create(StringComparer.Ordinal, "问题", "疑问", "请教", "请问", "求助", "求教", "指点", "指教", "帮忙", "咨询", "解答");

    // Nouns of chat that name no subject: how people ask (区别, 情况, 原因, 例子) and whom they address (小伙伴, 哥们,
    // 大牛). jieba tags them n, and in a group about payments they turn up in every topic.
    private static readonly FrozenSet<string> ChatNouns =
        FrozenSet.Create(StringComparer.Ordinal, "区别", "情况", "原因", "例子", "东西", "事情", "方面", "时候", "感觉", "意思", "办法",
            "小伙伴", "伙伴", "哥们", "兄弟", "朋友", "大牛", "大神", "大佬", "群友", "老师", "聊天记录");

    // Letters that stand for something else: placeholders (XX公司, xxx银行) and the Roman numerals of an account class
    // that jieba cuts off it (II类户 gives II and 类户).
    private static readonly FrozenSet<string> Placeholders =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "x", "xx", "xxx", "xxxx", "i", "ii", "iii");

    /// <summary>
    /// Whether a word can name what a topic or an entry is about: a domain term, or a noun-like word that is not a word
    /// of asking or of chat, nor a placeholder (XX, II), nor a fragment of a phrase jieba's HMM made into a word (举个,
    /// 账是, 老熊), whatever tag the tagger guesses for it (<see cref="ChineseSegmenter.IsFragment"/>).
    /// </summary>
    /// <param name="segmenter">Segmenter that knows the domain terms and tags words.</param>
    /// <param name="word">The word.</param>
    /// <returns>True when the word names a thing.</returns>
    public static bool NamesThing(ChineseSegmenter segmenter, string word) =>
        segmenter.IsDomainTerm(word)
        || (!AskingWords.Contains(word) && !ChatNouns.Contains(word) && !Placeholders.Contains(word) && !segmenter.IsFragment(word)
            && NounTags.Contains(segmenter.PartOfSpeech(word)));

    /// <summary>
    /// Adds <paramref name="words"/> in order until <paramref name="chosen"/> holds <paramref name="max"/>, skipping a word
    /// inside a chosen one or holding one (支付 and 支付机构 add nothing to each other), and so a word already chosen, and
    /// the short form of an account word chosen in full or the other way round (二类户 of 二类账户, 内部户 of 内部账户).
    /// </summary>
    /// <param name="chosen">The keywords so far.</param>
    /// <param name="words">Candidates, best first.</param>
    /// <param name="max">How many keywords are wanted.</param>
    public static void Fill(List<string> chosen, IEnumerable<string> words, int max)
    {
        foreach (var word in words)
        {
            if (chosen.Count >= max)
            {
                return;
            }

            if (!chosen.Any(c => Overlap(c, word)))
            {
                chosen.Add(word);
            }
        }
    }

    private static bool Overlap(string a, string b) =>
        a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase) || ShortAccount(a, b) || ShortAccount(b, a);

    // The payment groups write an account (账户) as 户 in a compound: 二类账户 and 二类户, 内部账户 and 内部户.
    private static bool ShortAccount(string full, string shortened) =>
        full.Length > 2 && full.EndsWith("账户", StringComparison.Ordinal) && shortened.Length == full.Length - 1
        && shortened.EndsWith('户') && full.AsSpan(0, full.Length - 2).SequenceEqual(shortened.AsSpan(0, shortened.Length - 1));
}
