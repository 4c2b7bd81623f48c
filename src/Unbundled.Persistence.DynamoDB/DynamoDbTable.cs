using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Persistence.DynamoDB.Batching;
using Unbundled.Persistence.DynamoDB.Configuration;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// The one table holding outbox records, email claims and customer views, and the client that reaches it. Shared by
/// every endpoint of a process and by the ports, as <c>SqliteDatabase</c> is on the embedded shell.
/// </summary>
public sealed class DynamoDbTable
{
    public const string DefaultName = "Unbundled";

    private readonly TableInstaller installer;

    /// <param name="client">Any DynamoDB client; tests pass one pointed at an emulator.</param>
    /// <param name="namePrefix">Put in front of <paramref name="name"/>, to keep environments (or tests) apart in one account.</param>
    public DynamoDbTable(IAmazonDynamoDB client, string name = DefaultName, string namePrefix = "", ILogger? logger = null)
    {
        Client = client;
        Name = namePrefix + name;
        if (Name.Length is < 3 or > 255 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException($"'{Name}' is not a DynamoDB table name: 3 to 255 letters, digits, '_', '-' or '.'.", nameof(name));
        }

        installer = new TableInstaller(this, logger ?? NullLogger.Instance);
        Reads = new ItemReads(client, Name);
        Puts = new ItemPuts(client, Name);
    }

    public IAmazonDynamoDB Client { get; }

    public string Name { get; }

    /// <summary>The clock of the outbox's dispatch markers and their expiry.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal ItemReads Reads { get; }

    internal ItemPuts Puts { get; }

    /// <summary>A table reached with the SDK's default credentials and region and the standard endpoint variables.</summary>
    public static DynamoDbTable FromEnvironment(string name = DefaultName, string namePrefix = "", ILogger? logger = null) =>
        new(DynamoDbClientFactory.FromEnvironment(), name, namePrefix, logger);

    /// <summary>A strongly consistent read of one item, or null; reads made at the same moment share one request.</summary>
    internal Task<Dictionary<string, AttributeValue>?> Read(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken) =>
        Reads.Get(key, cancellationToken);

    /// <summary>An unconditional put; puts made at the same moment share one request.</summary>
    internal Task Overwrite(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken) => Puts.Put(item, cancellationToken);

    /// <summary>Creates the table and turns on TTL; safe to run again, and from several processes at once.</summary>
    public Task Install(CancellationToken cancellationToken = default) => installer.Install(cancellationToken);
}
