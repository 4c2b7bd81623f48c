using Unbundled.Messaging.Transport;
using Xunit;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>
/// The whole system on one shell, started once per scenario class on fresh data, with the fault-injection switch
/// <c>Unbundled:FailOnceDomain</c> set to <see cref="FailOnceDomain"/>.
/// </summary>
public interface ISystemUnderTest : IAsyncLifetime
{
    const string FailOnceDomain = "fail-once.test";

    /// <summary>The API's base address.</summary>
    Uri ApiAddress { get; }

    /// <summary>Stops every endpoint and starts them again on the same data.</summary>
    Task Restart();

    /// <summary>A transport on the system's queues, to dispatch raw messages and watch the error queue.</summary>
    TransportDefinition CreateTransport();
}
