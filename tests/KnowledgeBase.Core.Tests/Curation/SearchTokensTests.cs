using KnowledgeBase.Core.Curation;

namespace KnowledgeBase.Core.Tests.Curation;

public sealed class SearchTokensTests
{
    [Fact]
    public void Characters_splits_cjk_into_single_characters_and_keeps_latin_words_lower_cased()
    {
        Assert.Equal(["支", "付", "t", "1", "abc", "12"], SearchTokens.Characters("支付T+1 ABC，12！"));
    }

    [Fact]
    public void Index_text_has_the_tokens_then_every_cjk_character()
    {
        Assert.Equal("备付金 垫资 t 1 备 付 金 垫 资", SearchTokens.IndexText(["备付金", "垫资", "T", "+", "1"], "备付金垫资T+1"));
    }

    [Fact]
    public void Match_query_quotes_every_term_so_operators_and_quotes_are_plain_text()
    {
        Assert.Equal("(\"备付金\" OR \"备 付 金\") AND \"or\" AND \"near\"", SearchTokens.MatchQuery(["备付金", "OR", "\"", "NEAR", "备付金"]));
    }

    [Fact]
    public void Match_query_of_punctuation_only_is_null()
    {
        Assert.Null(SearchTokens.MatchQuery(["\"", "*", "（"]));
    }
}
