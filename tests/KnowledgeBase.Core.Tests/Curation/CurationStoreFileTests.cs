using System.Security.Cryptography;
using KnowledgeBase.Core.Curation;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Core.Tests.Curation;

/// <summary>
/// Which files a <see cref="CurationStore"/> opens: a store, or (where asked to create one) a missing or empty file. Any
/// other file is refused with a message naming it and saying what is wrong, and is left byte for byte as it was.
/// </summary>
public sealed class CurationStoreFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kb-store-file-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Another_application_s_database_is_refused_and_left_as_it_was()
    {
        var path = Path.Combine(directory, "other.db");
        Execute(path, "CREATE TABLE orders (id INTEGER); INSERT INTO orders VALUES (1);");

        var before = Hash(path);

        var refused = Assert.Throws<CurationStoreException>(() => new CurationStore(new CurationStoreOptions(path)));

        Assert.Equal($"{path} is not a KnowledgeBase review store: a SQLite database without the store's tables (it has orders); nothing was changed", refused.Message);
        Assert.Equal(before, Hash(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_and_left_as_it_was()
    {
        var path = Path.Combine(directory, "faq.json");
        File.WriteAllText(path, "{\"schemaVersion\": 1, \"entries\": []}");

        var refused = Assert.Throws<CurationStoreException>(() => new CurationStore(new CurationStoreOptions(path)));

        Assert.Equal($"{path} is not a KnowledgeBase review store: it is not a SQLite database; nothing was changed", refused.Message);
        Assert.Equal("{\"schemaVersion\": 1, \"entries\": []}", File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_or_empty_file_becomes_a_store_only_where_one_may_be_created()
    {
        var missing = Path.Combine(directory, "sub", "kb.db");
        var empty = Path.Combine(directory, "empty.db");
        File.WriteAllBytes(empty, []);

        var noStore = Assert.Throws<CurationStoreException>(() => new CurationStore(new CurationStoreOptions(missing) { CreateWhenMissing = false }));
        var emptyFile = Assert.Throws<CurationStoreException>(() => new CurationStore(new CurationStoreOptions(empty) { CreateWhenMissing = false }));

        Assert.Equal($"no review store at {missing}: kb build creates one", noStore.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
        Assert.Equal($"{empty} is not a KnowledgeBase review store: the file is empty (kb build creates one)", emptyFile.Message);
        Assert.Equal(0, new FileInfo(empty).Length);

        using (var created = new CurationStore(new CurationStoreOptions(empty)))
        {
            created.MergeBuild(CurationFixture.Build());
        }

        using var reopened = new CurationStore(new CurationStoreOptions(empty) { CreateWhenMissing = false });
        Assert.Equal(3, reopened.List(new EntryQuery()).Count);
    }

    [Fact]
    public void A_store_of_a_newer_kb_is_refused()
    {
        var path = Path.Combine(directory, "kb.db");
        StoreWithBuild(path);

        Execute(path, "UPDATE meta SET value = '99' WHERE key = 'schema';");

        var refused = Assert.Throws<CurationStoreException>(() => new CurationStore(new CurationStoreOptions(path)));

        Assert.Equal($"{path} was written by a newer kb (review store schema 99; this kb reads schema 1): nothing was changed", refused.Message);
    }

    [Fact]
    public void A_truncated_store_is_called_damaged_when_checked_at_opening()
    {
        var path = Path.Combine(directory, "kb.db");
        StoreWithBuild(path);

        SqliteConnection.ClearAllPools();
        using (var file = File.Open(path, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        var refused = Assert.Throws<CurationStoreException>(() => new CurationStore(new CurationStoreOptions(path) { CheckIntegrity = true }));

        Assert.StartsWith($"{path} is damaged (SQLite: ", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("restore it from a backup, or move it aside and kb build starts a new store there (without the decisions the damaged one held)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_found_damaged_while_in_use_is_named()
    {
        var path = Path.Combine(directory, "kb.db");
        StoreWithBuild(path);

        // Opening reads the schema and meta pages only: the entries table's page is found damaged when listed.
        StoreFileDamage.OverwriteRootPage(path, "entries");

        using var damaged = new CurationStore(new CurationStoreOptions(path));
        var refused = Assert.Throws<CurationStoreException>(() => damaged.List(new EntryQuery()));

        Assert.StartsWith($"{path} is damaged (SQLite: database disk image is malformed)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_json_value_that_does_not_parse_is_called_damaged_naming_the_file()
    {
        var path = Path.Combine(directory, "kb.db");
        StoreWithBuild(path);

        // Damage inside a row's text leaves the pages sound (quick_check passes); the JSON column no longer parses.
        Execute(path, "UPDATE entries SET eff_experts = '[{\"role\":\"\\u\u00ef\u00bf\"}]';");

        using var damaged = new CurationStore(new CurationStoreOptions(path) { CheckIntegrity = true });
        var refused = Assert.Throws<CurationStoreException>(() => damaged.List(new EntryQuery()));

        Assert.StartsWith($"{path} is damaged (a value stored as JSON cannot be read: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Path: $[0].role", refused.Message, StringComparison.Ordinal);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void StoreWithBuild(string path)
    {
        using var store = new CurationStore(new CurationStoreOptions(path));
        store.MergeBuild(CurationFixture.Build());
    }

    // Changes the file behind the store's back, as another program or a damaged disk would.
    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
