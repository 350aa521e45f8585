using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KnowledgeBase.Core.Curation;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Core.Pipeline;

/// <summary>
/// What earlier builds learned from each input file, so that a re-run after a new day is added reads and analyses only
/// the files that changed. A record is keyed by a hash of the file's path and bytes together with a fingerprint of the
/// code and models; corpus-wide facts a file's exchanges depend on (how its @mentions resolve) are kept with them and
/// checked on every use, so a cached result is only used where a full build would compute the same.
/// </summary>
/// <remarks>
/// A SQLite file in WAL mode: each pass is one transaction, so a killed build leaves the cache as the last finished
/// pass left it, never half-written. A SQLite file that cannot be used as a cache (damaged, or a cache of another
/// format) is set aside and replaced; any other file is refused and left as it was. One connection is shared under a
/// lock, so parallel workers can use one cache.
/// </remarks>
public sealed class BuildCache : IDisposable
{
    private const string Format = "kb-build-cache/1";

    // The first 16 bytes of every SQLite database file (https://www.sqlite.org/fileformat.html#the_database_header).
    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    private static readonly JsonSerializerOptions Json = new()
    {
        // Records only: computed getters (Exchange.Questions, ChatMessage.Text, …) are derived, not stored.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                static info =>
                {
                    if (info.Kind != JsonTypeInfoKind.Object)
                    {
                        return;
                    }

                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                    {
                        if (info.Properties[i].Set is null)
                        {
                            info.Properties.RemoveAt(i);
                        }
                    }
                },
            },
        },
    };

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private SqliteTransaction _transaction;

    private BuildCache(SqliteConnection connection, string fingerprint, string path)
    {
        _connection = connection;
        Fingerprint = fingerprint;
        Path = path;
        _transaction = connection.BeginTransaction();
    }

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>Hash of the code and models the records were made with.</summary>
    public string Fingerprint { get; }

    /// <summary>Opens (or creates) a cache file.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="modelsDirectory">The models folder, part of the fingerprint.</param>
    /// <returns>The cache and, when an unusable file had to be replaced, why.</returns>
    /// <exception cref="BuildCacheRefusedException">
    /// The file is not empty and not a SQLite file (a faq.json or notes given as the cache, say), or it is a sound SQLite
    /// database that is no build cache (a review store given as the cache): it is left as it was.
    /// </exception>
    public static (BuildCache Cache, string? Replaced) Open(string path, string modelsDirectory)
    {
        RefuseIfNotSqlite(path);
        var fingerprint = FingerprintOf(modelsDirectory);
        try
        {
            return (OpenFile(path, fingerprint), null);
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException)
        {
            // A cache only ever saves time: one that cannot be used (damaged, not SQLite, another format) is moved aside,
            // with its journal, and started afresh.
            var aside = path + ".unusable";
            SqliteConnection.ClearAllPools();
            File.Move(path, aside, overwrite: true);
            foreach (var journal in new[] { "-wal", "-shm" })
            {
                if (File.Exists(path + journal))
                {
                    File.Move(path + journal, aside + journal, overwrite: true);
                }
            }

            return (OpenFile(path, fingerprint), $"{path} {Unusable(e)}: moved to {aside} and started afresh");
        }
    }

    /// <summary>
    /// Deletes a cache file and its journal files: a cache a run created and then had nothing to keep in (only
    /// unreadable input). The cache must be disposed.
    /// </summary>
    /// <param name="path">The cache file.</param>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    /// <summary>The key of a file's record: its path and bytes under this cache's fingerprint.</summary>
    /// <param name="relativePath">The file's path relative to the input root.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>A hex SHA-256.</returns>
    public string KeyOf(string relativePath, ReadOnlySpan<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Fingerprint + "\n" + relativePath + "\n"));
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Looks a record up.</summary>
    /// <typeparam name="T">The record type of the table.</typeparam>
    /// <param name="table">The kind of record.</param>
    /// <param name="key">Its key.</param>
    /// <returns>The record, or null.</returns>
    public T? Get<T>(BuildCacheTable table, string key)
        where T : class
    {
        byte[]? value;
        lock (_gate)
        {
            using var command = Command($"SELECT value FROM {Name(table)} WHERE key = $key");
            command.Parameters.AddWithValue("$key", key);
            value = command.ExecuteScalar() as byte[];
        }

        try
        {
            return value is null ? null : JsonSerializer.Deserialize<T>(value, Json);
        }
        catch (JsonException)
        {
            // An unreadable record is a miss; the fresh result overwrites it.
            return null;
        }
    }

    /// <summary>Stores a record (in the open transaction) and marks its key as used by this build.</summary>
    /// <typeparam name="T">The record type of the table.</typeparam>
    /// <param name="table">The kind of record.</param>
    /// <param name="key">Its key.</param>
    /// <param name="record">The record.</param>
    public void Put<T>(BuildCacheTable table, string key, T record)
        where T : class
    {
        var value = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        lock (_gate)
        {
            using var command = Command($"INSERT OR REPLACE INTO {Name(table)} (key, value) VALUES ($key, $value)");
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
            _used.Add(key);
        }
    }

    /// <summary>Marks a key as used by this build, so <see cref="Complete"/> keeps its records.</summary>
    /// <param name="key">The key.</param>
    public void Keep(string key)
    {
        lock (_gate)
        {
            _used.Add(key);
        }
    }

    /// <summary>Makes what was stored so far durable (the end of a pass).</summary>
    public void Commit()
    {
        lock (_gate)
        {
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = _connection.BeginTransaction();
        }
    }

    /// <summary>Ends a finished build: drops the records no file of it used, so the cache follows the input, and commits.</summary>
    /// <returns>How many records were dropped.</returns>
    public int Complete()
    {
        lock (_gate)
        {
            var dropped = 0;
            foreach (var table in Enum.GetValues<BuildCacheTable>())
            {
                var stale = new List<string>();
                using (var select = Command($"SELECT key FROM {Name(table)}"))
                using (var reader = select.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        var key = reader.GetString(0);
                        if (!_used.Contains(key))
                        {
                            stale.Add(key);
                        }
                    }
                }

                foreach (var key in stale)
                {
                    using var delete = Command($"DELETE FROM {Name(table)} WHERE key = $key");
                    delete.Parameters.AddWithValue("$key", key);
                    dropped += delete.ExecuteNonQuery();
                }
            }

            _transaction.Commit();
            _transaction.Dispose();
            _transaction = _connection.BeginTransaction();
            return dropped;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Whatever was not committed is rolled back: the cache stays as the last finished pass left it.
        _transaction.Dispose();
        _connection.Dispose();
    }

    /// <summary>
    /// Hash of what a file's records depend on besides the file: this build of the code (the module version id changes
    /// with every compiled change) and every file of the models folder (dictionary, stop words, models, thresholds).
    /// </summary>
    internal static string FingerprintOf(string modelsDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Format + "\n" + typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId + "\n"));
        if (Directory.Exists(modelsDirectory))
        {
            foreach (var file in Directory.GetFiles(modelsDirectory).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(System.IO.Path.GetFileName(file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Why a cache file cannot be used, in words: SQLite's own ("SQLite Error 26: 'file is not a database'.") names neither
    // the file nor what happened to it.
    private static string Unusable(Exception error)
    {
        // Ours are in words already: "damaged (…)", "a build cache of format …".
        if (error is not SqliteException sqlite)
        {
            return "is " + error.Message;
        }

        var text = sqlite.Message.TrimEnd('.');
        var quote = text.IndexOf('\'', StringComparison.Ordinal);
        var reason = quote >= 0 && text.EndsWith('\'') && text.Length > quote + 1 ? text[(quote + 1)..^1] : text;
        return sqlite.SqliteErrorCode switch
        {
            26 => "is damaged: it starts like a SQLite database, but SQLite cannot open it as one",
            11 => $"is damaged (SQLite: {reason})",
            _ => $"cannot be used (SQLite: {reason})",
        };
    }

    // Only a file that says it is SQLite can be a damaged cache to set aside; any other file is someone's work, which the
    // build must not move. An empty file is what a new SQLite database starts as.
    private static void RefuseIfNotSqlite(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        Span<byte> head = stackalloc byte[SqliteHeader.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read == 0 || head[..read].SequenceEqual(SqliteHeader))
        {
            return;
        }

        throw new BuildCacheRefusedException(
            $"{path} is not a SQLite file (it does not start with \"SQLite format 3\"): not used and left as it was; " +
            "give --cache a file of its own");
    }

    private static BuildCache OpenFile(string path, string fingerprint)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            // Before anything is written: a damaged file fails here and is set aside, another application's database
            // (or the review store) is refused and left as it was.
            Inspect(connection, path);
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            Execute(connection, "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;");
            foreach (var table in Enum.GetValues<BuildCacheTable>())
            {
                Execute(connection, $"CREATE TABLE IF NOT EXISTS {Name(table)} (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;");
            }

            using var format = connection.CreateCommand();
            format.CommandText = "SELECT value FROM meta WHERE name = 'format'";
            switch (format.ExecuteScalar())
            {
                case null:
                    Execute(connection, $"INSERT INTO meta (name, value) VALUES ('format', '{Format}');");
                    break;
                case string found when found != Format:
                    throw new InvalidDataException($"a build cache of format {found}, not {Format}");
            }

            return new BuildCache(connection, fingerprint, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // A cache is a new (empty) file or a database of its own tables only, sound throughout: SQLite reads pages lazily, so
    // a damaged page would otherwise surface in the middle of the build.
    private static void Inspect(SqliteConnection connection, string path)
    {
        var tables = CurationDatabase.Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;");
        var own = Enum.GetValues<BuildCacheTable>().Select(Name).Append("meta").ToHashSet(StringComparer.Ordinal);
        if (tables.Count > 0 && (!tables.Contains("meta") || tables.Any(table => !own.Contains(table))))
        {
            throw new BuildCacheRefusedException(
                $"{path} is a SQLite database but no build cache (it holds the tables {string.Join(", ", tables.Take(6))}{(tables.Count > 6 ? ", …" : string.Empty)}): " +
                "not used and left as it was; give --cache a file of its own");
        }

        var check = CurationDatabase.Strings(connection, "PRAGMA quick_check(1);");
        if (check is not ["ok"])
        {
            throw new InvalidDataException($"damaged ({string.Join("; ", check)})");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Name(BuildCacheTable table) => table switch
    {
        BuildCacheTable.Days => "days",
        BuildCacheTable.Exchanges => "exchanges",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
