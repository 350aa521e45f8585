using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Segmentation;

public sealed class WrittenFormTests
{
    [Fact]
    public void A_lower_cased_word_is_spelled_as_the_texts_spell_it_most_often()
    {
        var texts = new[] { "ERP 和账务系统怎么对接？", "我们的erp是自研的", "用友的ERP也行" };

        Assert.Equal(["ERP", "账务系统"], WrittenForm.Of(["erp", "账务系统"], texts));
    }

    [Fact]
    public void A_tie_goes_to_the_spelling_seen_first()
    {
        Assert.Equal(["App"], WrittenForm.Of(["app"], ["App 里怎么接", "还是 APP"]));
        Assert.Equal(["APP"], WrittenForm.Of(["app"], ["还是 APP", "App 里怎么接"]));
    }

    [Fact]
    public void Letters_inside_a_longer_ascii_word_are_not_the_word()
    {
        // "Apple Pay" holds "App" but is another word; "app" alone is the only spelling of it.
        Assert.Equal(["app"], WrittenForm.Of(["app"], ["Apple Pay 和 Applepay", "接入app"]));
    }

    [Theory]
    [InlineData("卡bin", "查卡BIN表", "卡BIN")]
    [InlineData("t+1", "结算是T+1吗", "T+1")]
    [InlineData("pos机", "智能POS机", "POS机")]
    [InlineData("ios", "iOS 和安卓", "iOS")]
    [InlineData("erp", "ＥＲＰ全角", "ERP")]
    public void Words_with_chinese_digits_or_symbols_and_full_width_letters_are_found(string word, string text, string expected)
    {
        Assert.Equal([expected], WrittenForm.Of([word], [text]));
    }

    [Fact]
    public void A_word_the_texts_do_not_have_stays_as_it_is()
    {
        Assert.Equal(["sdk", "清算"], WrittenForm.Of(["sdk", "清算"], ["清算和结算"]));
    }

    [Fact]
    public void Words_without_ascii_letters_are_returned_untouched()
    {
        IReadOnlyList<string> words = ["清算", "2号令"];

        Assert.Same(words, WrittenForm.Of(words, ["清算 2号令"]));
    }

    [Fact]
    public void Counts_add_up_over_calls_and_any_case_of_a_word_finds_them()
    {
        var forms = new WrittenForm();
        forms.Count(["p2p"], ["P2P 平台", "P2P 存管"]);
        forms.Count(["P2p", "存管"], ["p2p 爆雷了", "存管"]);

        Assert.Equal("P2P", forms.Of("p2p"));
        Assert.Equal("P2P", forms.Of("P2p"));
        Assert.Equal(["P2P", "存管", "sdk"], forms.Of(["p2p", "存管", "sdk"]));
    }
}
