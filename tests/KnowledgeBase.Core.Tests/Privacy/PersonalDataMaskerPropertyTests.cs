using CsCheck;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Tests.Privacy;

public sealed class PersonalDataMaskerPropertyTests
{
    // Pieces that make numbers, separators, decimals, identifiers, e-mails and URLs collide in every way.
    private static readonly Gen<string>[] Tokens =
    [
        Gen.Const("6222021234567894"), Gen.Const("6222 0212 3456 7894"), Gen.Const("13812345678"), Gen.Const("138-1234-5678"),
        Gen.Const("11010519491231002X"), Gen.Const("440301199003071230"), Gen.Const("li.si@example.com"), Gen.Const("@张三"),
        Gen.Const("2018030512345672"), Gen.Const("1000000.00"), Gen.Const("https://x.example.com/"), Gen.Const("?m="),
        Gen.Const("+86"), Gen.Const(" "), Gen.Const("-"), Gen.Const("."), Gen.Const("X"), Gen.Const("P"), Gen.Const("卡号"),
        Gen.Const("１３８"), Gen.Const("["), Gen.Const("]"), Gen.Const("/"),
        Gen.Long[0, long.MaxValue].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Char["0123456789"].Array[1, 20].Select(c => new string(c)),
    ];

    [Fact]
    public void Masking_twice_changes_nothing_more_and_leaves_nothing_to_find()
    {
        Gen.OneOf(Tokens).Array[0, 25].Select(string.Concat).Sample(text =>
        {
            var masked = PersonalDataMasker.Mask(text);
            Assert.Empty(PersonalDataMasker.Find(masked));
            Assert.Equal(masked, PersonalDataMasker.Mask(masked));
        }, iter: 5000);
    }

    // Counterexamples the property found: an e-mail address glued to digits must not hide or reveal a number.
    [Theory]
    [InlineData("li.si@example.comhttps://x.example.com/13812345678. ")]
    [InlineData("138-1234-5678 13812345678li.si@example.com?m=")]
    [InlineData("6222021234567894１３８13812345678li.si@example.com")]
    [InlineData("11010519491231002X１３８37207102")]
    [InlineData("li.si@example.com１３８63１３８138-1234-5678")]
    public void Masking_is_stable_on_found_counterexamples(string text)
    {
        var masked = PersonalDataMasker.Mask(text);

        Assert.Empty(PersonalDataMasker.Find(masked));
    }

    [Fact]
    public void Matches_are_ordered_disjoint_and_inside_the_text()
    {
        Gen.OneOf(Gen.String, Gen.OneOf(Tokens).Array[0, 25].Select(string.Concat)).Sample(text =>
        {
            var end = 0;
            foreach (var match in PersonalDataMasker.Find(text))
            {
                Assert.True(match.Index >= end && match.Length > 0 && match.Index + match.Length <= text.Length);
                end = match.Index + match.Length;
            }
        }, iter: 5000);
    }
}
