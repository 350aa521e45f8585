using System.Text.RegularExpressions;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

/// <summary>The reader against every file of the real corpus in <c>../shared/corpus</c>.</summary>
public sealed partial class ChatLogReaderCorpusTests
{
    [CorpusFact]
    public void Every_corpus_file_reads_one_message_per_header_line_without_problems()
    {
        var corpus = ReadingTestPaths.Corpus!;
        var reader = new ChatLogReader();
        var found = ChatLogFinder.Find(corpus);
        var failures = new List<string>();
        var messages = 0;

        foreach (var file in found.Files)
        {
            // Counted on the raw text, independently of the reader's own line splitting.
            var headers = HeaderLine().Count(File.ReadAllText(file.FullPath));
            var result = reader.ReadFile(corpus, file.FullPath);
            messages += result.Day.Messages.Count;

            if (result.Day.Messages.Count != headers || result.HeaderLines != headers)
            {
                failures.Add($"{file.RelativePath}: {result.Day.Messages.Count} messages, {result.HeaderLines} header lines counted by the reader, {headers} header lines");
            }

            failures.AddRange(result.Problems.Select(problem => problem.ToString()));
            if (!IsInFileOrder(result))
            {
                failures.Add($"{file.RelativePath}: messages out of line order");
            }
        }

        Assert.Empty(found.Problems);
        Assert.NotEmpty(found.Files);
        Assert.True(messages > 0, "the corpus should hold messages");
        Assert.Empty(failures);
    }

    [CorpusFact]
    public void Every_corpus_day_has_its_group_and_the_date_of_its_file_name()
    {
        var corpus = ReadingTestPaths.Corpus!;
        var reader = new ChatLogReader();
        var failures = new List<string>();
        var files = ChatLogFinder.Find(corpus).Files;
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var day = reader.ReadFile(corpus, file.FullPath).Day;
            var name = Path.GetFileName(file.RelativePath);

            if (day.Group != file.RelativePath.Split('/')[^2])
            {
                failures.Add($"{file.RelativePath}: group '{day.Group}'");
            }

            if (!name.StartsWith(day.Date.ToString("yyyy-MM-dd"), StringComparison.Ordinal))
            {
                failures.Add($"{file.RelativePath}: date {day.Date:yyyy-MM-dd}");
            }

            if (day.Messages.Any(message => DateOnly.FromDateTime(message.Time) != day.Date))
            {
                failures.Add($"{file.RelativePath}: a message time is not on the day's date");
            }

            if (!day.FrontMatter.ContainsKey("title"))
            {
                failures.Add($"{file.RelativePath}: no title in the front matter");
            }
        }

        Assert.Empty(failures);
    }

    private static bool IsInFileOrder(ChatLogReadResult result)
    {
        var messages = result.Day.Messages;
        for (var i = 1; i < messages.Count; i++)
        {
            if (messages[i].Source.Line <= messages[i - 1].Source.Line)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^>[ \t][0-9]{2}:[0-9]{2}:[0-9]{2}", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
