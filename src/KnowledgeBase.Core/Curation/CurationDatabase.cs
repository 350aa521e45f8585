using System.Globalization;
using System.Runtime.CompilerServices;
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
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> ReusedCommands = new();
    private readonly CurationStoreOptions options;
    private readonly string connectionString;

    /// <summary>
    /// Opens the file (creating it when missing or empty, if <see cref="CurationStoreOptions.CreateWhenMissing"/>), and
    /// brings its schema and search index up to date. A file that is not a store is refused before anything is written.
    /// </summary>
    /// <param name="options">Where the file is, how to tokenise search text, which clock to use.</param>
    /// <exception cref="CurationStoreException">The file cannot be used as a store; the message names it and says why.</exception>
    internal CurationDatabase(CurationStoreOptions options)
    {
        this.options = options;
        if (Inspect(options))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = TimeoutSeconds(options.BusyTimeout),
        }.ToString();
        try
        {
            Migrate();
        }
        catch (SqliteException unusable) when (unusable.SqliteErrorCode is not (5 or 6))
        {
            throw Unusable(options.DatabasePath, unusable);
        }
    }

    /// <summary>Where the file is, how to tokenise search text, which clock to use.</summary>
    internal CurationStoreOptions Options => options;

    /// <summary>Releases the pooled connections to the file.</summary>
    internal void ClearPool()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// A SQLite error that makes the file unusable as a store, in words and naming the file: not a database, damaged, or
    /// another reason SQLite gives. Busy and locked stores are the hosts' to report ("try again").
    /// </summary>
    /// <param name="path">The store's file.</param>
    /// <param name="error">What SQLite said.</param>
    /// <returns>The exception to throw.</returns>
    internal static CurationStoreException Unusable(string path, SqliteException error) => error.SqliteErrorCode switch
    {
        26 => new CurationStoreException($"{path} is not a KnowledgeBase review store: it is not a SQLite database; nothing was changed", error),
        11 => Damaged(path, SqliteReason(error), error),
        _ => new CurationStoreException($"{path} cannot be used as a review store ({SqliteReason(error)})", error),
    };

    /// <summary>Says that the store's file is damaged, naming it, and what can be done.</summary>
    /// <param name="path">The store's file.</param>
    /// <param name="detail">What SQLite found.</param>
    /// <param name="error">The SQLite error, if there was one.</param>
    /// <returns>The exception to throw.</returns>
    internal static CurationStoreException Damaged(string path, string detail, Exception? error = null)
    {
        var message = $"{path} is damaged ({detail}) and cannot be used as a review store: restore it from a backup, " +
            "or move it aside and kb build starts a new store there (without the decisions the damaged one held)";
        return error is null ? new CurationStoreException(message) : new CurationStoreException(message, error);
    }

    // "SQLite Error 11: 'database disk image is malformed'." -> "SQLite: database disk image is malformed"
    private static string SqliteReason(SqliteException error)
    {
        var text = error.Message.TrimEnd('.');
        var quote = text.IndexOf('\'', StringComparison.Ordinal);
        return "SQLite: " + (quote >= 0 && text.EndsWith('\'') && text.Length > quote + 1 ? text[(quote + 1)..^1] : text);
    }

    /// <summary>
    /// Looks at the file before anything is written to it: true when it is to become a new store (missing or without
    /// tables, and <see cref="CurationStoreOptions.CreateWhenMissing"/>), false when it is a store; anything else is
    /// refused, the file left as it was. Reads only.
    /// </summary>
    private static bool Inspect(CurationStoreOptions options)
    {
        var path = options.DatabasePath;
        if (!File.Exists(path))
        {
            if (Directory.Exists(path))
            {
                throw new CurationStoreException($"{path} is a folder, not a review store");
            }

            return options.CreateWhenMissing ? true : throw new CurationStoreException($"no review store at {path}: kb build creates one");
        }

        var readOnly = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = TimeoutSeconds(options.BusyTimeout),
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(readOnly);
            connection.Open();
            var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;");
            if (tables.Count == 0)
            {
                var what = new FileInfo(path).Length == 0 ? "the file is empty" : "a SQLite database without tables";
                return options.CreateWhenMissing ? true : throw new CurationStoreException($"{path} is not a KnowledgeBase review store: {what} (kb build creates one)");
            }

            var metaColumns = tables.Contains("meta") ? Strings(connection, "SELECT name FROM pragma_table_info('meta');") : [];
            var schema = metaColumns.Contains("key") && metaColumns.Contains("value")
                ? Strings(connection, "SELECT COALESCE(CAST(value AS TEXT), '') FROM meta WHERE key = 'schema';").FirstOrDefault()
                : null;
            if (!int.TryParse(schema, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                var named = string.Join(", ", tables.Take(5)) + (tables.Count > 5 ? ", …" : string.Empty);
                throw new CurationStoreException(
                    $"{path} is not a KnowledgeBase review store: a SQLite database without the store's tables (it has {named}); nothing was changed");
            }

            if (version > CurationSchema.Version)
            {
                throw new CurationStoreException(
                    $"{path} was written by a newer kb (review store schema {schema}; this kb reads schema {CurationSchema.Version}): nothing was changed");
            }

            if (options.CheckIntegrity)
            {
                var problems = Strings(connection, "PRAGMA quick_check(3);");
                if (problems is not ["ok"])
                {
                    // One line per finding, without the "*** in database main ***" heading SQLite puts before them.
                    var findings = problems.SelectMany(problem => problem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        .Where(line => !line.StartsWith("*** in database", StringComparison.Ordinal));
                    throw Damaged(path, "SQLite: " + string.Join("; ", findings));
                }
            }

            return false;
        }
        catch (SqliteException unusable) when (unusable.SqliteErrorCode is not (5 or 6))
        {
            throw Unusable(path, unusable);
        }
    }

    private void Migrate()
    {
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

    internal static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Prepared(connection, transaction, sql, parameters).ExecuteNonQuery();

    internal static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt64(Prepared(connection, transaction, sql, parameters).ExecuteScalar(), CultureInfo.InvariantCulture);

    // The connection's command for this statement, compiled on its first use and given these values; the connection owns
    // it, so the caller does not dispose it (a reader of it, yes, before the statement runs again). A build's merge runs
    // the same few statements for every exchange, message and entry, and compiling them anew each time cost more than
    // running them; SQLite's advice for bulk writes is to reuse one parameterised command. The connection disposes its
    // commands when it closes, and the table lets go of them with it.
    internal static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var commands = ReusedCommands.GetValue(connection, _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            commands[sql] = command = Command(connection, transaction, sql, parameters);
            return command;
        }

        command.Transaction = transaction;
        var values = command.Parameters;
        if (!SameNames(values, parameters))
        {
            values.Clear();
            foreach (var (name, value) in parameters)
            {
                values.AddWithValue(name, value ?? DBNull.Value);
            }

            return command;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            values[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }

    // Whether a reused command already has these parameters, in this order (the usual case: one call site per statement).
    private static bool SameNames(SqliteParameterCollection values, (string Name, object? Value)[] parameters)
    {
        if (values.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(values[i].ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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

    // Microsoft.Data.Sqlite counts the busy timeout in whole seconds, and 0 is no limit at all: a timeout under a second
    // would wait forever for a build's transaction, so it is rounded up, to one second at the least.
    private static int TimeoutSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
