using KnowledgeBase.Core.Export;

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
    [InlineData("支付\"牌照\"", "\"支付\\\"牌照\\\"\"")]
    [InlineData("a\\b: c", "\"a\\\\b: c\"")]
    public void Yaml_strings_are_double_quoted_and_escaped(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.YamlString(text));

    [Fact]
    public void A_number_with_a_closing_parenthesis_is_no_list() => Assert.Equal("1\\) 不是列表", MarkdownText.Inline("1) 不是列表"));
}
