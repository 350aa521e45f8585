using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Tests.Exchanges;

public sealed class RomanisationTests
{
    [Theory]
    [InlineData("曹志杨", "caoziyang", 3)]
    [InlineData("紫杨", "ziyang", 2)]
    [InlineData("钟文帅", "zongwensuai", 3)]
    [InlineData("caozhiyang", "caoziyang", 0)]
    [InlineData("merry(黄燕)", "merryhuangyan", 2)]
    [InlineData("lily2018", "lily2018", 0)]
    public void A_name_is_spelled_in_toneless_pinyin_with_retroflex_initials_folded(string name, string spelling, int syllables)
    {
        Assert.Equal(new NameSound(spelling, syllables), Romanisation.Of(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("🙂-。")]
    public void A_name_with_nothing_to_spell_sounds_like_nothing(string name)
    {
        Assert.Equal(NameSound.None, Romanisation.Of(name));
        Assert.False(Romanisation.Of(name).IsLike(Romanisation.Of(name)));
    }

    [Fact]
    public void Every_common_ideograph_has_a_reading()
    {
        // Some of the commonest surname and given-name characters, spread over the table.
        foreach (var c in "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")
        {
            Assert.NotEqual(0, Romanisation.Of(c.ToString()).Syllables);
        }
    }

    [Theory]
    [InlineData("紫杨", "caozhiyang", true)] // a homophone of the given name
    [InlineData("曹志杨", "caozhiyang", true)]
    [InlineData("志杨", "曹志杨", true)]
    [InlineData("杨", "曹志杨", false)] // a single syllable
    [InlineData("zhiyang", "caozhiyang", false)] // both Latin
    [InlineData("yang", "曹志杨", false)] // Latin and short
    [InlineData("志杨", "志杨曹", false)] // not at the end
    public void Names_sound_alike_when_one_ends_the_other(string a, string b, bool alike)
    {
        Assert.Equal(alike, Romanisation.Of(a).IsLike(Romanisation.Of(b)));
        Assert.Equal(alike, Romanisation.Of(b).IsLike(Romanisation.Of(a)));
    }
}
