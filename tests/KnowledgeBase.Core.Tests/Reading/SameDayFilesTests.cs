using System.Text;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

public sealed class SameDayFilesTests
{
    private static readonly DateOnly Day = new(2024, 3, 5);

    [Fact]
    public void An_identical_copy_is_skipped_and_reported_naming_the_file_read()
    {
        var check = SameDayFiles.Check([File("g1/2024-03-05-chat (1).markdown", "a"), File("g1/2024-03-05-chat.markdown", "a")]);

        Assert.Equal(["g1/2024-03-05-chat (1).markdown"], check.Skipped);
        var problem = Assert.Single(check.Problems);
        Assert.Equal(
            "g1/2024-03-05-chat (1).markdown:1: same group and day (2024-03-05) as g1/2024-03-05-chat.markdown, and the same content: this copy is skipped",
            problem.ToString());
    }

    [Fact]
    public void Of_identical_copies_the_one_an_earlier_build_read_stays_the_one_read()
    {
        // A copy under a shorter name added beside a day a build read (and analysts curated).
        var files = new[] { File("g1/2024-03-05-chat.markdown", "a"), File("g1/2024-03-05.md", "a") };

        Assert.Equal(["g1/2024-03-05-chat.markdown"], SameDayFiles.Check(files).Skipped);
        var check = SameDayFiles.Check(files, new HashSet<string>(["g1/2024-03-05-chat.markdown"], StringComparer.Ordinal));

        Assert.Equal(["g1/2024-03-05.md"], check.Skipped);
        Assert.Contains("as g1/2024-03-05-chat.markdown, and the same content: this copy is skipped", Assert.Single(check.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_with_different_content_are_both_read_and_both_reported()
    {
        var check = SameDayFiles.Check([File("g1/2024-03-05-chat.markdown", "a"), File("g1/2024-03-05-chat-2.markdown", "b")]);

        Assert.Empty(check.Skipped);
        Assert.Equal(2, check.Problems.Count);
        Assert.Contains(check.Problems, p => p.Path == "g1/2024-03-05-chat.markdown" && p.Line == 1 && p.Message.Contains("as g1/2024-03-05-chat-2.markdown, but different content: both read", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Path == "g1/2024-03-05-chat-2.markdown" && p.Message.Contains("as g1/2024-03-05-chat.markdown", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_groups_other_days_and_undated_files_are_not_compared()
    {
        var check = SameDayFiles.Check(
        [
            File("g1/2024-03-05-chat.markdown", "a"),
            File("g2/2024-03-05-chat.markdown", "a"),
            new SameDayFile("g1/2024-03-06-chat.markdown", Day.AddDays(1), SameDayFile.HashOf("a"u8)),
            new SameDayFile("g1/notes.md", DateOnly.MinValue, SameDayFile.HashOf("n"u8)),
            new SameDayFile("g1/more-notes.md", DateOnly.MinValue, SameDayFile.HashOf("n"u8)),
        ]);

        Assert.Empty(check.Skipped);
        Assert.Empty(check.Problems);
    }

    [Fact]
    public void A_nested_folder_is_the_same_group_as_its_first_folder()
    {
        var check = SameDayFiles.Check([File("g2/2024-03-05-chat.markdown", "a"), File("g2/sub/deeper/2024-03-05-chat.markdown", "a")]);

        Assert.Equal(["g2/sub/deeper/2024-03-05-chat.markdown"], check.Skipped);
    }

    [Fact]
    public void The_file_named_after_the_day_is_read_rather_than_a_shorter_one_dated_by_its_front_matter()
    {
        var check = SameDayFiles.Check([File("g3/2024-03-05-chat.markdown", "a"), File("g3/2024-03-07.md", "a")]);

        Assert.Equal(["g3/2024-03-07.md"], check.Skipped);
    }

    [Fact]
    public void A_byte_order_mark_or_CRLF_line_ends_do_not_make_a_copy_different()
    {
        var plain = SameDayFile.HashOf(Encoding.UTF8.GetBytes("---\ndate: 2024-03-05\n---\n> 09:00:00  甲\n"));

        Assert.Equal(plain, SameDayFile.HashOf([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\ndate: 2024-03-05\n---\n> 09:00:00  甲\n")]));
        Assert.Equal(plain, SameDayFile.HashOf(Encoding.UTF8.GetBytes("---\r\ndate: 2024-03-05\r\n---\r\n> 09:00:00  甲\r\n")));
        Assert.NotEqual(plain, SameDayFile.HashOf(Encoding.UTF8.GetBytes("---\ndate: 2024-03-05\n---\n> 09:00:01  甲\n")));
    }

    [Fact]
    public void A_copy_saved_in_another_encoding_is_the_same_content()
    {
        const string day = "---\ndate: 2024-03-05\n---\n> 09:00:00  甲\n   \n二类户能绑几张卡？\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030");
        var plain = SameDayFile.HashOf(Encoding.UTF8.GetBytes(day));

        Assert.Equal(plain, SameDayFile.HashOf(gb18030.GetBytes(day)));
        Assert.Equal(plain, SameDayFile.HashOf([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(day)]));
        Assert.Equal(plain, SameDayFile.HashOf(Encoding.Unicode.GetBytes(day)));
        Assert.NotEqual(plain, SameDayFile.HashOf(gb18030.GetBytes(day.Replace("几张", "三张", StringComparison.Ordinal))));
    }

    private static SameDayFile File(string path, string content) => new(path, Day, SameDayFile.HashOf(Encoding.UTF8.GetBytes(content)));
}
