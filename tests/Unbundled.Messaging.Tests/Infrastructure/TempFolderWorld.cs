using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Infrastructure;

/// <summary>The embedded transport in a fresh temp folder per test, deleted afterwards.</summary>
public sealed class TempFolderWorld : ITransportWorld
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "unbundled-unit-tests", Guid.NewGuid().ToString("N"));

    public Task Initialize()
    {
        Directory.CreateDirectory(Root);
        return Task.CompletedTask;
    }

    public TransportDefinition CreateTransport() => new FileSystemTransport(Root);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
