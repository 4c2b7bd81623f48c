using System.Text.Json;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_all_retries_fail<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_move_the_message_to_error_with_its_fault_headers()
    {
        var errors = await SpyOn("error");
        var endpoint = await StartEndpoint("Receiver", c =>
        {
            c.RegisterHandler<FailHandler>();
            c.Recoverability.Immediate(1).Delayed(1, TimeSpan.FromSeconds(1));
        });
        var options = new SendOptions();
        options.RouteToThisEndpoint();
        options.SetMessageId("doomed-message");

        await endpoint.Send(new Fail("always", Times: int.MaxValue), options);

        var failed = await errors.Next();
        Assert.Equal(4, Observations.AttemptsOf("always"));
        var headers = failed.Headers;
        Assert.Equal("doomed-message", headers[Headers.MessageId]);
        Assert.EndsWith("Receiver", headers[FaultsHeaderKeys.FailedQ]);
        Assert.Equal(typeof(InvalidOperationException).FullName, headers[FaultsHeaderKeys.ExceptionType]);
        Assert.Equal("Attempt 4 of always fails on purpose.", headers[FaultsHeaderKeys.Message]);
        Assert.Contains("FailHandler", headers[FaultsHeaderKeys.StackTrace]);
        Assert.Equal("4", headers[FaultsHeaderKeys.ExceptionDataPrefix + "Attempt"]);
        Assert.Equal("Receiver", headers[Headers.ProcessingEndpoint]);
        Assert.Equal(Environment.MachineName, headers[Headers.ProcessingMachine]);
        Assert.Matches("^[0-9a-f]{32}$", headers[Headers.HostId]);
        Assert.False(headers.ContainsKey(Headers.DelayedRetries));
        WireDate.ToUtcDateTimeOffset(headers[FaultsHeaderKeys.TimeOfFailure]);
        Assert.Equal(new Fail("always", int.MaxValue), JsonSerializer.Deserialize<Fail>(failed.Body.Span));
    }
}
