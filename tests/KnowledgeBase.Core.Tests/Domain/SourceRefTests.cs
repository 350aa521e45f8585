using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Tests.Domain;

public sealed class SourceRefTests
{
    [Fact]
    public void ToString_is_path_colon_line()
    {
        Assert.Equal("proddev/2018-03-05-chat.markdown:49", new SourceRef("proddev/2018-03-05-chat.markdown", 49).ToString());
    }

    [Fact]
    public void InputProblem_without_line_names_only_the_file()
    {
        Assert.Equal("a/b.md: empty file", new InputProblem("a/b.md", 0, "empty file").ToString());
        Assert.Equal("a/b.md:3: bad time", new InputProblem("a/b.md", 3, "bad time").ToString());
    }
}
