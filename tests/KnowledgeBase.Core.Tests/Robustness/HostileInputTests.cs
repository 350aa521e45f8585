using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Tests.Export;

namespace KnowledgeBase.Core.Tests.Robustness;

/// <summary>
/// Each file in <c>Robustness/Hostile/</c> (and each large one generated here) is read from disk under a hang guard;
/// the test asserts the message and header counts and every diagnostic, <c>path:line: message</c>, exactly.
/// </summary>
public sealed class HostileInputTests
{
    private const string P = "hostile/2024-03-05-";

    [Fact]
    public void Invalid_utf8_is_reported_on_each_bad_line_and_the_messages_kept()
    {
        var result = HostileFiles.Read("invalid-utf8");

        Assert.Equal(
            $"""
            messages 3, headers 3
            {P}invalid-utf8.markdown:7: invalid UTF-8
            {P}invalid-utf8.markdown:11: invalid UTF-8
            {P}invalid-utf8.markdown:15: invalid UTF-8
            """,
            HostileFiles.Diagnostics(result));
        Assert.Equal("请问\uFFFD\uFFFD退款", result.Day.Messages[0].Body);
        Assert.EndsWith("最后一行\uFFFD", result.Day.Messages[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_file_with_a_few_broken_bytes_is_not_taken_for_gbk()
    {
        // Three of its lines are invalid UTF-8, fewer than half of those with Chinese: UTF-8 with damage, not GBK.
        var result = HostileFiles.Read("invalid-utf8");

        Assert.DoesNotContain("GB18030", HostileFiles.Diagnostics(result), StringComparison.Ordinal);
        Assert.Equal("高远", result.Day.Messages[0].Speaker.Name);
    }

    [Fact]
    public void Utf16_little_endian_with_bom_and_crlf_reads_cleanly()
    {
        var result = HostileFiles.Read("utf16le-bom");

        Assert.Equal("messages 2, headers 2", HostileFiles.Diagnostics(result));
        Assert.Equal(["请问 T+1 结算几点到账？", "一般上午十点前"], result.Day.Messages.Select(m => m.Body));
        Assert.Equal("支付技术交流群", result.Day.FrontMatter["title"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_a_bom_is_read_as_such_and_reported(bool bigEndian)
    {
        var text = Encoding.Unicode.GetString(File.ReadAllBytes(Path.Combine(HostileFiles.Folder, "utf16le-bom.markdown")).AsSpan(2));
        var bytes = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(text);

        var result = new ChatLogReader().Read("hostile/2024-03-05-utf16.markdown", bytes);

        Assert.Equal(
            $"""
            messages 2, headers 2
            hostile/2024-03-05-utf16.markdown: UTF-16 {(bigEndian ? "BE" : "LE")} without a byte-order mark: read as such; save the file as UTF-8
            """,
            HostileFiles.Diagnostics(result));
        Assert.Equal(["请问 T+1 结算几点到账？", "一般上午十点前"], result.Day.Messages.Select(m => m.Body));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_chinese_day_in_utf16_without_a_bom_reads_as_in_utf8(bool bigEndian)
    {
        // Chinese puts NULs on both sides of the byte pairs (一 is U+4E00 and 上 U+4E0A): the split is not clean.
        var sample = Path.Combine(RepositoryFolder.Path, "data", "sample", "payexpert", "2024-03-05-chat.markdown");
        var utf8 = File.ReadAllBytes(sample);
        var text = Encoding.UTF8.GetString(utf8) + "\n> 23:59:00  高远\n一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一一\n";
        var expected = new ChatLogReader().Read("payexpert/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes(text));

        var result = new ChatLogReader().Read("payexpert/2024-03-05-chat.markdown", (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(text));

        Assert.Equal([$"payexpert/2024-03-05-chat.markdown: UTF-16 {(bigEndian ? "BE" : "LE")} without a byte-order mark: read as such; save the file as UTF-8"], result.Problems.Select(p => p.ToString()));
        Assert.Equal(expected.Day.Messages.Select(m => (m.Source.Line, m.Speaker.Name, m.Body)), result.Day.Messages.Select(m => (m.Source.Line, m.Speaker.Name, m.Body)));
        Assert.True(result.Day.Messages.Count > 10);
    }

    [Fact]
    public void A_binary_file_with_nuls_mostly_on_one_side_is_still_binary()
    {
        // UTF-16 of text that is no chat log: no front matter, no header.
        var bytes = Encoding.Unicode.GetBytes(string.Concat(Enumerable.Repeat("PK\u0003\u0004 some archive entry\n", 200)));

        var result = new ChatLogReader().Read("hostile/2024-03-05-archive.markdown", bytes);

        Assert.Empty(result.Day.Messages);
        Assert.Contains("binary content", HostileFiles.Diagnostics(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_big_endian_with_an_odd_trailing_byte_is_reported_and_still_read()
    {
        var result = HostileFiles.Read("utf16be-bom-odd-length");

        Assert.Equal(
            $"""
            messages 2, headers 2
            {P}utf16be-bom-odd-length.markdown: invalid UTF-16: undecodable bytes replaced with U+FFFD
            """,
            HostileFiles.Diagnostics(result));
        Assert.Equal("林晓", result.Day.Messages[1].Speaker.Name);
    }

    [Fact]
    public void A_gbk_file_is_read_as_gb18030_and_reported_once()
    {
        var result = HostileFiles.Read("gbk");

        // Every line with Chinese is invalid UTF-8 and the whole file is valid GB18030: a file saved as GBK.
        Assert.Equal(
            $"""
            messages 2, headers 2
            {P}gbk.markdown: not UTF-8: read as GB18030 (GBK); save the file as UTF-8
            """,
            HostileFiles.Diagnostics(result));
        Assert.Equal("支付技术交流群", result.Day.FrontMatter["title"]);
        Assert.Equal(["高远", "林晓"], result.Day.Messages.Select(m => m.Speaker.Name));
        Assert.Equal(["请问银联的清算时间", "一般是T+1"], result.Day.Messages.Select(m => m.Body));
        Assert.Equal(new DateTime(2024, 3, 5, 10, 1, 0), result.Day.Messages[1].Time);
    }

    [Fact]
    public void The_source_lines_of_a_gbk_file_are_decoded_and_numbered_as_the_reader_read_them()
    {
        var result = HostileFiles.Read("gbk");
        var (lines, problem) = new ChatLogReader().SourceLines(HostileFiles.Folder, Path.Combine(HostileFiles.Folder, "gbk.markdown"));

        Assert.Null(problem);
        Assert.All(result.Day.Messages, m => Assert.StartsWith($"> {m.Time:HH:mm:ss}  {m.Speaker.Name}", lines![m.Source.Line - 1], StringComparison.Ordinal));
        Assert.Contains(lines!, line => line.Contains("请问银联的清算时间", StringComparison.Ordinal));
    }

    [Fact]
    public void The_source_lines_of_a_file_that_cannot_be_read_give_its_problem()
    {
        var root = Directory.CreateTempSubdirectory("kb-source-").FullName;
        try
        {
            var empty = Path.Combine(root, "2024-03-05-chat.markdown");
            File.WriteAllBytes(empty, []);

            var (lines, problem) = new ChatLogReader().SourceLines(root, empty);

            Assert.Null(lines);
            Assert.StartsWith("empty file", problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Crlf_and_lone_carriage_returns_keep_line_numbers()
    {
        var result = HostileFiles.Read("crlf-mixed");

        Assert.Equal("messages 2, headers 2", HostileFiles.Diagnostics(result));
        Assert.Equal("第一行\n第二行", result.Day.Messages[0].Body);
        Assert.Equal([5, 10], result.Day.Messages.Select(m => m.Source.Line));
        Assert.Equal("林晓", result.Day.Messages[1].Speaker.Name);
    }

    [Fact]
    public void Nul_byte_near_the_start_marks_the_file_binary()
    {
        var result = HostileFiles.Read("nul-early");

        Assert.Equal(
            $"""
            messages 0, headers 1
            {P}nul-early.markdown: binary content (NUL byte at offset 91): messages not read
            """,
            HostileFiles.Diagnostics(result));
    }

    [Fact]
    public void Deeply_nested_quotes_are_plain_text()
    {
        var result = HostileFiles.Read("nested-quotes");

        Assert.Equal("messages 3, headers 3", HostileFiles.Diagnostics(result));
        Assert.StartsWith("> > > >", result.Day.Messages[0].Body, StringComparison.Ordinal);
        var nested = result.Day.Messages[2].Quote;
        Assert.NotNull(nested);
        Assert.Equal("林晓", nested.Name);
    }

    [Fact]
    public void Yaml_bomb_aliases_are_not_expanded()
    {
        var result = HostileFiles.Read("yaml-bomb");

        Assert.Equal("messages 1, headers 1", HostileFiles.Diagnostics(result));
        Assert.Equal(string.Join(',', Enumerable.Repeat("*h", 9)), result.Day.FrontMatter["i"]);
        Assert.All(result.Day.FrontMatter.Values, value => Assert.True(value.Length < 100, value));
        Assert.Equal(new DateOnly(2024, 3, 5), result.Day.Date);
    }

    [Fact]
    public void Tabs_in_front_matter_are_read_and_a_broken_line_reported()
    {
        var result = HostileFiles.Read("yaml-tabs");

        // The tab-indented lines are not YAML: reported where YamlDotNet stops, then the block is read as 'key: value' lines.
        Assert.Equal(
            $"""
            messages 1, headers 1
            {P}yaml-tabs.markdown:3: broken front matter: Did not find expected <document end>.
            """,
            HostileFiles.Diagnostics(result));
        Assert.Equal("chat,支付", result.Day.FrontMatter["tag"]);
        Assert.Equal("群聊", result.Day.FrontMatter["title"]);
        Assert.Equal(new DateOnly(2024, 3, 5), result.Day.Date);
    }

    [Fact]
    public void Impossible_times_are_clamped_and_reported()
    {
        var result = HostileFiles.Read("impossible-times");

        Assert.Equal(
            $"""
            messages 4, headers 4
            {P}impossible-times.markdown:5: impossible time 24:00:00: read as 23:59:59
            {P}impossible-times.markdown:9: impossible time 99:99:99: read as 23:59:59
            {P}impossible-times.markdown:13: impossible time 23:60:00: read as 23:59:00
            {P}impossible-times.markdown:13: time 23:59:00 is before the 23:59:59 of the message on line 9: kept in file order, dated 2024-03-05
            {P}impossible-times.markdown:21: malformed message header (time '1:02:03' must be HH:MM:SS): kept as body text of the message on line 17
            {P}impossible-times.markdown:17: time 12:34:56 is before the 23:59:00 of the message on line 13: kept in file order, dated 2024-03-05
            """,
            HostileFiles.Diagnostics(result));
        Assert.Contains("不是头", result.Day.Messages[3].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_megabyte_line_without_a_final_newline_is_cut_and_reported()
    {
        var line = string.Concat(Enumerable.Repeat("「[强]> &amp;@", 1_000_000));
        var result = ReadGenerated("huge-line", "---\ndate: 2024-03-05\n---\n> 10:00:00  高远  \n   \n" + line);

        Assert.Equal(
            $"""
            messages 1, headers 1
            {P}huge-line.markdown:4: message body of {line.Length} characters cut to 65536
            """,
            HostileFiles.Diagnostics(result));
        Assert.True(result.Day.Messages[0].Body.Length <= 65_536);
    }

    [Fact]
    public void Ten_megabyte_front_matter_line_is_not_handed_to_yaml()
    {
        var result = ReadGenerated("huge-front-matter", "---\ndate: 2024-03-05\ntitle: " + new string('*', 10_000_000) + "\n---\n> 10:00:00  高远  \n   \n早  \n");

        Assert.Equal(
            $"""
            messages 1, headers 1
            {P}huge-front-matter.markdown:1: front matter too long (2 lines, 10000029 characters): first 200 lines read as 'key: value'
            """,
            HostileFiles.Diagnostics(result));
        Assert.Equal(new DateOnly(2024, 3, 5), result.Day.Date);
    }

    [Fact]
    public void Hundred_thousand_messages_in_one_file_are_all_read()
    {
        var text = new StringBuilder("---\ndate: 2024-03-05\n---\n");
        for (var i = 0; i < 100_000; i++)
        {
            // Spread over one day, in order: a time going back would be reported.
            var second = (int)(i * 86_399L / 99_999);
            text.Append(CultureInfoInvariant($"> {second / 3600:00}:{second / 60 % 60:00}:{second % 60:00}  用户{i % 97}  \n   \n签到 {i}  \n   \n"));
        }

        var result = ReadGenerated("many", text.ToString());

        Assert.Equal("messages 100000, headers 100000", HostileFiles.Diagnostics(result));
        Assert.Equal(new SourceRef($"{P}many.markdown", 4 + 4 * 99_999), result.Day.Messages[^1].Source);
        Assert.Equal("签到 99999", result.Day.Messages[^1].Body);
    }

    [Fact]
    public void Million_deep_quote_nesting_does_not_exhaust_the_stack()
    {
        var result = ReadGenerated(
            "deep-nesting",
            "---\ndate: 2024-03-05\n---\n> 10:00:00  高远  \n   \n" + string.Concat(Enumerable.Repeat("> ", 500_000)) + "\n"
            + "> 10:00:01  林晓  \n   \n" + new string('「', 200_000) + new string('[', 200_000) + "\n");

        Assert.Equal(
            $"""
            messages 2, headers 2
            {P}deep-nesting.markdown:4: message body of 999999 characters cut to 65536
            {P}deep-nesting.markdown:7: message body of 400000 characters cut to 65536
            """,
            HostileFiles.Diagnostics(result));
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static ChatLogReadResult ReadGenerated(string name, string text)
    {
        var root = Directory.CreateTempSubdirectory("kb-hostile-").FullName;
        try
        {
            var path = Path.Combine(root, "hostile", $"2024-03-05-{name}.markdown");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return HangGuard.Within(name, () => new ChatLogReader().ReadFile(root, path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
