using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using JiebaNet.Analyser;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// Cuts Chinese chat text into words with jieba.NET and a payment-domain user dictionary, keeping emoji, WeChat
/// emoji codes and URLs whole, picks out content words and keywords, and tags words with their part of speech. Load
/// once; every member is then safe to call from many threads.
/// </summary>
public sealed class ChineseSegmenter
{
    private const string UnknownTag = "x";

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.,:/-+%");

    // Characters that a phrase jieba's HMM joined into a word is cut around (IsFragment).
    private static readonly SearchValues<char> FragmentChars = SearchValues.Create("是能了有个下哈吗呢吧啊么嘛哇的用上指查会这那哪问想说在做也就都还把被给从对我你他举张人类");

    private readonly JiebaSegmenter _jieba;
    private readonly FrozenSet<string> _domainTerms;
    private readonly FrozenDictionary<string, string> _domainTags;
    private readonly FrozenSet<string> _stopWords;
    private readonly SegmentCache _cache;
    private readonly Lazy<TfidfExtractor> _tfidf;
    private readonly Lazy<PosSegmenter> _tagger;
    private readonly ConcurrentDictionary<string, string> _tags = new(StringComparer.Ordinal);

    private ChineseSegmenter(JiebaSegmenter jieba, IReadOnlyList<UserWord> userWords, FrozenSet<string> stopWords, SegmentCache cache)
    {
        _jieba = jieba;
        _domainTerms = userWords.Select(w => w.Word).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _domainTags = DomainTags(userWords);
        _stopWords = stopWords;
        _cache = cache;
        _tfidf = new Lazy<TfidfExtractor>(CreateTfidfExtractor, LazyThreadSafetyMode.ExecutionAndPublication);
        // The tagger reads jieba's whole dictionary for its tag table on first use; most commands never tag.
        _tagger = new Lazy<PosSegmenter>(() => new PosSegmenter(_jieba), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The words of the user dictionary, compared case-insensitively.</summary>
    public IReadOnlySet<string> DomainTerms => _domainTerms;

    /// <summary>
    /// Checks that every dictionary file exists, reads the user dictionary and stop words, adds the user words to
    /// jieba's process-wide dictionary (once per process) and returns a segmenter.
    /// </summary>
    /// <param name="options">Where the files are; the defaults look next to the application.</param>
    /// <returns>A segmenter, safe for parallel use.</returns>
    /// <exception cref="FileNotFoundException">A jieba resource, the user dictionary or the stop words are missing; the message names the file.</exception>
    /// <exception cref="SegmenterException">A file is malformed, or jieba was already set up from another resources folder.</exception>
    public static ChineseSegmenter Load(ChineseSegmenterOptions? options = null)
    {
        options ??= new ChineseSegmenterOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.CacheCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCachedTextLength);

        foreach (var file in ModelFiles.JiebaResourceFiles)
        {
            ModelFiles.Require(Path.Combine(options.JiebaResourcesDirectory, file), "jieba.NET dictionary file");
        }

        ModelFiles.Require(options.UserDictionaryPath, "payment-domain user dictionary");
        ModelFiles.Require(options.StopWordsPath, "stop-word list");

        var userWords = ModelFiles.ReadUserDictionary(options.UserDictionaryPath);
        var stopWords = ModelFiles.ReadStopWords(options.StopWordsPath);
        var jieba = JiebaRuntime.Initialize(options.JiebaResourcesDirectory, JiebaEntries(userWords));

        return new ChineseSegmenter(
            jieba,
            userWords,
            stopWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            new SegmentCache(options.CacheCapacity, options.MaxCachedTextLength));
    }

    /// <summary>
    /// All tokens of <paramref name="text"/> in order: whitespace dropped, ASCII letters lower-cased, full-width
    /// letters and digits folded to ASCII, emoji (with skin tones, ZWJ sequences, keycaps), WeChat emoji codes such as
    /// <c>[捂脸]</c> and URLs kept as single tokens. Punctuation stays, one token per mark.
    /// </summary>
    /// <param name="text">Any text; empty gives no tokens.</param>
    /// <returns>The tokens; the same list instance for a repeated short text.</returns>
    public IReadOnlyList<string> Segment(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (_cache.TryGet(text, out var cached))
        {
            return cached;
        }

        var tokens = new List<string>();
        foreach (var piece in ProtectedTokenSplitter.Split(FoldFullWidth(text)))
        {
            if (piece.IsProtected)
            {
                tokens.Add(piece.Text);
                continue;
            }

            foreach (var word in _jieba.Cut(piece.Text, cutAll: false, hmm: true))
            {
                if (!string.IsNullOrWhiteSpace(word))
                {
                    tokens.Add(word.AsSpan().ContainsAnyInRange('A', 'Z') ? word.ToLowerInvariant() : word);
                }
            }
        }

        var result = tokens.AsReadOnly();
        _cache.Add(text, result);
        return result;
    }

    /// <summary>
    /// Tokens for a search index, like jieba's <c>CutForSearch</c>: the tokens of <see cref="Segment"/>, each token of
    /// three or more Chinese characters preceded by the dictionary words of two and three characters inside it, so that
    /// a query for 牌照 finds text segmented as 支付牌照.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The tokens, inner words first, in order.</returns>
    public IReadOnlyList<string> SegmentForSearch(string text)
    {
        var tokens = Segment(text);
        var result = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Length > 2 && token.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF'))
            {
                AddInnerWords(result, token, 2);
                AddInnerWords(result, token, 3);
            }

            result.Add(token);
        }

        return result.AsReadOnly();
    }

    /// <summary>
    /// The tokens of <paramref name="text"/> that carry meaning: <see cref="Segment"/> without stop words, punctuation,
    /// symbols and emoji, WeChat emoji codes, URLs, pure numbers, and single characters that are not domain terms.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>The content words in order, repeats kept.</returns>
    public IReadOnlyList<string> ContentWords(string text) => Segment(text).Where(IsContentWord).ToList().AsReadOnly();

    /// <summary>
    /// The <paramref name="top"/> keywords of <paramref name="text"/> by jieba's TF-IDF (term frequency in the text
    /// times jieba's IDF table; words missing from the table get its median IDF), taken from the content words that
    /// are no fragments (<see cref="IsFragment"/>).
    /// </summary>
    /// <param name="text">Any text, typically a whole exchange or topic.</param>
    /// <param name="top">How many keywords at most.</param>
    /// <returns>The keywords, best first; fewer when the text has fewer content words.</returns>
    public IReadOnlyList<string> Keywords(string text, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var words = ContentWords(text);
        if (words.Count == 0)
        {
            return [];
        }

        // jieba re-cuts the text it is given; handing it the content words keeps emoji, codes and stop words out.
        return _tfidf.Value.ExtractTags(string.Join(' ', words), int.MaxValue)
            .Where(w => IsContentWord(w) && !IsFragment(w))
            .Distinct(StringComparer.Ordinal)
            .Take(top)
            .ToList()
            .AsReadOnly();
    }

    /// <summary>
    /// Whether <paramref name="word"/> is a piece of a phrase that jieba's HMM made into a word: not in jieba's dictionary
    /// nor a domain term, and holding a character that words of that kind are cut around, a verb of being or asking,
    /// a particle, a pronoun or a measure word (账是, 人能, 举个, 张图, 下哈, 方查, 类户 of Ⅲ类户), or calling someone
    /// the way people are called (老熊, 冬哥, 张总). Such a word names no thing; jieba's HMM also finds real words the
    /// dictionary lacks (美团, 官网, 面签), which are no fragments.
    /// </summary>
    /// <param name="word">A token.</param>
    /// <returns>True for a fragment.</returns>
    public bool IsFragment(string word)
    {
        if (word.Length < 2 || _domainTerms.Contains(word) || !word.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF') || WordDictionary.Instance.ContainsWord(word))
        {
            return false;
        }

        return word.AsSpan().ContainsAny(FragmentChars) || (word.Length == 2 && (word[0] == '老' || word[1] is '哥' or '总' or '姐'));
    }

    /// <summary>Whether <paramref name="word"/> is in the stop-word list (case-insensitive).</summary>
    /// <param name="word">A token.</param>
    /// <returns>True for a stop word.</returns>
    public bool IsStopWord(string word) => _stopWords.Contains(word);

    /// <summary>Whether <paramref name="word"/> is in the payment-domain user dictionary (case-insensitive).</summary>
    /// <param name="word">A token.</param>
    /// <returns>True for a domain term.</returns>
    public bool IsDomainTerm(string word) => _domainTerms.Contains(word);

    /// <summary>
    /// The part-of-speech tag of one token as <see cref="Segment"/> gives it, in jieba's (ICTCLAS) tag set: <c>n</c>
    /// noun, <c>vn</c> verbal noun, <c>nz</c> other proper noun, <c>v</c> verb, <c>a</c> adjective, <c>eng</c> English
    /// word, <c>m</c> number and so on. A domain term has its user-dictionary tag, any other word the tag jieba's
    /// tagger gives it alone: its dictionary tag for a known word, its HMM's guess for an unknown one, and <c>x</c>
    /// when the tagger reads the token as several words. Cached per token, so asking again costs a lookup.
    /// </summary>
    /// <param name="word">A token, typically one of <see cref="ContentWords"/>.</param>
    /// <returns>The tag; <c>x</c> for an empty token.</returns>
    public string PartOfSpeech(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_domainTags.TryGetValue(word, out var tag))
        {
            return tag;
        }

        return string.IsNullOrWhiteSpace(word) ? UnknownTag : _tags.GetOrAdd(word, TagAlone);
    }

    private bool IsContentWord(string token)
    {
        if (_domainTerms.Contains(token))
        {
            return true;
        }

        return !_stopWords.Contains(token)
            && !ProtectedTokenSplitter.IsWeChatEmojiCode(token)
            && !ProtectedTokenSplitter.IsUrl(token)
            && !IsPunctuationOrSymbol(token)
            && !IsNumber(token)
            && !IsSingleCharacter(token);
    }

    private string TagAlone(string word)
    {
        var pairs = JiebaRuntime.Tag(_tagger.Value, word);
        return pairs.Count == 1 ? pairs[0].Flag : UnknownTag;
    }

    // The first spelling wins where two differ only in case, as IsDomainTerm matches them alike.
    private static FrozenDictionary<string, string> DomainTags(IReadOnlyList<UserWord> userWords)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in userWords)
        {
            tags.TryAdd(word.Word, word.Tag);
        }

        return tags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void AddInnerWords(List<string> result, string token, int length)
    {
        if (token.Length <= length)
        {
            return;
        }

        for (var start = 0; start + length <= token.Length; start++)
        {
            var inner = token.Substring(start, length);
            if (WordDictionary.Instance.ContainsWord(inner))
            {
                result.Add(inner);
            }
        }
    }

    private static bool IsPunctuationOrSymbol(string token)
    {
        foreach (var rune in token.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) && category != UnicodeCategory.OtherNumber)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumber(string token) =>
        token.AsSpan().ContainsAnyInRange('0', '9') && !token.AsSpan().ContainsAnyExcept(NumberChars);

    private static bool IsSingleCharacter(string token) =>
        token.Length == 1 || StringInfo.GetNextTextElementLength(token) == token.Length;

    internal static string FoldFullWidth(string text)
    {
        var span = text.AsSpan();
        if (!span.ContainsAnyInRange('\uFF10', '\uFF5A') && !span.Contains('\u3000'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c switch
                {
                    '\u3000' => ' ',
                    >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' => (char)(c - 0xFEE0),
                    _ => c,
                };
            }
        });
    }

    // jieba keeps a run of ASCII letters and digits whole by itself; a dictionary entry for one would make it cut
    // longer runs around it ("app" + "le" out of "apple"). Only words with CJK or symbols (T+1, POS机) go to jieba,
    // each with a lower-case twin because Segment lower-cases after cutting and jieba's lookup is case-sensitive.
    private static List<UserWord> JiebaEntries(IReadOnlyList<UserWord> userWords)
    {
        var entries = new List<UserWord>();
        foreach (var word in userWords)
        {
            if (word.Word.All(char.IsAsciiLetterOrDigit))
            {
                continue;
            }

            entries.Add(word);
            var lower = word.Word.ToLowerInvariant();
            if (!string.Equals(lower, word.Word, StringComparison.Ordinal))
            {
                entries.Add(word with { Word = lower });
            }
        }

        return entries;
    }

    private TfidfExtractor CreateTfidfExtractor()
    {
        // jieba's IdfLoader reads "13.900363" with double.Parse in the current culture; pin it to invariant while it loads.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var extractor = new TfidfExtractor(_jieba);
            extractor.AddStopWords(_stopWords);
            return extractor;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
