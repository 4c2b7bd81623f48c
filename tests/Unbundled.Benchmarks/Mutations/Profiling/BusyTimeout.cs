using Microsoft.Data.Sqlite;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>
/// An experiment that needs no change to the system: Microsoft.Data.Sqlite pools connections per connection string and a
/// pooled connection keeps its pragmas, so filling the pool with connections that have SQLite's own busy handler on
/// (<c>PRAGMA busy_timeout</c>) shows what setting it in <c>SqliteDatabase.Open</c> would do. Without it, a writer that finds
/// the database locked gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries after sleeping 150 ms.
/// </summary>
internal static class BusyTimeout
{
    public const int Milliseconds = 5_000;

    public static async Task Prime(string connectionString, int connections = 64)
    {
        var opened = new List<SqliteConnection>();
        for (var i = 0; i < connections; i++)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
            await command.ExecuteNonQueryAsync();
            opened.Add(connection);
        }

        foreach (var connection in opened)
        {
            await connection.DisposeAsync();
        }

        await using var check = new SqliteConnection(connectionString);
        await check.OpenAsync();
        await using var read = check.CreateCommand();
        read.CommandText = "PRAGMA busy_timeout;";
        if (Convert.ToInt32(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) != Milliseconds)
        {
            throw new InvalidOperationException("The pooled connection did not keep its busy_timeout: the experiment would measure nothing.");
        }
    }
}
