using System.Security.Cryptography;
using KnowledgeBase.Core.Tests.Curation;
using KnowledgeBase.Core.Tests.Pipeline;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// A --db that is not a review store: verbs that only read refuse it (exit 2, naming the file and saying what is wrong)
/// and change nothing; <c>kb build</c> refuses a damaged store before its long work, leaving faq.json and the cache as
/// they were.
/// </summary>
public sealed class StoreFileCliTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("kb-store-cli-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Export_of_an_empty_file_as_a_store_is_refused_and_writes_nothing()
    {
        var db = Path.Combine(work, "kb.db");
        File.WriteAllBytes(db, []);
        var output = Path.Combine(work, "exp");

        var (code, _, error) = KbProcess.Run("export", "--status", "approved", "--db", db, "--out", output);

        Assert.Equal(2, code);
        Assert.Equal($"kb: {db} is not a KnowledgeBase review store: the file is empty (kb build creates one)\n", error);
        Assert.False(Directory.Exists(output));
        Assert.Equal(0, new FileInfo(db).Length);
    }

    [KbBuiltFact]
    public void Review_list_and_serve_refuse_another_application_s_database_and_leave_it_as_it_was()
    {
        var db = Path.Combine(work, "other.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER);";
            command.ExecuteNonQuery();
        }

        var before = Hash(db);

        var list = KbProcess.Run("review", "list", "--db", db);
        var serve = KbProcess.Run("serve", "--db", db, "--port", "0");

        var message = $"kb: {db} is not a KnowledgeBase review store: a SQLite database without the store's tables (it has orders); nothing was changed\n";
        Assert.Equal((2, string.Empty, message), list);
        Assert.Equal((2, message), (serve.ExitCode, serve.Stderr));
        Assert.Equal(before, Hash(db));
        Assert.Equal(["other.db"], Directory.GetFiles(work).Select(Path.GetFileName));
    }

    [KbBuiltFact]
    public void Build_stops_at_a_damaged_store_before_reading_and_leaves_its_output_as_it_was()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var db = Path.Combine(output, "kb.db");
        using (var file = File.Open(db, FileMode.Open))
        {
            file.SetLength(20000);
        }

        var faq = Hash(Path.Combine(output, "faq.json"));
        // Without its cache, a build that ran would write one.
        File.Delete(Path.Combine(output, "build-cache.db"));

        var (code, stdout, error) = KbProcess.Run("build", sample, "--out", output);

        Assert.Equal((2, string.Empty), (code, stdout));
        Assert.StartsWith($"kb: {db} is damaged (SQLite: ", error, StringComparison.Ordinal);
        Assert.Equal(faq, Hash(Path.Combine(output, "faq.json")));
        Assert.False(File.Exists(Path.Combine(output, "build-cache.db")));
    }

    [KbBuiltFact]
    public void Every_verb_refuses_a_damaged_store_before_acting_and_leaves_it_as_it_was()
    {
        var output = Path.Combine(work, "out");
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        Assert.Equal(0, KbProcess.Run("build", sample, "--out", output).ExitCode);
        var faq = Path.Combine(output, "faq.json");
        var db = Path.Combine(output, "kb.db");
        var id = System.Text.Json.JsonDocument.Parse(File.ReadAllText(faq)).RootElement.GetProperty("entries")[0].GetProperty("id").GetString()!;

        // The messages table's page: approving, the history and an export of approved entries never read it, so only
        // a check of the whole file finds the damage before they act.
        StoreFileDamage.OverwriteRootPage(db, "messages");

        var before = Hash(db);
        string[][] verbs =
        [
            ["review", "approve", id, "--db", db, "--as", "tester"],
            ["review", "history", "--db", db],
            ["review", "note", id, "a note", "--db", db],
            ["review", "import", faq, "--db", db],
            ["export", "--status", "approved", "--db", db, "--out", Path.Combine(work, "approved")],
            ["export", "--format", "json", "--in", faq, "--out", Path.Combine(work, "exported")],
            ["serve", "--db", db, "--port", "0"],
        ];

        foreach (var verb in verbs)
        {
            var (code, _, error) = KbProcess.Run(verb);

            Assert.True(code == 2, $"kb {string.Join(' ', verb)}: exit {code}, {error}");
            Assert.StartsWith($"kb: {db} is damaged (SQLite: ", error, StringComparison.Ordinal);
            Assert.Equal(1, error.Count(c => c == '\n'));
            Assert.Equal(before, Hash(db));
        }

        Assert.False(Directory.Exists(Path.Combine(work, "approved")));
        Assert.False(Directory.Exists(Path.Combine(work, "exported")));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
