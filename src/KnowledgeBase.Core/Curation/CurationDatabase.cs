using System.Globalization;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.CurationRows;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// The store's SQLite file as the merger, the actions and the queries share it: pooled connections opened the same
/// way, the clock, the search index, and the helpers that run statements with parameters.
/// </summary>
internal sealed class CurationDatabase
{
    internal const string BuildActor = "build";
    private readonly CurationStoreOptions options;
    private readonly string connectionString;

    /// <summary>Opens (creating when missing) the file, and brings its schema and search index up to date.</summary>
    /// <param name="options">Where the file is, how to tokenise search text, which clock to use.</param>
    internal CurationDatabase(CurationStoreOptions options)
    {
        this.options = options;
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds,
        }.ToString();
        using var connection = OpenConnection();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, CurationSchema.Create);
        foreach (var (table, column, definition) in CurationSchema.AddedColumns)
        {
            if (Scalar(connection, transaction, "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column;", ("$table", table), ("$column", column)) == 0)
            {
#pragma warning disable CA2100 // table, column and definition are constants of CurationSchema
                Execute(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {definition};");
#pragma warning restore CA2100
            }
        }

        Execute(connection, transaction, "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', $v);", ("$v", CurationSchema.Version.ToString(CultureInfo.InvariantCulture)));
        var meta = LoadMeta(connection, transaction);
        if (meta.GetValueOrDefault("tokenizer") != options.TokenizerName || meta.GetValueOrDefault("fts") != "map")
        {
            Execute(connection, transaction, "DELETE FROM entries_fts; DELETE FROM fts_map;");
            foreach (var row in LoadRows(connection, transaction, "1 = 1", []))
            {
                Index(connection, transaction, row.Id, row.CurrentQuestion, row.CurrentAnswer);
            }

            SetMeta(connection, transaction, "tokenizer", options.TokenizerName);
            SetMeta(connection, transaction, "fts", "map");
        }

        transaction.Commit();
    }

    /// <summary>Where the file is, how to tokenise search text, which clock to use.</summary>
    internal CurationStoreOptions Options => options;

    /// <summary>Releases the pooled connections to the file.</summary>
    internal void ClearPool()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // FULL makes each commit durable in WAL mode: an acknowledged action survives a killed server or a power cut.
        Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    internal DateTimeOffset Now() => options.Clock.GetUtcNow();

    internal void Index(SqliteConnection connection, SqliteTransaction transaction, string id, string question, string answer) =>
        Execute(
            connection,
            transaction,
            // entry_id is not indexed in FTS5, so rows are found through fts_map rather than by scanning the table.
            """
            DELETE FROM entries_fts WHERE rowid = (SELECT fts_rowid FROM fts_map WHERE entry_id = $id);
            INSERT INTO entries_fts (entry_id, tokens) VALUES ($id, $tokens);
            INSERT OR REPLACE INTO fts_map (entry_id, fts_rowid) VALUES ($id, last_insert_rowid());
            """,
            ("$id", id),
            ("$tokens", SearchTokens.IndexText(options.Tokenize(question + "\n" + answer), question + "\n" + answer)));

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // every statement is a constant of this class; values go in as parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static List<string> Strings(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    internal static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
