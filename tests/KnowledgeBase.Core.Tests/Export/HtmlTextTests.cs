using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class HtmlTextTests
{
    private const string Rel = "rel=\"nofollow noopener noreferrer\"";

    [Fact]
    public void A_shared_card_becomes_a_link_with_its_title()
    {
        var html = HtmlText.LinkedLines("[账户分类管理那些事](http://mp.weixin.qq.com/s?__biz=MzA&mid=2&idx=1)");

        Assert.Equal($"<a href=\"http://mp.weixin.qq.com/s?__biz=MzA&amp;mid=2&amp;idx=1\" {Rel}>账户分类管理那些事</a>", html);
    }

    [Fact]
    public void A_shared_card_whose_title_had_personal_data_masked_stays_a_link()
    {
        var html = HtmlText.LinkedLines("[开户指南 [手机号]](https://example.com/guide)");

        Assert.Equal($"<a href=\"https://example.com/guide\" {Rel}>开户指南 [手机号]</a>", html);

        // Every placeholder the masker writes.
        foreach (var kind in Enum.GetValues<KnowledgeBase.Core.Privacy.PersonalDataKind>())
        {
            var placeholder = KnowledgeBase.Core.Privacy.PersonalDataMasker.Placeholder(kind);
            Assert.StartsWith("<a ", HtmlText.LinkedLines($"[联系 {placeholder}](https://example.com/)"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_image_becomes_a_link_that_says_it_is_one()
    {
        var html = HtmlText.LinkedLines("![2018-03-05 21:01:28](http://static.cocolian.cn/img/201803/20180305_210128.png)");

        Assert.Equal($"<a href=\"http://static.cocolian.cn/img/201803/20180305_210128.png\" {Rel}>图片 2018-03-05 21:01:28</a>", html);
    }

    [Fact]
    public void A_bare_address_ends_at_chinese_punctuation()
    {
        var html = HtmlText.LinkedLines("规定在这里https://www.pbc.gov.cn/a/b.html。谢谢");

        Assert.Equal($"规定在这里<a href=\"https://www.pbc.gov.cn/a/b.html\" {Rel}>https://www.pbc.gov.cn/a/b.html</a>。谢谢", html);
    }

    [Theory]
    [InlineData("见https://example.com/a这里", "见", "https://example.com/a", "这里")]
    [InlineData("https://x.cn/p@张三", "", "https://x.cn/p", "@张三")]
    [InlineData("https://wenku.baidu.com/view/42ac06b9.html@何瑾-海航新生-跨境支付", "", "https://wenku.baidu.com/view/42ac06b9.html", "@何瑾-海航新生-跨境支付")]
    [InlineData("看http://e.com/x：第二条", "看", "http://e.com/x", "：第二条")]
    [InlineData("http://e.com/x…对吧", "", "http://e.com/x", "…对吧")]
    [InlineData("http://e.com/x『引用』", "", "http://e.com/x", "『引用』")]
    [InlineData("http://e.com/a?b=1&c=2#d求推荐", "", "http://e.com/a?b=1&c=2#d", "求推荐")]
    public void A_bare_address_ends_where_chinese_text_or_a_mention_is_glued_to_it(string text, string before, string url, string after)
    {
        var html = HtmlText.LinkedLines(text);

        Assert.Equal($"{before}<a href=\"{HtmlText.Escape(url)}\" {Rel}>{HtmlText.Escape(url)}</a>{after}", html);
    }

    [Theory]
    [InlineData("[点我](javascript:alert(1))", "[点我](javascript:alert(1))")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    public void Anything_but_an_http_link_stays_escaped_text(string text, string expected)
    {
        Assert.Equal(expected, HtmlText.LinkedLines(text));
    }

    [Fact]
    public void A_quote_cannot_leave_the_href()
    {
        var html = HtmlText.LinkedLines("[<b>x</b>](https://e.com/\"onmouseover=alert(1))");

        Assert.Equal($"[&lt;b&gt;x&lt;/b&gt;](<a href=\"https://e.com/\" {Rel}>https://e.com/</a>&quot;onmouseover=alert(1))", html);
    }

    [Fact]
    public void Lines_are_kept_and_plain_text_is_escaped_as_without_links()
    {
        const string text = "第一行 a&b\n第二行 http://e.com/x";

        Assert.Equal($"第一行 a&amp;b<br>\n第二行 <a href=\"http://e.com/x\" {Rel}>http://e.com/x</a>", HtmlText.LinkedLines(text));
        Assert.Equal(HtmlText.Lines("第一行 a&b"), HtmlText.LinkedLines("第一行 a&b"));
    }

    [Theory]
    [InlineData("[点我](javascript:alert`1`)")]
    [InlineData("[点我](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[点我](JAVASCRIPT:void0)")]
    public void A_link_to_another_scheme_than_http_stays_text(string text) => Assert.Equal(text, HtmlText.LinkedLines(text));
}
