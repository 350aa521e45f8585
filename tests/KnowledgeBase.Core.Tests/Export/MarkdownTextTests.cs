using KnowledgeBase.Core.Export;
using Markdig;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("费率0.38%，T+1到账", "费率0.38%，T+1到账")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("[强][捂脸]", "\\[强\\]\\[捂脸\\]")]
    [InlineData("# 不是标题", "\\# 不是标题")]
    [InlineData("- 不是列表", "\\- 不是列表")]
    [InlineData("1. 不是列表", "1\\. 不是列表")]
    [InlineData("*加粗* _斜体_ `代码` a|b", "\\*加粗\\* \\_斜体\\_ \\`代码\\` a\\|b")]
    [InlineData("{props} & MDX", "&#123;props&#125; &amp; MDX")]
    [InlineData("第一行\n\n第二行", "第一行 第二行")]
    [InlineData("import pandas as pd", "&#105;mport pandas as pd")]
    [InlineData("export const a = 1", "&#101;xport const a = 1")]
    [InlineData("导入 import 不在行首", "导入 import 不在行首")]
    public void Inline_escapes_markup(string text, string expected) => Assert.Equal(expected, MarkdownText.Inline(text));

    [Fact]
    public void Paragraphs_keep_lines_apart() =>
        Assert.Equal("第一行\n\n\\- 第二行\n\n&#101;xport PATH=/opt/recon", MarkdownText.Paragraphs("第一行\n- 第二行\n\nexport PATH=/opt/recon"));

    [Theory]
    [InlineData("见https://mp.weixin.qq.com/s?__biz=Mz==&mid=22#rd 这里",
        "见[https://mp.weixin.qq.com/s?\\_\\_biz=Mz==&amp;mid=22\\#rd](https://mp.weixin.qq.com/s?__biz=Mz==&mid=22#rd) 这里")]
    [InlineData("看[央行_通知](http://a.cn/x_y?k={v})", "看[央行\\_通知](http://a.cn/x_y?k=%7Bv%7D)")]
    [InlineData("![2017-10-19 13:46:10](http://wechat.lixf.cn/img/a_b.png)", "[图片 2017-10-19 13:46:10](http://wechat.lixf.cn/img/a_b.png)")]
    [InlineData("- 见 http://x.cn/a_b", "\\- 见 [http://x.cn/a\\_b](http://x.cn/a_b)")]
    [InlineData("没有链接 a_b", "没有链接 a\\_b")]
    public void InlineLinked_writes_addresses_as_links_with_the_address_unescaped(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.InlineLinked(text));

    [Theory]
    [InlineData("https://mp.weixin.qq.com/s?__biz=MzI2NjY0ODk4NA==&mid=2247483692&idx=1", "https://mp.weixin.qq.com/s?__biz=MzI2NjY0ODk4NA==&amp;mid=2247483692&amp;idx=1")]
    [InlineData("http://www.360doc.com/content/16/0412/08/32365301_549898315.shtml", "http://www.360doc.com/content/16/0412/08/32365301_549898315.shtml")]
    [InlineData("http://element-cn.eleme.io/#/zh-CN/component/installation", "http://element-cn.eleme.io/#/zh-CN/component/installation")]
    public void An_address_in_an_answer_opens_where_it_points_in_a_renderer_that_links_addresses(string url, string href)
    {
        // Markdig with its auto-links, as GFM renderers do: an escaped bare address became href="...%5C_..." and was cut at &amp;.
        var html = Markdown.ToHtml(MarkdownText.Paragraphs("李四：见 " + url + " 这篇"), new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        Assert.Contains($"<a href=\"{href}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("支付\"牌照\"", "\"支付\\\"牌照\\\"\"")]
    [InlineData("a\\b: c", "\"a\\\\b: c\"")]
    public void Yaml_strings_are_double_quoted_and_escaped(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.YamlString(text));

    [Fact]
    public void A_number_with_a_closing_parenthesis_is_no_list() => Assert.Equal("1\\) 不是列表", MarkdownText.Inline("1) 不是列表"));
}
