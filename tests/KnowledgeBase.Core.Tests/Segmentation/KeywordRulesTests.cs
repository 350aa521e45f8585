using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Segmentation;

public sealed class KeywordRulesTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>
{
    private readonly ChineseSegmenter segmenter = fixture.Segmenter;

    // From the corpus build: keywords that were fragments of a phrase (账是 of 记账是, 举个 of 举个例子) or a person (老熊).
    [Theory]
    [InlineData("备付金", true)]
    [InlineData("银行", true)]
    [InlineData("美团", true)]
    [InlineData("账是", false)]
    [InlineData("举个", false)]
    [InlineData("老熊", false)]
    [InlineData("问题", false)]
    [InlineData("XX", false)]
    [InlineData("II", false)]
    [InlineData("QQ", true)]
    [InlineData("H5", true)]
    public void A_keyword_names_a_thing(string word, bool names) => Assert.Equal(names, KeywordRules.NamesThing(segmenter, word));

    // One thing is one keyword: a word inside another, and an account written short (二类户 of 二类账户, 内部户 of 内部账户).
    [Fact]
    public void A_word_that_names_a_chosen_keyword_again_is_skipped()
    {
        var chosen = new List<string>();

        KeywordRules.Fill(chosen, ["二类账户", "支付", "二类户", "支付机构", "内部户", "内部账户", "账户", "客户", "备付金"], 5);

        Assert.Equal(["二类账户", "支付", "内部户", "客户", "备付金"], chosen);
    }
}
