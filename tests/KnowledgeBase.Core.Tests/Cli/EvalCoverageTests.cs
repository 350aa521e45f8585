using System.Text.Json;
using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// <c>kb eval</c> warns on stderr when a labelled day was not in a faq.json's input (its gold exchanges all count as
/// missed), and when two compared files did not read the same days, and then exits 1 (the scores are printed, but the
/// input had a problem); a quiet day the build read is no such day.
/// </summary>
public sealed class EvalCoverageTests : IDisposable
{
    private const string Answered = """
        {"messages": [{"path": "devarch/2018-01-01-chat.markdown", "line": 10, "role": "question"},
                      {"path": "devarch/2018-01-01-chat.markdown", "line": 12, "role": "answer"}]}
        """;

    private readonly TempDirectory work = new();

    public EvalCoverageTests()
    {
        work.Write("gold/devarch/2018-01-01-chat.json", """{"path": "devarch/2018-01-01-chat.markdown", "exchanges": [{"q": [10], "a": [12], "topic": "a"}]}""");
        work.Write("gold/prodarch/2018-01-01-chat.json", """{"path": "prodarch/2018-01-01-chat.markdown", "exchanges": []}""");
        work.Write("corpus/devarch/2018-01-01-chat.markdown", "---\n---\n");
        work.Write("corpus/prodarch/2018-01-01-chat.markdown", "---\n---\n");
    }

    // The input section of a faq.json whose build read the test's corpus folder.
    private string Input => $$"""{"root": {{JsonSerializer.Serialize(Path.Combine(work.Path, "corpus"))}}}""";

    public void Dispose() => work.Dispose();

    [KbBuiltFact]
    public void A_day_no_exchange_names_is_unread_when_the_file_does_not_say_what_it_read()
    {
        work.Write("faq.json", $$"""{"exchanges": [{{Answered}}]}""");

        var (code, _, error) = Eval("faq.json");

        Assert.Equal(1, code);
        Assert.Contains("1 of 2 labelled files were not in the input", error);
        Assert.Contains("prodarch/2018-01-01-chat.markdown", error);
    }

    [KbBuiltFact]
    public void A_quiet_day_under_the_input_root_is_read()
    {
        work.Write("faq.json", $$"""{"input": {{Input}}, "exchanges": [{{Answered}}]}""");

        var (code, _, error) = Eval("faq.json");

        Assert.Equal(0, code);
        Assert.DoesNotContain("not in the input", error);
    }

    [KbBuiltFact]
    public void Two_files_that_read_the_same_days_compare_without_a_warning_though_one_is_quiet_on_a_day()
    {
        work.Write("a.json", $$"""{"input": {{Input}}, "exchanges": [{{Answered}}]}""");
        work.Write("b.json", $$"""
            {"input": {{Input}}, "exchanges": [{{Answered}},
              {"messages": [{"path": "prodarch/2018-01-01-chat.markdown", "line": 30, "role": "question"}]}]}
            """);

        var (code, _, error) = Eval("a.json", "--bootstrap", "50", "--against", Path.Combine(work.Path, "b.json"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("did not read the same", error);
    }

    [KbBuiltFact]
    public void Two_files_that_read_different_days_are_said_to_compare_different_inputs()
    {
        work.Write("a.json", $$"""{"exchanges": [{{Answered}}]}""");
        work.Write("b.json", $$"""{"input": {{Input}}, "exchanges": [{{Answered}}]}""");

        var (code, _, error) = Eval("a.json", "--bootstrap", "50", "--against", Path.Combine(work.Path, "b.json"));

        Assert.Equal(1, code);
        Assert.Contains("did not read the same labelled files (1 differ)", error);
    }

    [KbBuiltFact]
    public void A_file_that_read_none_of_the_labelled_days_says_so_and_exits_1_with_the_scores_printed()
    {
        var elsewhere = JsonSerializer.Serialize(Path.Combine(work.Path, "elsewhere"));
        work.Write("faq.json", $$"""
            {"input": {"root": {{elsewhere}}}, "exchanges": [
              {"messages": [{"path": "other/2019-05-05-chat.markdown", "line": 10, "role": "question"}]}]}
            """);

        var (code, output, error) = Eval("faq.json", "--json");

        Assert.Equal(1, code);
        Assert.Contains("none of the 2 labelled files were in the input", error);
        using var scores = JsonDocument.Parse(output);
        Assert.Equal(0, scores.RootElement.GetProperty("matched").GetInt32());
    }

    [KbBuiltFact]
    public void A_file_that_read_every_labelled_day_exits_0()
    {
        work.Write("faq.json", $$"""{"input": {{Input}}, "exchanges": [{{Answered}}]}""");

        var (code, output, error) = Eval("faq.json", "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var scores = JsonDocument.Parse(output);
        Assert.Equal(1, scores.RootElement.GetProperty("matched").GetInt32());
    }

    private (int Code, string Output, string Error) Eval(string faq, params string[] more) =>
        KbProcess.Run(["eval", "--gold", Path.Combine(work.Path, "gold"), Path.Combine(work.Path, faq), .. more]);
}
