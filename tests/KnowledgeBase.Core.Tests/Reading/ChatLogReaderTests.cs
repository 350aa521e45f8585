using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

/// <summary>
/// Golden examples in Markdig's spec-test habit: each <c>Golden/&lt;case&gt;.markdown</c> is read as
/// <c>golden/2024-03-05-&lt;case&gt;.markdown</c> and the whole result must equal <c>Golden/&lt;case&gt;.expected.json</c>.
/// Run with <c>KB_UPDATE_GOLDEN=1</c> to rewrite the expected files after a deliberate change, then review the diff.
/// </summary>
public sealed class ChatLogReaderTests
{
    private readonly ChatLogReader reader = new();

    [Fact] public void Front_matter_with_tabs_and_quotes() => AssertGolden("front-matter-tabs-quotes");

    [Fact] public void Front_matter_only_is_a_day_without_messages() => AssertGolden("front-matter-only");

    [Fact] public void Broken_front_matter_is_reported_and_messages_are_still_read() => AssertGolden("front-matter-broken");

    [Fact] public void Unclosed_front_matter_ends_at_the_first_message() => AssertGolden("front-matter-unclosed");

    [Fact] public void Front_matter_date_wins_over_the_file_name_and_a_difference_is_reported() => AssertGolden("front-matter-date-differs");

    [Fact] public void Date_comes_from_the_file_name_without_a_front_matter_date() => AssertGolden("front-matter-without-date");

    [Fact] public void Missing_front_matter_and_text_before_the_first_message_are_reported() => AssertGolden("no-front-matter");

    [Fact] public void Every_header_line_starts_a_message_despite_lazy_continuation() => AssertGolden("lazy-continuation");

    [Fact] public void Entities_are_decoded_up_to_three_times() => AssertGolden("entities");

    [Fact] public void Message_kinds() => AssertGolden("message-kinds");

    [Fact] public void Mentions_end_at_lost_separators_white_space_and_punctuation() => AssertGolden("mentions");

    [Fact] public void Quoted_reply_variants() => AssertGolden("quotes");

    [Fact] public void Crlf_line_endings()
    {
        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(ReadingTestPaths.Golden, "crlf.markdown")), StringComparison.Ordinal);
        AssertGolden("crlf");
    }

    [Fact] public void Utf16_with_byte_order_mark_is_decoded() => AssertGolden("utf16-bom");

    [Fact] public void Invalid_utf8_is_reported_per_line_and_replaced() => AssertGolden("invalid-utf8");

    [Fact] public void Binary_file_is_reported_and_not_read() => AssertGolden("binary-nul");

    [Fact] public void Impossible_times_are_clamped_and_reported() => AssertGolden("impossible-time");

    [Fact] public void Empty_file_is_reported() => AssertGolden("empty");

    [Fact] public void Header_edge_cases() => AssertGolden("header-edge-cases");

    [Fact] public void Malformed_headers_are_reported_and_stay_body_text() => AssertGolden("malformed-headers");

    [Fact] public void A_tab_after_the_quote_is_read_and_other_white_space_there_is_named() => AssertGolden("tab-headers");

    [Fact] public void Multi_line_body_keeps_its_lines() => AssertGolden("multi-line-body");

    [Fact]
    public void Ten_megabyte_line_is_cut_and_reported()
    {
        var content = new StringBuilder()
            .Append("---\ndate: 2024-03-05 12:00:00\n---\n> 10:00:00  高远  \n   \n")
            .Append('长', 10_000_000)
            .Append("  \n   \n> 10:00:01  林晓  \n   \n还在  \n   \n")
            .ToString();

        var result = reader.Read("golden/2024-03-05-huge-line.markdown", Encoding.UTF8.GetBytes(content));

        AssertMatchesGolden("huge-line", ReadResultJson.Render(result));
    }

    [Fact]
    public void Sample_data_reads_as_expected()
    {
        var found = ChatLogFinder.Find(ReadingTestPaths.Sample);
        var results = found.Files.Select(file => reader.ReadFile(ReadingTestPaths.Sample, file.FullPath)).ToList();

        Assert.True(found.Files.Count >= 3, "data/sample should hold the sample days");
        Assert.All(results, result => Assert.Empty(result.Problems));
        AssertMatchesGolden("sample", ReadResultJson.Render(found, results));
    }

    [Fact]
    public void Group_is_the_first_folder_and_paths_use_forward_slashes()
    {
        var content = Encoding.UTF8.GetBytes("---\ndate: 2024-03-05\n---\n> 08:00:00  高远  \n   \n早  \n");

        var nested = reader.Read(@"payexpert\archive\2024-03-05-chat.markdown", content);
        var atRoot = reader.Read("2024-03-05-chat.md", content);

        Assert.Equal("payexpert/archive/2024-03-05-chat.markdown", nested.Day.Path);
        Assert.Equal("payexpert", nested.Day.Group);
        Assert.Equal(new SourceRef("payexpert/archive/2024-03-05-chat.markdown", 4), nested.Day.Messages[0].Source);
        Assert.Equal(string.Empty, atRoot.Day.Group);
    }

    [Fact]
    public void Utf16_big_endian_and_utf8_bom_are_decoded()
    {
        const string text = "---\ndate: 2024-03-05\n---\n> 08:00:00  高远  \n   \n早  \n";
        byte[] bigEndian = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)];
        byte[] utf8Bom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

        foreach (var content in new[] { bigEndian, utf8Bom })
        {
            var result = reader.Read("g/2024-03-05-chat.markdown", content);
            Assert.Empty(result.Problems);
            Assert.Equal("早", Assert.Single(result.Day.Messages).Body);
        }
    }

    [Fact]
    public void Nul_after_the_binary_probe_is_replaced_and_reported_on_its_line()
    {
        var text = "---\ndate: 2024-03-05\n---\n" + string.Concat(Enumerable.Repeat("> 08:00:00  高远  \n   \n早上好  \n   \n", 500)) + "> 09:00:00  林晓  \n   \na\0b  \n";

        var result = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes(text));

        Assert.Equal(501, result.Day.Messages.Count);
        Assert.Equal("a\uFFFDb", result.Day.Messages[^1].Body);
        Assert.Equal("g/2024-03-05-chat.markdown:2006: NUL character replaced with U+FFFD", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Headers_written_with_look_alike_characters_are_reported_with_what_they_used()
    {
        var text = "---\ndate: 2024-03-05\n---\n> 10:00:00  张三\n\n你好\n\n"
            + ">\u00A010:00:01  李四\n\n"
            + "\uFEFF> 10:00:02  王五\n\n"
            + "\uFF1E 10:00:03  赵六\n\n"
            + "> 10\uFF1A00\uFF1A04  钱七\n\n"
            + "\u3000> \uFF11\uFF10:00:05  孙八\n\n"
            + "> 10:00:06  Ｊａｃｋ\u3000１２３\n\n"
            + "＞＞ 原话照录\n";

        var result = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes(text));

        Assert.Equal(["张三", "Ｊａｃｋ\u3000１２３"], result.Day.Messages.Select(m => m.Speaker.Raw));
        Assert.Equal(
            [
                "g/2024-03-05-chat.markdown:8: malformed message header (U+00A0 for a space): kept as body text of the message on line 4",
                "g/2024-03-05-chat.markdown:10: malformed message header (invisible character U+FEFF): kept as body text of the message on line 4",
                "g/2024-03-05-chat.markdown:12: malformed message header (full-width '＞' for '>'): kept as body text of the message on line 4",
                "g/2024-03-05-chat.markdown:14: malformed message header (full-width '：' for ':'): kept as body text of the message on line 4",
                "g/2024-03-05-chat.markdown:16: malformed message header (U+3000 for a space, full-width digits, '>' not at the start of the line): kept as body text of the message on line 4",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_header_after_a_lone_carriage_return_and_a_file_of_cr_line_endings_are_reported()
    {
        var inside = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes("---\ndate: 2024-03-05\n---\n> 10:00:00  A\r> 10:00:01  B\n\nlost\r\nkept\rtoo\n"));
        var crOnly = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes("---\rdate: 2024-03-05\r---\r> 10:00:00  A\r\rhi\r"));

        Assert.Equal(
            "g/2024-03-05-chat.markdown:4: a message header after a lone carriage return (CR) at character 14 is text of this line, not a message; line endings must be LF or CRLF",
            Assert.Single(inside.Problems).ToString());
        Assert.Contains(crOnly.Problems, p => p.ToString() == "g/2024-03-05-chat.markdown: lines end in CR only (classic Mac OS), so the file reads as one line and its messages are lost; convert the line endings to LF (tr '\\r' '\\n')");
    }

    [Fact]
    public void A_long_speaker_is_cut_without_halving_an_emoji()
    {
        var limited = new ChatLogReader(new ChatLogReaderOptions { MaxSpeakerLength = 4 });

        var result = limited.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes("---\ndate: 2024-03-05\n---\n> 10:37:56  abc\uD83D\uDE00\uD83D\uDE00\n\n你好\n"));

        Assert.Equal("abc", result.Day.Messages[0].Speaker.Raw);
        Assert.Equal("g/2024-03-05-chat.markdown:4: speaker of 7 characters cut to 4", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_front_matter_date_that_is_no_date_is_reported_on_its_line()
    {
        var result = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes("---\nlayout: source\ndate : 1,2\n---\n> 10:00:00  A\n\nhi\n"));

        Assert.Equal(new DateOnly(2024, 3, 5), result.Day.Date);
        Assert.Equal("g/2024-03-05-chat.markdown:3: front matter date '1,2' is not a date: using the file name's date", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_time_earlier_than_the_message_before_is_reported_and_kept_in_file_order_but_twins_a_second_apart_are_not()
    {
        const string Text = "---\ndate: 2024-03-05\n---\n> 23:58:00  A\n\nlate\n> 23:59:59  B\n\nlater\n> 23:59:58  B-nick\n\nlater\n> 00:01:00  A\n\npast midnight\n";

        var result = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes(Text));

        Assert.Equal(["late", "later", "later", "past midnight"], result.Day.Messages.Select(m => m.Body));
        Assert.Equal(new DateTime(2024, 3, 5, 0, 1, 0), result.Day.Messages[^1].Time);
        Assert.Equal(
            "g/2024-03-05-chat.markdown:13: time 00:01:00 is before the 23:59:58 of the message on line 10: kept in file order, dated 2024-03-05",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Front_matter_yaml_cannot_parse_says_what_is_likely_wrong_and_is_read_line_by_line()
    {
        var result = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes("---\nlayout: [unclosed\ndate: 2024-03-05\n---\n> 10:00:00  A\n\nhi\n"));

        var problem = Assert.Single(result.Problems).ToString();
        Assert.StartsWith("g/2024-03-05-chat.markdown:2: broken front matter: not valid YAML (an unclosed [, { or quote?), read line by line as 'key: value'", problem, StringComparison.Ordinal);
        Assert.Equal("2024-03-05", result.Day.FrontMatter["date"]);
        Assert.Single(result.Day.Messages);
    }

    [Fact]
    public void Problems_beyond_the_limit_are_summed_up()
    {
        var lines = string.Concat(Enumerable.Range(0, 10).Select(i => $"> 25:00:0{i}  高远  \n"));
        var limited = new ChatLogReader(new ChatLogReaderOptions { MaxProblemsPerFile = 3 });

        var result = limited.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes("---\ndate: 2024-03-05\n---\n" + lines));

        Assert.Equal(10, result.Day.Messages.Count);
        Assert.Equal(4, result.Problems.Count);
        Assert.Equal("g/2024-03-05-chat.markdown: 7 more problems not listed", result.Problems[^1].ToString());
        // Counted as the problems they are: the build's summary and faq.json's input.problems say 10.
        Assert.Equal(10, InputProblem.Total(result.Problems));
    }

    [Fact]
    public void Oversized_or_deeply_nested_front_matter_is_read_line_by_line()
    {
        var longBlock = "---\ndate: 2024-03-05\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"key{i}: value\n")) + "---\n> 08:00:00  高远  \n";
        var nested = "---\ndate: 2024-03-05\nkey: " + new string('[', 5000) + "\n---\n> 08:00:00  高远  \n";

        var longResult = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes(longBlock));
        var nestedResult = reader.Read("g/2024-03-05-chat.markdown", Encoding.UTF8.GetBytes(nested));

        Assert.Equal(
            "g/2024-03-05-chat.markdown:1: front matter too long (301 lines, 4111 characters): first 200 lines read as 'key: value'",
            Assert.Single(longResult.Problems).ToString());
        Assert.Equal(200, longResult.Day.FrontMatter.Count);
        Assert.Single(longResult.Day.Messages);
        Assert.Equal(
            "g/2024-03-05-chat.markdown:1: front matter has 5000 brackets, too many for a chat log's: read as 'key: value' lines",
            Assert.Single(nestedResult.Problems).ToString());
        Assert.Equal(new DateOnly(2024, 3, 5), nestedResult.Day.Date);
        Assert.Single(nestedResult.Day.Messages);
    }

    [Fact]
    public void Invalid_options_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatLogReader(new ChatLogReaderOptions { MaxBodyLength = 0 }));

    [Fact]
    public void Unreadable_file_gives_an_empty_day_and_a_problem()
    {
        var root = Directory.CreateTempSubdirectory("kb-reader-").FullName;
        try
        {
            var result = reader.ReadFile(root, Path.Combine(root, "payexpert", "2024-03-05-chat.markdown"));

            Assert.Empty(result.Day.Messages);
            Assert.Equal("payexpert", result.Day.Group);
            Assert.Equal(new DateOnly(2024, 3, 5), result.Day.Date);
            Assert.StartsWith("payexpert/2024-03-05-chat.markdown: cannot read file:", Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Too_large_file_is_not_read()
    {
        var root = Directory.CreateTempSubdirectory("kb-reader-").FullName;
        try
        {
            var path = Path.Combine(root, "2024-03-05-chat.markdown");
            File.WriteAllText(path, "---\ndate: 2024-03-05\n---\n> 08:00:00  高远  \n   \n早  \n");
            var small = new ChatLogReader(new ChatLogReaderOptions { MaxFileBytes = 10 });

            var result = small.ReadFile(root, path);

            Assert.Empty(result.Day.Messages);
            Assert.Equal("2024-03-05-chat.markdown: file too large (56 bytes, limit 10): not read", Assert.Single(result.Problems).ToString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private void AssertGolden(string name)
    {
        var content = File.ReadAllBytes(Path.Combine(ReadingTestPaths.Golden, name + ".markdown"));
        var result = reader.Read($"golden/2024-03-05-{name}.markdown", content);
        AssertMatchesGolden(name, ReadResultJson.Render(result));
    }

    private static void AssertMatchesGolden(string name, string actual)
    {
        var file = name + ".expected.json";
        if (ReadingTestPaths.UpdateGolden)
        {
            File.WriteAllText(Path.Combine(ReadingTestPaths.SourceGolden, file), actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(ReadingTestPaths.Golden, file)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void One_bad_byte_in_a_utf8_file_is_replaced_and_the_rest_stays_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: t\n---\n\n> 10:00:00  张三\n\n合作银行可以多家\n\n> 10:01:00  李四\n\n去找存管银行 A\n").ToList();
        bytes.Insert(bytes.LastIndexOf((byte)'A'), 0xB0);

        var result = reader.Read("g/2024-03-05-chat.markdown", bytes.ToArray());

        Assert.Equal(["合作银行可以多家", "去找存管银行 \uFFFDA"], result.Day.Messages.Select(m => m.Text));
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("GB18030", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_name_whose_date_runs_into_more_digits_gives_no_date()
    {
        var result = reader.Read("g/2024-03-0512-chat.markdown", Encoding.UTF8.GetBytes("> 10:00:00  张三\n\n你好\n"));

        Assert.Equal(DateOnly.MinValue, result.Day.Date);
    }
}
