using System.Text.Json;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// The real <c>kb show</c> after the chat log it cites has changed: faq.json cites messages by line, so a message added
/// above or a question reworded in place puts another message on the cited line. It is said on stderr, naming the file
/// and line, and that line is not marked as the question; a message that is still in the file once, on another line, is
/// marked there.
/// </summary>
public sealed class ShowSourceChangedTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-show-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltTheory]
    [InlineData("a message added above")]
    [InlineData("the question reworded in place")]
    public void A_cited_line_that_holds_another_message_now_is_named_and_the_message_marked_only_where_it_is(string change)
    {
        var input = Path.Combine(work, "in");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        FolderCopy.All(sample, input);

        var faq = Path.Combine(work, "out", "faq.json");
        Assert.Equal(0, KbProcess.Run("build", input, "--out", Path.Combine(work, "out"), "--no-cache").ExitCode);
        var (entry, path, line) = FirstQuestion(faq);
        var source = Path.Combine(input, path);
        var (unchanged, before, quiet) = KbProcess.Run("show", entry, "--in", faq, "--input", input);
        Assert.Equal((0, string.Empty), (unchanged, quiet));
        Assert.Contains($"Q {line,6}  ", before, StringComparison.Ordinal);

        var lines = File.ReadAllLines(source).ToList();
        if (change == "a message added above")
        {
            // Right after the front matter, so every message moves down two lines.
            var body = lines.IndexOf("---", 1) + 1;
            lines.InsertRange(body, ["> 07:00:00  早起的人", "新消息"]);
        }
        else
        {
            // The text follows the header line, after a blank one.
            lines[line + 1] = "改过的问题，和原来的不一样？";
        }

        File.WriteAllLines(source, lines);

        var (code, stdout, stderr) = KbProcess.Run("show", entry, "--in", faq, "--input", input);

        Assert.Equal(0, code);
        Assert.Contains($"{source}:{line}: WARNING: the file changed since faq.json was written: it cites ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain($"Q {line,6}  ", stdout, StringComparison.Ordinal);
        if (change == "a message added above")
        {
            // The question is still in the file, once, two lines down: marked there, and said so.
            Assert.Contains($"marked Q on line {line + 2}, where the file has it now", stderr, StringComparison.Ordinal);
            Assert.Contains($"Q {line + 2,6}  ", stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("not marked Q", stderr, StringComparison.Ordinal);
        }
    }

    // The first entry's first exchange's question: its id, the chat log's path and the question's header line.
    private static (string Entry, string Path, int Line) FirstQuestion(string faq)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(faq));
        var root = document.RootElement;
        var entry = root.GetProperty("entries")[0];
        var exchangeId = entry.GetProperty("exchangeIds")[0].GetString();
        var exchange = root.GetProperty("exchanges").EnumerateArray().Single(x => x.GetProperty("id").GetString() == exchangeId);
        var question = exchange.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("role").GetString() == "question");
        return (entry.GetProperty("id").GetString()!, question.GetProperty("path").GetString()!, question.GetProperty("line").GetInt32());
    }
}
