using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Domain;

public sealed class ChatGroupTests
{
    [Theory]
    [InlineData("proddev/2018-03-05-chat.markdown", "proddev")]
    [InlineData("g2/sub/deeper/2024-03-06-chat.markdown", "g2")]
    [InlineData("2024-03-06-chat.markdown", "")]
    public void The_group_is_the_first_folder(string path, string group) => Assert.Equal(group, ChatGroup.Of(path));

    [Fact]
    public void Reading_and_the_source_link_group_agree_on_a_nested_file()
    {
        const string path = "g2/sub/deeper/2024-03-06-chat.markdown";
        var day = new ChatLogReader().Read(path, "---\ndate: 2024-03-06\n---\n> 09:00:00  甲  \n\n你好\n"u8.ToArray()).Day;

        Assert.Equal("g2", day.Group);
        Assert.Equal("https://x/g2", new SourceLinkBuilder("https://x/{group}").Link(new SourceRef(path, 4)));
    }
}
