using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

/// <summary>The §6.2 round trip against a simulated ServiceControl: error, staging, retry, acknowledgement or repeated failure.</summary>
public abstract class When_ServiceControl_retries_a_failed_message<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_acknowledge_a_retry_that_succeeds_and_mark_its_audit_copy()
    {
        var serviceControl = await StartServiceControl();
        var audit = await SpyOn("audit");
        var endpoint = await StartReceiver();

        await endpoint.Send(new Fail("once", Times: 1), Local("failing-1"));
        var failed = await serviceControl.NextInError();
        await serviceControl.Retry(failed);

        var acknowledgement = await serviceControl.NextInError();
        Assert.Equal(SimulatedServiceControl.FailedMessageId(failed.Headers), acknowledgement.Headers["ServiceControl.Retry.UniqueMessageId"]);
        Assert.Equal("True", acknowledgement.Headers[Headers.ControlMessageHeader]);
        WireDate.ToUtcDateTimeOffset(acknowledgement.Headers["ServiceControl.Retry.Successful"]);
        Assert.True(acknowledgement.Body.IsEmpty);
        var copy = await audit.Next();
        Assert.Equal("failing-1", copy.Headers[Headers.MessageId]);
        Assert.Equal("true", copy.Headers["ServiceControl.Retry.AcknowledgementSent"]);
        Assert.False(copy.Headers.ContainsKey("ServiceControl.Retry.StagingId"));
        Assert.False(copy.Headers.ContainsKey(FaultsHeaderKeys.ExceptionType));
        Assert.Equal(new Fail("once", 1), (await Observations.Next()).Message);
    }

    [Fact]
    public async Task Should_return_a_retry_that_fails_again_to_error_under_the_same_failed_message_id()
    {
        var serviceControl = await StartServiceControl();
        var endpoint = await StartReceiver();

        await endpoint.Send(new Fail("twice", Times: 2), Local("failing-2"));
        var failed = await serviceControl.NextInError();
        await serviceControl.Retry(failed);

        var failedAgain = await serviceControl.NextInError();
        Assert.Equal("failing-2", failedAgain.Headers[Headers.MessageId]);
        Assert.Equal(SimulatedServiceControl.FailedMessageId(failed.Headers), SimulatedServiceControl.FailedMessageId(failedAgain.Headers));
        Assert.Equal("Attempt 2 of twice fails on purpose.", failedAgain.Headers[FaultsHeaderKeys.Message]);
        Assert.False(failedAgain.Headers.ContainsKey("ServiceControl.Retry.Successful"));
    }

    [Fact]
    public async Task Should_identify_the_instance_alike_in_heartbeats_and_failed_messages()
    {
        var serviceControl = await StartServiceControl();
        var endpoint = await StartEndpoint("Receiver", c =>
        {
            c.RegisterHandler<FailHandler>();
            c.SendHeartbeatTo(SimulatedServiceControl.MainQueue, frequency: TimeSpan.FromMilliseconds(200));
        });

        await endpoint.Send(new Fail("identified", Times: 1), Local("failing-3"));
        var failed = await serviceControl.NextInError();
        var startup = await serviceControl.NextReport();
        var heartbeat = await serviceControl.NextReport();

        Assert.Equal("ServiceControl.Plugin.Heartbeat.Messages.RegisterEndpointStartup", startup.Type);
        Assert.Equal("ServiceControl.Plugin.Heartbeat.Messages.EndpointHeartbeat", heartbeat.Type);
        var hostId = Guid.ParseExact(failed.Headers[Headers.HostId], "N");
        Assert.Equal(hostId, startup.Body.GetProperty("HostId").GetGuid());
        Assert.Equal(hostId, heartbeat.Body.GetProperty("HostId").GetGuid());
        Assert.Equal(failed.Headers[Headers.ProcessingEndpoint], startup.Body.GetProperty("Endpoint").GetString());
        Assert.Equal(failed.Headers[Headers.ProcessingEndpoint], heartbeat.Body.GetProperty("EndpointName").GetString());
        Assert.Equal(failed.Headers[Headers.HostDisplayName], heartbeat.Body.GetProperty("Host").GetString());
    }

    private Task<IEndpointInstance> StartReceiver() =>
        StartEndpoint("Receiver", c => c.RegisterHandler<FailHandler>().AuditProcessedMessagesTo("audit"));

    private static SendOptions Local(string messageId)
    {
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        options.SetMessageId(messageId);
        return options;
    }
}
