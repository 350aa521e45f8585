using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class SourceLinkBuilderTests
{
    private static readonly SourceRef Source = new("proddev/2018-03-05-chat.markdown", 12);

    [Fact]
    public void Without_template_links_are_relative_path_and_line() =>
        Assert.Equal("proddev/2018-03-05-chat.markdown#L12", new SourceLinkBuilder().Link(Source));

    [Theory]
    [InlineData("https://git.example.com/chat/blob/main/{path}#L{line}", "https://git.example.com/chat/blob/main/proddev/2018-03-05-chat.markdown#L12")]
    [InlineData("https://wiki.example.com/{group}/{date}?line={line}", "https://wiki.example.com/proddev/2018-03-05?line=12")]
    [InlineData("../chat/{path}", "../chat/proddev/2018-03-05-chat.markdown")]
    [InlineData("{path}#L{line}-{line}", "proddev/2018-03-05-chat.markdown#L12-12")]
    public void Template_placeholders_are_filled(string template, string expected) =>
        Assert.Equal(expected, new SourceLinkBuilder(template).Link(Source));

    [Fact]
    public void Values_are_percent_encoded_segment_by_segment() =>
        Assert.Equal(
            "https://x/%E6%94%AF%E4%BB%98%E7%BE%A4/2018-03-05-chat%20%281%29.markdown#L7",
            new SourceLinkBuilder("https://x/{path}#L{line}").Link(new SourceRef("支付群/2018-03-05-chat (1).markdown", 7)));

    [Fact]
    public void A_file_at_the_root_has_no_group_and_a_name_without_a_date_has_no_date() =>
        Assert.Equal("g=&d=", new SourceLinkBuilder("g={group}&d={date}").Link(new SourceRef("notes.md", 1)));

    [Fact]
    public void A_name_without_a_date_takes_the_day_its_messages_are_dated_with_and_a_name_with_one_keeps_it()
    {
        var days = new Dictionary<string, DateOnly>
        {
            ["g/notes-chat.markdown"] = new(2024, 4, 4),
            ["proddev/2018-03-05-chat.markdown"] = new(2018, 3, 6),
        };
        var links = new SourceLinkBuilder("https://x/{group}/{date}/{path}#L{line}", days);

        Assert.Equal("https://x/g/2024-04-04/g/notes-chat.markdown#L4", links.Link(new SourceRef("g/notes-chat.markdown", 4)));
        Assert.Equal("https://x/proddev/2018-03-05/proddev/2018-03-05-chat.markdown#L12", links.Link(Source));
        Assert.Equal("https://x///other.md#L1", links.Link(new SourceRef("other.md", 1)));
    }

    [Fact]
    public void Days_of_files_are_the_dates_of_their_messages_duplicates_included()
    {
        var days = SourceLinkBuilder.DaysOfFiles(SampleDocuments.Payments());

        Assert.Equal(new DateOnly(2018, 3, 5), days["proddev/2018-03-05-chat.markdown"]);
        Assert.Equal(new DateOnly(2018, 3, 5), days["proddev/2018-03-05-chat (1).markdown"]);
        Assert.Equal(new DateOnly(2018, 4, 12), days["devarch/2018-04-12-chat.markdown"]);
    }

    [Fact]
    public void Unknown_placeholder_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new SourceLinkBuilder("https://x/{file}#L{line}"));
        Assert.Contains("{file}", error.Message);
    }
}
