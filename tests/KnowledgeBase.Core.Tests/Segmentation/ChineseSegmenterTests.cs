using System.Globalization;
using System.Text;
using CsCheck;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Segmentation;

public sealed class ChineseSegmenterTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>
{
    private readonly ChineseSegmenter segmenter = fixture.Segmenter;

    [Theory]
    [InlineData("日终轧差以后净额再划给商户", "轧差")]
    [InlineData("通道没到账之前我们先垫资给商户", "垫资")]
    [InlineData("备付金不能挪用，要放在人行", "备付金")]
    [InlineData("支付账户只有二类户才能买理财", "二类户")]
    [InlineData("断直连以后所有交易都要走网联", "断直连")]
    [InlineData("小商户一般接聚合支付比较省事", "聚合支付")]
    [InlineData("四要素鉴权失败了怎么办", "四要素")]
    [InlineData("清结算系统每天出对账单", "清结算")]
    [InlineData("清结算系统每天出对账单", "对账单")]
    [InlineData("银联和网联的手续费不一样", "网联")]
    [InlineData("微信支付宝都接了", "支付宝")]
    [InlineData("这个子商户的T+1结算没到", "t+1")]
    public void User_words_stay_whole_in_a_sentence(string sentence, string word)
    {
        Assert.Contains(word, segmenter.Segment(sentence));
    }

    [Fact]
    public void Every_domain_term_alone_is_one_token()
    {
        var broken = segmenter.DomainTerms
            .Where(term => !segmenter.Segment(term).SequenceEqual([term.ToLowerInvariant()]))
            .Select(term => $"{term} -> {string.Join('/', segmenter.Segment(term))}")
            .ToList();

        Assert.Empty(broken);
    }

    [Theory]
    [InlineData("收到👍🏻谢谢", "👍🏻")]
    [InlineData("哈哈😀", "😀")]
    [InlineData("全家👨‍👩‍👧都在用", "👨‍👩‍👧")]
    [InlineData("第1️⃣步", "1️⃣")]
    [InlineData("好的☺️", "☺️")]
    [InlineData("𠮷野家", "𠮷")]
    [InlineData("厉害[捂脸][强]", "[捂脸]")]
    [InlineData("thanks[ThumbsUp]", "[ThumbsUp]")]
    [InlineData("见 https://example.com/a?b=1&c=2。", "https://example.com/a?b=1&c=2")]
    public void Emoji_codes_and_urls_stay_whole(string text, string token)
    {
        var tokens = segmenter.Segment(text);

        Assert.Contains(token, tokens);
        Assert.DoesNotContain(tokens, HasLoneSurrogate);
    }

    [Theory]
    [InlineData("golden-question", "请问大家，二类户的限额是多少呀[捂脸]😀 100", "请问|大家|，|二类户|的|限额|是|多少|呀|[捂脸]|😀|100")]
    [InlineData("golden-ascii-and-full-width", "POS机和T+1结算，ＭＣＣ码是５８１２　可以吗？", "pos机|和|t+1|结算|，|mcc|码是|5812|可以|吗|？")]
    [InlineData("golden-markdown-red-packet", "[微信红包](https://wxapp.tenpay.com/mmpayhb/wxhb_personalreceive?showwxpaytitle=1)", "[微信红包]|(|https://wxapp.tenpay.com/mmpayhb/wxhb_personalreceive?showwxpaytitle=1|)")]
    [InlineData("golden-whitespace-only", " \t\u3000\n ", "")]
    public void Segment_golden(string name, string text, string expected)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(expected, string.Join('|', segmenter.Segment(text)));
    }

    [Theory]
    [InlineData("golden-question", "请问大家，二类户的限额是多少呀[捂脸]😀 100", "二类户|限额")]
    [InlineData("golden-thanks", "谢谢分享[抱拳][抱拳]👍🏻", "")]
    [InlineData("golden-sign-in", "签到", "")]
    [InlineData("golden-question-on-settlement", "各位大佬，断直连以后备付金怎么轧差？", "断直连|备付金|轧差")]
    [InlineData("golden-numbers-dropped", "2018-03-05 19:30 费率0.6%", "费率")]
    [InlineData("golden-url-dropped", "看这个 https://example.com/faq 讲清结算", "清结算")]
    public void ContentWords_golden(string name, string text, string expected)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(expected, string.Join('|', segmenter.ContentWords(text)));
    }

    [Fact]
    public void ContentWords_never_returns_stop_words_punctuation_or_single_characters()
    {
        var words = segmenter.ContentWords("嗯嗯，好的。请问各位老师：我们的二类户为什么不能充值呢？哈哈哈 OK [强] 1 2 3 的 了");

        Assert.NotEmpty(words);
        Assert.All(words, word =>
        {
            Assert.False(segmenter.IsStopWord(word), word);
            Assert.True(word.Length > 1 || segmenter.IsDomainTerm(word), word);
            Assert.True(word.EnumerateRunes().Any(Rune.IsLetterOrDigit), word);
        });
    }

    [Fact]
    public void Stop_words_and_domain_terms_are_case_insensitive_lookups()
    {
        Assert.True(segmenter.IsStopWord("的"));
        Assert.True(segmenter.IsStopWord("好的"));
        Assert.True(segmenter.IsStopWord("OK"));
        Assert.False(segmenter.IsStopWord("备付金"));
        Assert.True(segmenter.IsDomainTerm("备付金"));
        Assert.True(segmenter.IsDomainTerm("pos"));
        Assert.True(segmenter.IsDomainTerm("T+1"));
        Assert.False(segmenter.IsDomainTerm("今天"));
        Assert.Contains("断直连", segmenter.DomainTerms);
    }

    [Fact]
    public void No_stop_word_is_a_domain_term()
    {
        var stopWords = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "models", "stopwords.txt")).Where(l => l.Length > 0);

        Assert.Equal("", string.Join(' ', stopWords.Where(segmenter.IsDomainTerm)));
    }

    [Theory]
    [InlineData("资料", "n")]
    [InlineData("推荐", "v")]
    [InlineData("北京", "ns")]
    [InlineData("app", "eng")]
    [InlineData("分账", "vn")] // domain terms carry the user dictionary's tag
    [InlineData("勾对", "v")]
    [InlineData("pos机", "n")] // the lower-case spelling Segment gives
    [InlineData("h5", "eng")] // jieba alone would say m, a number
    [InlineData("大牛", "x")] // jieba's tagger reads it as 大 + 牛
    [InlineData("", "x")]
    public void PartOfSpeech_gives_the_tag_of_the_token_alone(string word, string tag) =>
        Assert.Equal(tag, segmenter.PartOfSpeech(word));

    [Fact]
    public void PartOfSpeech_from_many_threads_agrees_with_one_thread()
    {
        var words = segmenter.ContentWords("商户的结算款被冻结了，推荐一个对账系统，银行那边介绍说要提交资料，问题是北京的二维码收款怎么解决")
            .Concat(["单身", "蘑菇", "滴滴", "司机", "团队", "敏捷"])
            .Distinct()
            .ToArray();

        // Two segmenters with empty tag caches: one tags the words on many threads at once, the other one by one.
        var concurrent = ChineseSegmenter.Load();
        var sequential = ChineseSegmenter.Load();

        var parallel = words.AsParallel().WithDegreeOfParallelism(4).Select(w => (w, concurrent.PartOfSpeech(w))).ToArray();

        Assert.Equal(words.Select(w => (w, sequential.PartOfSpeech(w))), parallel.OrderBy(p => Array.IndexOf(words, p.w)));
    }

    [Fact]
    public void Segment_loses_only_whitespace_and_case()
    {
        string[] fragments =
        [
            "备付金", "二类户", "轧差", "的", "了", "吗", "支付宝", "微信", "清算", "商户", "今天", "系统", "龚", "鑫",
            "POS", "T+1", "api", "v2.0", "100", "0.6%", "abc", "@", "?", "？", "，", "。", "…", "「", "」", "-",
            "😀", "👍🏻", "👨‍👩‍👧", "1️⃣", "☺️", "𠮷", "[捂脸]", "[OK]", "https://a.cn/x?y=1",
            " ", "\t", "\n", "\r\n",
        ];
        var texts = Gen.OneOf(fragments).Array[0, 16].Select(parts => string.Concat(parts));

        texts.Sample(text =>
        {
            var tokens = segmenter.Segment(text);
            var expected = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            Assert.Equal(expected, string.Concat(tokens), ignoreCase: true);
            Assert.DoesNotContain(tokens, string.IsNullOrWhiteSpace);
            Assert.DoesNotContain(tokens, HasLoneSurrogate);
        });
    }

    [Theory]
    [InlineData("支付牌照续展要多久", "支付|牌照|支付牌照|续展|要|多久")]
    [InlineData("客户备付金", "客户|备付金|客户备付金")]
    [InlineData("收到👍🏻 POS机", "收到|👍🏻|pos机")]
    public void SegmentForSearch_adds_the_dictionary_words_inside_long_tokens(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', segmenter.SegmentForSearch(text)));
    }

    [Fact]
    public void Repeated_short_text_comes_from_the_cache_and_long_text_does_not()
    {
        var longText = string.Concat(Enumerable.Repeat("备付金要存管到银行。", 40));

        Assert.Same(segmenter.Segment("签到"), segmenter.Segment("签到"));
        Assert.NotSame(segmenter.Segment(longText), segmenter.Segment(longText));
        Assert.Equal(segmenter.Segment(longText), segmenter.Segment(longText));
    }

    [Fact]
    public void Parallel_segmentation_equals_sequential()
    {
        var texts = Enumerable.Range(0, 2000)
            .Select(i => $"第{i}笔：{Sentences[i % Sentences.Length]}{Sentences[(i * 7 + 3) % Sentences.Length]}")
            .ToArray();
        var uncached = ChineseSegmenter.Load(new ChineseSegmenterOptions { CacheCapacity = 0 });

        var parallel = new IReadOnlyList<string>[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = uncached.Segment(texts[i]));
        var sequential = texts.Select(uncached.Segment).ToArray();

        Assert.Equal(sequential, parallel);
    }

    [CorpusFact]
    public void Parallel_segmentation_of_the_corpus_equals_sequential()
    {
        var lines = SegmentationCorpus.BodyLines().Where((_, i) => i % 10 == 0).ToArray();
        var uncached = ChineseSegmenter.Load(new ChineseSegmenterOptions { CacheCapacity = 0 });

        var parallel = new IReadOnlyList<string>[lines.Length];
        Parallel.For(0, lines.Length, i => parallel[i] = uncached.Segment(lines[i]));
        var sequential = lines.Select(uncached.Segment).ToArray();

        Assert.True(lines.Length > 1000, $"only {lines.Length} corpus lines");
        Assert.Equal(sequential, parallel);
    }

    [CorpusFact]
    public void Core_terms_are_rarely_cut_apart_in_the_corpus()
    {
        string[] terms = ["轧差", "垫资", "备付金", "二类户", "断直连", "聚合支付", "清结算", "对账单", "四要素", "鉴权", "收单", "存管"];
        var lines = SegmentationCorpus.BodyLines().Where(line => terms.Any(line.Contains)).ToArray();
        var occurrences = terms.ToDictionary(t => t, _ => 0);
        var broken = terms.ToDictionary(t => t, _ => 0);

        foreach (var line in lines)
        {
            var tokens = segmenter.Segment(line);
            var text = string.Concat(tokens);
            var boundaries = new HashSet<int>();
            var offset = 0;
            foreach (var token in tokens)
            {
                offset += token.Length;
                boundaries.Add(offset);
            }

            foreach (var term in terms)
            {
                for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.Ordinal))
                {
                    occurrences[term]++;
                    broken[term] += Enumerable.Range(at + 1, term.Length - 1).Any(boundaries.Contains) ? 1 : 0;
                }
            }
        }

        // a few cuts are right: 切断直连 is 切断 + 直连
        var poor = terms.Where(t => occurrences[t] == 0 || broken[t] * 10 > occurrences[t]).Select(t => $"{t}: {broken[t]}/{occurrences[t]} cut").ToList();
        Assert.Empty(poor);
    }

    [Fact]
    public void Keywords_are_content_words_ranked_by_tfidf()
    {
        var text = "备付金要集中存管，备付金账户只能开在存管银行。支付机构挪用备付金会被人行处罚。大家好，谢谢分享[强]😀";

        var keywords = segmenter.Keywords(text, 3);

        Assert.Equal(3, keywords.Count);
        Assert.Equal("备付金", keywords[0]);
        Assert.DoesNotContain(keywords, segmenter.IsStopWord);
        Assert.Empty(segmenter.Keywords("谢谢分享[强]😀", 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => segmenter.Keywords(text, 0));
    }

    [Theory]
    [InlineData("二类户")]
    [InlineData("银行")]
    [InlineData("美团")]
    [InlineData("面签")]
    [InlineData("app")]
    [InlineData("是")]
    [InlineData("")]
    public void Dictionary_words_and_words_the_hmm_found_are_no_fragments(string word)
    {
        Assert.False(segmenter.IsFragment(word));
    }

    [Theory]
    [InlineData("举个")]
    [InlineData("张图")]
    [InlineData("类户")]
    [InlineData("账是")]
    [InlineData("下哈")]
    [InlineData("方查")]
    [InlineData("老熊")]
    [InlineData("冬哥")]
    public void A_word_the_hmm_made_around_a_particle_or_a_measure_word_is_a_fragment(string word)
    {
        Assert.True(segmenter.IsFragment(word));
    }

    [Fact]
    public void Keywords_leave_out_words_the_hmm_made_up()
    {
        // jieba's HMM joins 举个 and 张图 here; neither is a word.
        var text = "举个例子，这张图里的对账文件怎么看";
        Assert.Contains("举个", segmenter.Segment(text));

        var keywords = segmenter.Keywords(text, 10);

        Assert.Contains("对账文件", keywords);
        Assert.DoesNotContain("举个", keywords);
        Assert.DoesNotContain("张图", keywords);
    }

    [Fact]
    public void Keywords_do_not_depend_on_the_current_culture()
    {
        var text = string.Join('。', Sentences);
        var expected = segmenter.Keywords(text, 10);
        var commaDecimal = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
        commaDecimal.NumberFormat.NumberGroupSeparator = ".";
        var original = CultureInfo.CurrentCulture;

        IReadOnlyList<string> actual;
        CultureInfo.CurrentCulture = commaDecimal;
        try
        {
            // a second segmenter loads its own IDF table, now under the comma-decimal culture
            actual = ChineseSegmenter.Load().Keywords(text, 10);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Equal(expected, actual);
    }

    private static readonly string[] Sentences =
    [
        "日终轧差以后净额再划给商户",
        "通道没到账之前我们先垫资给商户",
        "支付账户只有二类户才能买理财",
        "断直连以后所有交易都要走网联",
        "小商户一般接聚合支付比较省事👍🏻",
        "四要素鉴权失败了怎么办[捂脸]",
        "清结算系统每天出对账单，差错要人工处理",
        "POS机的MCC码和费率是收单机构定的",
        "跨境支付要有外卡收单和购汇的资质",
        "幂等和分布式事务是支付系统的基本功",
        "虚拟账户和电子账户的区别是什么？",
        "T+1结算和D+0垫资的成本差多少",
    ];

    private static bool HasLoneSurrogate(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (char.IsHighSurrogate(token[i]) && i + 1 < token.Length && char.IsLowSurrogate(token[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(token[i]))
            {
                return true;
            }
        }

        return false;
    }
}
