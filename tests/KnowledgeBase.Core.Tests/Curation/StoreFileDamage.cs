using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Core.Tests.Curation;

/// <summary>Damages a review store's file behind its back, as a failing disk or another program would.</summary>
internal static class StoreFileDamage
{
    /// <summary>
    /// Overwrites the root page of <paramref name="table"/> with garbage. The write-ahead log is checkpointed into the file
    /// first, so the page damaged is the one every later reader sees; the other pages stay sound.
    /// </summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="table">The table whose root page is overwritten.</param>
    public static void OverwriteRootPage(string path, string table)
    {
        long page, pageSize;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT rootpage FROM sqlite_master WHERE name = $table;";
            command.Parameters.AddWithValue("$table", table);
            page = (long)command.ExecuteScalar()!;
            command.CommandText = "PRAGMA page_size;";
            pageSize = (long)command.ExecuteScalar()!;
        }

        SqliteConnection.ClearAllPools();
        using var file = File.Open(path, FileMode.Open);
        file.Position = (page - 1) * pageSize;
        file.Write(Enumerable.Repeat((byte)0xEE, (int)pageSize).ToArray());
    }
}
