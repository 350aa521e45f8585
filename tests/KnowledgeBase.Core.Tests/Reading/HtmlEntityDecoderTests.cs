using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

public sealed class HtmlEntityDecoderTests
{
    [Theory]
    [InlineData("&amp;#183;", "·")]
    [InlineData("&amp;#160;", "\u00A0")]
    [InlineData("&amp;lt;?xml&amp;gt;", "<?xml>")]
    [InlineData("&amp;amp;quot;", "\"")]
    [InlineData("217号文&amp;amp;amp;281号文", "217号文&281号文")]
    [InlineData("&amp;amp;amp;amp;", "&amp;")]
    [InlineData("&gt;", ">")]
    [InlineData("产品&市场", "产品&市场")]
    [InlineData("no entities", "no entities")]
    [InlineData("a&#0;b&amp;#x7;c&#xFFFF;d", "a\uFFFDb\uFFFDc\uFFFDd")]
    [InlineData("行一&#10;行二&#9;列", "行一\n行二\t列")]
    public void Decodes_repeatedly_up_to_three_rounds(string text, string expected) => Assert.Equal(expected, HtmlEntityDecoder.Decode(text));

    [Fact]
    public void Text_without_ampersand_is_returned_as_is()
    {
        var text = "二类户 绑卡";

        Assert.Same(text, HtmlEntityDecoder.Decode(text));
    }
}
