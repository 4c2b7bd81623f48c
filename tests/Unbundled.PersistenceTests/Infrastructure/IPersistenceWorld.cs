using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;
using Unbundled.Ports;
using Xunit;

namespace Unbundled.PersistenceTests.Infrastructure;

/// <summary>A fresh, installed store per test, and the ports as the shell would create them.</summary>
public interface IPersistenceWorld : IAsyncLifetime
{
    PersistenceDefinition Persistence { get; }

    /// <summary>The email-claims port as a handler gets it in the scope of a message with this storage session.</summary>
    IEmailClaims EmailClaims(ISynchronizedStorageSession session);

    ICustomerViews CustomerViews();

    /// <summary>Where the shell's endpoints record their last heartbeat and check results (docs/operations.md).</summary>
    Messaging.ServicePlatform.IEndpointStatusStore EndpointStatus();
}
