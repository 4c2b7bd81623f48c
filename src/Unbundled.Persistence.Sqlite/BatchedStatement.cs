namespace Unbundled.Persistence.Sqlite;

/// <summary>One statement of a shared write batch (see <see cref="BatchedWrites"/>), with its parameters' values.</summary>
internal sealed record BatchedStatement(string Sql, params (string Name, object? Value)[] Parameters);
