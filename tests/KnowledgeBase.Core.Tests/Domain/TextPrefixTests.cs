using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Tests.Domain;

public sealed class TextPrefixTests
{
    [Theory]
    [InlineData("abc", 5, "abc")]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("ab\uD83D\uDE00c", 3, "ab")]
    [InlineData("ab\uD83D\uDE00c", 4, "ab\uD83D\uDE00")]
    [InlineData("abc", 0, "")]
    public void A_prefix_never_ends_on_half_a_surrogate_pair(string text, int maxLength, string expected)
    {
        Assert.Equal(expected, TextPrefix.Of(text, maxLength));
        Assert.Equal(expected.Length, TextPrefix.Length(text, maxLength));
    }
}
