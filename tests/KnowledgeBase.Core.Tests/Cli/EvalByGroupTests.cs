using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary><c>kb eval --by-group</c>: one row per chat group after the pooled table, and refused with <c>--json</c>.</summary>
public sealed class EvalByGroupTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-eval-group-").FullName;

    public EvalByGroupTests()
    {
        Write("gold/devarch/2018-01-01-chat.json", """{"path": "devarch/2018-01-01-chat.markdown", "exchanges": [{"q": [10], "a": [12], "topic": "a"}]}""");
        Write("gold/prodarch/2018-01-01-chat.json", """{"path": "prodarch/2018-01-01-chat.markdown", "exchanges": [{"q": [10], "a": [12], "topic": "a"}]}""");
        Write("faq.json", """
            {"exchanges": [
              {"messages": [{"path": "devarch/2018-01-01-chat.markdown", "line": 10, "role": "question"},
                            {"path": "devarch/2018-01-01-chat.markdown", "line": 12, "role": "answer"}]},
              {"messages": [{"path": "prodarch/2018-01-01-chat.markdown", "line": 30, "role": "question"}]}
            ]}
            """);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Each_group_gets_its_own_row()
    {
        var (code, output, _) = KbProcess.Run("eval", "--gold", Path.Combine(work, "gold"), Path.Combine(work, "faq.json"), "--by-group");

        Assert.Equal(0, code);
        var rows = output.Split('\n').Where(line => line.Contains("devarch") || line.Contains("prodarch")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Matches(@"devarch\W+1\W+1\W+1\W+1\.000\W+1\.000\W+1\.000", rows[0]);
        Assert.Matches(@"prodarch\W+1\W+1\W+1\W+0\.000\W+0\.000\W+0\.000", rows[1]);
    }

    [KbBuiltFact]
    public void It_is_refused_with_json()
    {
        var (code, _, error) = KbProcess.Run("eval", "--gold", Path.Combine(work, "gold"), Path.Combine(work, "faq.json"), "--by-group", "--json");

        Assert.Equal(2, code);
        Assert.Contains("--by-group is for the table", error);
    }

    [KbBuiltFact]
    public void Calibration_is_refused_with_json_too()
    {
        var (code, _, error) = KbProcess.Run("eval", "--gold", Path.Combine(work, "gold"), Path.Combine(work, "faq.json"), "--calibration", "--json");

        Assert.Equal(2, code);
        Assert.Contains("--calibration is for the table", error);
    }

    [KbBuiltFact]
    public void Redirected_output_keeps_each_line_whole()
    {
        // Spectre.Console wraps a redirected stream at 80 columns unless told otherwise: "topic NMI" would end one line.
        var (code, output, _) = KbProcess.Run("eval", "--gold", Path.Combine(work, "gold"), Path.Combine(work, "faq.json"), "--by-group");

        Assert.Equal(0, code);
        Assert.Matches(@"2 labelled files, 2 gold and 2 predicted exchanges, 1 matched; topic NMI \d\.\d{3}, ARI -?\d\.\d{3}\r?\n", output);
        Assert.Contains("per chat group (first folder of the labelled paths), each scored on its own: question, answer-link and FAQ F1, topic NMI", output);
    }

    [KbBuiltFact]
    public void A_document_that_is_no_faq_json_is_refused_naming_the_file()
    {
        Write("list.json", "[]");

        var (code, _, error) = KbProcess.Run("eval", "--gold", Path.Combine(work, "gold"), Path.Combine(work, "list.json"));

        Assert.Equal(2, code);
        Assert.Contains($"{Path.Combine(work, "list.json")}: not a faq.json: the document should be an object, not a list", error);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(work, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
