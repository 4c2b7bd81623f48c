using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Embedded.Tests;

/// <summary>A fresh queue root in the temp folder per test, deleted afterwards.</summary>
public sealed class EmbeddedWorld : ITransportWorld
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "unbundled-tests", Guid.NewGuid().ToString("N"));

    public Task Initialize()
    {
        Directory.CreateDirectory(Root);
        return Task.CompletedTask;
    }

    /// <summary>The transports' clock; a test of a grace period sets a fake one.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public TransportDefinition CreateTransport() => new FileSystemTransport(Root) { TimeProvider = Time };

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
