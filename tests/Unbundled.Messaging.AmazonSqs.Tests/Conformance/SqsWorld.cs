using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Testing.Aws;

namespace Unbundled.Messaging.AmazonSqs.Tests.Conformance;

/// <summary>A unique queue and topic prefix per test on the shared local SQS/SNS stand-in.</summary>
public sealed class SqsWorld : ITransportWorld
{
    private AwsEmulators? emulators;

    public string Prefix { get; } = NamePrefix.Create();

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public async Task Initialize() => emulators = await AwsEmulators.Shared();

    public TransportDefinition CreateTransport() => emulators!.CreateTransport(Prefix, Time);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
