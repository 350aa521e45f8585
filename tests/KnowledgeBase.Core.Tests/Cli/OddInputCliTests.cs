using System.Text.Json;
using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// The real <c>kb stats</c> and <c>kb build</c> on odd input and odd settings: an undated notes file and a nested folder,
/// output redirected, a <c>SOURCE_DATE_EPOCH</c> that is no number, a <c>--topics</c> the result cannot keep.
/// </summary>
public sealed class OddInputCliTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    private static string Sample => Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");

    private static string SampleDay => Path.Combine(Sample, "payexpert", "2024-03-05-chat.markdown");

    [KbBuiltFact]
    public void Source_url_date_of_a_file_named_without_a_date_is_the_day_its_front_matter_gives()
    {
        work.Write(
            Path.Combine("in", "g", "notes-chat.markdown"),
            "---\ndate: 2024-04-04 12:00:00\n---\n> 10:00:00  甲\n\n请问T0垫资要什么资质？\n\n> 10:01:00  乙\n\n@甲 需要有放贷资质或者合作银行。\n");
        var output = Path.Combine(work.Path, "out");
        KbProcess.Run("build", Path.Combine(work.Path, "in"), "--out", output);
        var markdown = Path.Combine(work.Path, "md");

        var (code, _, stderr) = KbProcess.Run(
            "export", "--format", "markdown", "--in", Path.Combine(output, "faq.json"), "--out", markdown, "--source-url", "https://x/{group}/{date}/{path}#L{line}");

        Assert.True(code == 0, stderr);
        var pages = string.Concat(Directory.GetFiles(markdown, "topic-*.md").Select(File.ReadAllText));
        Assert.Contains("(https://x/g/2024-04-04/g/notes-chat.markdown#L4)", pages, StringComparison.Ordinal);
        Assert.DoesNotContain("https://x/g//", pages, StringComparison.Ordinal);
    }

    [KbBuiltFact]
    public void Stats_leaves_undated_files_out_of_the_date_range_and_names_a_nested_folder_by_its_first_folder()
    {
        Directory.CreateDirectory(Path.Combine(work.Path, "g2", "sub", "deeper"));
        File.Copy(SampleDay, Path.Combine(work.Path, "g2", "sub", "deeper", "2024-03-05-chat.markdown"));
        work.Write(Path.Combine("g3", "notes.md"), "# just notes\n\nnot a chat\n");

        var (code, stdout, _) = KbProcess.Run("stats", work.Path, "--json");

        Assert.Equal(1, code);
        using var stats = JsonDocument.Parse(stdout);
        var root = stats.RootElement;
        Assert.Equal("2024-03-05", root.GetProperty("first").GetString());
        Assert.Equal("2024-03-05", root.GetProperty("last").GetString());
        Assert.Equal(1, root.GetProperty("days").GetInt32());
        Assert.Equal(1, root.GetProperty("undatedFiles").GetInt32());
        Assert.Equal(1, root.GetProperty("files").GetInt32());
        Assert.Equal(1, root.GetProperty("skippedFiles").GetInt32());
        Assert.Equal(["g2"], root.GetProperty("groups").EnumerateObject().Select(g => g.Name));
    }

    [KbBuiltFact]
    public void Stats_with_stdout_redirected_writes_plain_lines_not_a_table()
    {
        var (code, stdout, _) = KbProcess.Run("stats", Sample);

        Assert.Equal(0, code);
        Assert.DoesNotContain('│', stdout);
        Assert.DoesNotContain('┌', stdout);
        Assert.StartsWith("files\t3 read, 0 skipped\ndays\t3 (2024-03-05 to 2024-03-07)\ngroup payexpert\t74 messages\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\ntext\t60\n", stdout, StringComparison.Ordinal);
    }

    [KbBuiltFact]
    public void A_broken_chat_log_link_is_reported_and_counted_as_skipped_by_build_and_stats()
    {
        var input = Path.Combine(work.Path, "in");
        Directory.CreateDirectory(Path.Combine(input, "payexpert"));
        File.Copy(SampleDay, Path.Combine(input, "payexpert", "2024-03-05-chat.markdown"));
        File.CreateSymbolicLink(Path.Combine(input, "payexpert", "2024-03-06-chat.markdown"), Path.Combine(work.Path, "moved-away.markdown"));

        var build = KbProcess.Run("build", input, "--out", Path.Combine(work.Path, "out"), "--no-cache");
        var stats = KbProcess.Run("stats", input, "--json");

        Assert.Contains("payexpert/2024-03-06-chat.markdown: broken symbolic link: not followed", build.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("1 files read, 1 skipped, ", build.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stats.Stdout);
        Assert.Equal((1, 1), (json.RootElement.GetProperty("files").GetInt32(), json.RootElement.GetProperty("skippedFiles").GetInt32()));
    }

    [KbBuiltFact]
    public void A_build_says_when_SOURCE_DATE_EPOCH_is_no_time_and_uses_the_current_time()
    {
        var output = Path.Combine(work.Path, "out");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (code, _, stderr) = KbProcess.RunWith(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "abc" }, "build", Sample, "--out", output, "--no-cache");

        Assert.Equal(0, code);
        Assert.Contains("SOURCE_DATE_EPOCH 'abc' is not a number of seconds since 1970-01-01: generatedAt is the current time", stderr, StringComparison.Ordinal);
        using var faq = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "faq.json")));
        Assert.True(faq.RootElement.GetProperty("generatedAt").GetDateTimeOffset() >= before.AddSeconds(-1));
    }

    [KbBuiltFact]
    public void A_build_says_when_the_topics_asked_for_are_not_the_topics_made()
    {
        var output = Path.Combine(work.Path, "out");

        var (code, _, stderr) = KbProcess.Run("build", Sample, "--out", output, "--topics", "3", "--no-cache");

        Assert.Equal(0, code);
        using var faq = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "faq.json")));
        var topics = faq.RootElement.GetProperty("topics").GetArrayLength();
        // The sample has clusters too large for three topics: the case the note is for.
        Assert.NotEqual(3, topics);
        Assert.Contains($"kb build: note: --topics 3 gave {topics} topics: ", stderr, StringComparison.Ordinal);
        Assert.Contains("split in two", stderr, StringComparison.Ordinal);
    }
}
