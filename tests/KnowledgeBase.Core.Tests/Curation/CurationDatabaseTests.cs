using KnowledgeBase.Core.Curation;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Core.Tests.Curation;

public sealed class CurationDatabaseTests
{
    private const string Insert = "INSERT INTO t (id, note) VALUES ($id, $note); UPDATE t SET seen = seen + 1 WHERE id = $id;";

    [Fact]
    public void A_statement_run_again_in_a_transaction_binds_each_runs_values()
    {
        using var connection = Open();
        using (var transaction = connection.BeginTransaction())
        {
            CurationDatabase.Execute(connection, transaction, Insert, ("$id", 1), ("$note", "备付金"));
            CurationDatabase.Execute(connection, transaction, Insert, ("$id", 2), ("$note", null));
            CurationDatabase.Execute(connection, transaction, Insert, ("$id", 3), ("$note", 42));
            transaction.Commit();
        }

        // A new transaction prepares the statement again: the commands of the committed one are not reused.
        using (var transaction = connection.BeginTransaction())
        {
            CurationDatabase.Execute(connection, transaction, Insert, ("$id", 4), ("$note", "垫资"));
            transaction.Commit();
        }

        Assert.Equal(["1|备付金|1", "2|null|1", "3|42|1", "4|垫资|1"], Rows(connection));
    }

    [Fact]
    public void A_rolled_back_transaction_keeps_none_of_its_runs()
    {
        using var connection = Open();
        using (var transaction = connection.BeginTransaction())
        {
            CurationDatabase.Execute(connection, transaction, Insert, ("$id", 1), ("$note", "a"));
            CurationDatabase.Execute(connection, transaction, Insert, ("$id", 2), ("$note", "b"));
            transaction.Rollback();
        }

        using (var transaction = connection.BeginTransaction())
        {
            CurationDatabase.Execute(connection, transaction, Insert, ("$id", 3), ("$note", "c"));
            transaction.Commit();
        }

        Assert.Equal(["3|c|1"], Rows(connection));
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        CurationDatabase.Execute(connection, null, "CREATE TABLE t (id INTEGER PRIMARY KEY, note, seen INTEGER NOT NULL DEFAULT 0);");
        return connection;
    }

    private static List<string> Rows(SqliteConnection connection)
    {
        using var command = CurationDatabase.Command(connection, null, "SELECT id, note, seen FROM t ORDER BY id;");
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetInt64(0)}|{(reader.IsDBNull(1) ? "null" : reader.GetValue(1))}|{reader.GetInt64(2)}");
        }

        return rows;
    }
}
