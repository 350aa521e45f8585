using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// How the real <c>kb</c> treats bad usage: a misspelt option, a value of the wrong type, a status it does not know.
/// Each is refused with exit code 2 and a message naming what is wrong, before anything is read or written.
/// </summary>
public sealed class CliUsageTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-usage-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void A_misspelt_option_is_refused_and_nothing_is_written()
    {
        var output = Path.Combine(work, "out");

        var (code, _, error) = KbProcess.Run("build", Sample, "--out", output, "--answered_only");

        Assert.Equal(2, code);
        Assert.Contains("Unknown option 'answered_only'", error);
        Assert.False(Directory.Exists(output));
    }

    [KbBuiltFact]
    public void A_value_of_the_wrong_type_is_named()
    {
        var (code, _, error) = KbProcess.Run("build", Sample, "--out", Path.Combine(work, "out"), "--topics", "abc");

        Assert.Equal(2, code);
        Assert.Contains("kb: invalid option value: abc is not a valid value for Int32.", error);
    }

    [KbBuiltFact]
    public void Review_list_refuses_a_status_it_does_not_know()
    {
        var db = Path.Combine(work, "kb.db");
        File.WriteAllBytes(db, []);

        var (code, _, error) = KbProcess.Run("review", "list", "--db", db, "--status", "bogus");

        Assert.Equal(2, code);
        Assert.Contains("unknown --status bogus: use candidate, approved or rejected", error);
    }

    [KbBuiltTheory]
    [InlineData("list")]
    [InlineData("history", "q1")]
    [InlineData("import", "faq.json")]
    public void Review_verbs_that_change_nothing_in_a_reviewer_s_name_refuse_as(params string[] verb)
    {
        var db = Path.Combine(work, "kb.db");
        File.WriteAllBytes(db, []);

        var (code, _, error) = KbProcess.Run(["review", .. verb, "--db", db, "--as", "bob"]);

        Assert.Equal(2, code);
        Assert.Contains("Unknown option 'as'", error, StringComparison.Ordinal);
    }

    [KbBuiltFact]
    public void A_file_given_for_the_input_folder_is_called_a_file()
    {
        var day = Directory.GetFiles(Sample, "*.markdown", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();

        var (code, _, error) = KbProcess.Run("stats", day);

        Assert.Equal(2, code);
        Assert.Contains($"{day} is a file: give the folder that holds the chat logs", error);
    }

    [KbBuiltFact]
    public void No_verb_prints_the_help_and_is_bad_usage()
    {
        var (code, stdout, _) = KbProcess.Run();

        Assert.Equal(2, code);
        Assert.Contains("USAGE:", stdout);
    }

    [KbBuiltFact]
    public void Review_without_its_verb_is_bad_usage_and_its_help_names_every_verb()
    {
        Assert.Equal(2, KbProcess.Run("review").ExitCode);

        var (code, help, _) = KbProcess.Run("review", "--help");

        Assert.Equal(0, code);
        Assert.Contains("list, approve, reject, reset, edit, merge, split, note, history, import", help.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
    }

    [KbBuiltFact]
    public void A_faq_json_that_does_not_parse_is_named_with_its_line_counted_from_1_by_every_verb_that_reads_one()
    {
        var bad = Path.Combine(work, "bad.json");
        File.WriteAllText(bad, "{\n  \"schemaVersion\": 1,\n  \"generatedAt\": oops\n}\n");
        var db = Path.Combine(work, "kb.db");

        foreach (var args in new[] { new[] { "topics", bad }, ["review", "import", bad, "--db", db], ["export", "--format", "json", "--in", bad, "--out", Path.Combine(work, "x")] })
        {
            var (code, _, error) = KbProcess.Run(args);

            Assert.Equal(2, code);
            Assert.Contains($"{bad}:3: not a readable faq.json: 'o' is an invalid start of a value.", error);
        }

        Assert.False(File.Exists(db));
    }

    [KbBuiltFact]
    public void A_faq_json_with_a_date_that_is_no_date_names_the_field()
    {
        var bad = Path.Combine(work, "bad-date.json");
        File.WriteAllText(bad, """
            {"schemaVersion": 1, "generatedAt": "yesterday", "input": {"root": "x", "files": 0, "messages": 0, "problems": 0},
             "topics": [], "exchanges": [], "entries": []}
            """);

        var (code, _, error) = KbProcess.Run("topics", bad);

        Assert.Equal(2, code);
        Assert.Contains($"{bad}: not a readable faq.json: field 'generatedAt' should be a date and time such as 2024-03-05T10:00:00Z, not 'yesterday'", error);
    }

    [KbBuiltFact]
    public void The_review_store_given_as_the_build_cache_is_refused_before_anything_is_read()
    {
        var output = Path.Combine(work, "out");

        var (code, _, error) = KbProcess.Run("build", Sample, "--out", output, "--cache", Path.Combine(output, "kb.db"));

        Assert.Equal(2, code);
        Assert.Contains("--cache and --db name the same file", error);
        Assert.False(Directory.Exists(output));
    }

    [KbBuiltFact]
    public void A_file_that_is_not_SQLite_given_as_the_build_cache_is_refused_and_left_as_it_was()
    {
        var output = Path.Combine(work, "out");
        var notes = Path.Combine(work, "notes.txt");
        File.WriteAllText(notes, "my notes\n");

        var (code, _, error) = KbProcess.Run("build", Sample, "--out", output, "--cache", notes);

        Assert.Equal(2, code);
        Assert.Contains($"kb build: build cache {notes} is not a SQLite file", error);
        Assert.Equal("my notes\n", File.ReadAllText(notes));
        Assert.False(File.Exists(notes + ".unusable"));
        Assert.False(Directory.Exists(output));
    }

    [KbBuiltFact]
    public void A_damaged_build_cache_is_said_in_words_naming_the_file()
    {
        var output = Path.Combine(work, "out");
        var cache = Path.Combine(work, "cache.db");
        File.WriteAllText(cache, "SQLite format 3\0the rest is not a database");

        var (code, _, error) = KbProcess.Run("build", Sample, "--out", output, "--cache", cache);

        Assert.Equal(0, code);
        Assert.Contains(
            $"kb build: build cache {cache} is damaged: it starts like a SQLite database, but SQLite cannot open it as one: moved to {cache}.unusable and started afresh\n",
            error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", error, StringComparison.Ordinal);
    }

    [KbBuiltTheory]
    [InlineData("topics", "{folder}")]
    [InlineData("show", "q1", "--in", "{folder}")]
    [InlineData("eval", "--gold", "{work}", "{folder}")]
    [InlineData("export", "--in", "{folder}", "--out", "{work}/x")]
    [InlineData("review", "list", "--db", "{folder}")]
    [InlineData("review", "import", "{folder}", "--db", "{work}/kb.db")]
    [InlineData("serve", "--db", "{folder}")]
    [InlineData("show-day", "{folder}")]
    public void A_folder_given_for_a_file_is_called_a_folder(params string[] arguments)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "a-folder")).FullName;

        var (code, stdout, error) = KbProcess.Run([.. arguments.Select(a => a.Replace("{folder}", folder, StringComparison.Ordinal).Replace("{work}", work, StringComparison.Ordinal))]);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Contains($"{folder} is a folder, expected a file", error, StringComparison.Ordinal);
    }

    [KbBuiltTheory]
    [InlineData("eval", "--gold", "{file}", "{file}")]
    [InlineData("train", "--labels", "{file}")]
    [InlineData("show-day", "{file}", "--corpus", "{file}")]
    public void A_file_given_for_a_folder_is_called_a_file(params string[] arguments)
    {
        var file = Path.Combine(work, "a-file.json");
        File.WriteAllText(file, "{}");

        var (code, stdout, error) = KbProcess.Run([.. arguments.Select(a => a.Replace("{file}", file, StringComparison.Ordinal))]);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Contains($"{file} is a file, expected a folder", error, StringComparison.Ordinal);
    }

    [KbBuiltTheory]
    [InlineData("--corpus goes with --scores", "show-day", "{day}", "--corpus", "{sample}")]
    [InlineData("--models goes with --scores", "show-day", "{day}", "--models", "{sample}")]
    [InlineData("--no-mask goes with --out", "review", "import", "{faq}", "--db", "{work}/kb.db", "--no-mask")]
    public void An_option_that_only_qualifies_another_is_refused_without_it(string message, params string[] arguments)
    {
        var day = Directory.GetFiles(Sample, "*.markdown", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var faq = Path.Combine(work, "faq.json");
        File.WriteAllText(faq, "{}");

        var (code, stdout, error) = KbProcess.Run([.. arguments.Select(a => a
            .Replace("{day}", day, StringComparison.Ordinal)
            .Replace("{sample}", Sample, StringComparison.Ordinal)
            .Replace("{faq}", faq, StringComparison.Ordinal)
            .Replace("{work}", work, StringComparison.Ordinal))]);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(work, "kb.db")));
    }

    [KbBuiltFact]
    public void Export_of_the_store_alone_names_a_status_it_cannot_export()
    {
        var db = Path.Combine(work, "kb.db");
        File.WriteAllBytes(db, []);

        var (code, _, error) = KbProcess.Run("export", "--db", db, "--status", "candidate", "--out", Path.Combine(work, "x"));

        Assert.Equal(2, code);
        Assert.Contains("kb: --status candidate: the store alone exports only approved entries", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work, "x")));
    }

    [KbBuiltFact]
    public void Export_names_a_file_given_for_its_output_folder_before_reading_anything()
    {
        var faq = Path.Combine(work, "faq.json");
        File.WriteAllText(faq, "not read");
        var file = Path.Combine(work, "notes.txt");
        File.WriteAllText(file, "my notes\n");

        var (code, stdout, error) = KbProcess.Run("export", "--in", faq, "--out", file);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.Equal($"kb: --out {file} is a file, expected a folder\n", error.ReplaceLineEndings("\n"));
        Assert.Equal("my notes\n", File.ReadAllText(file));
    }

    private static string Sample => Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
}
