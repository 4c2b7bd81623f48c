using Microsoft.Data.Sqlite;
using Unbundled.Messaging;

namespace Unbundled.Persistence.Sqlite;

/// <summary>The connection and transaction of the message being processed, for the ports that write in it.</summary>
public sealed class SqliteStorageSession(SqliteConnection connection, SqliteTransaction transaction) : ISynchronizedStorageSession
{
    public SqliteConnection Connection => connection;

    public SqliteTransaction Transaction => transaction;

    /// <summary>The SQLite session behind a message's synchronized storage session.</summary>
    public static SqliteStorageSession From(ISynchronizedStorageSession session) =>
        session as SqliteStorageSession
        ?? throw new InvalidOperationException($"The storage session is a {session.GetType().Name}, not SQLite's: is the endpoint on the embedded shell?");

    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
