using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Messaging.TransportTests.Messages;

namespace Unbundled.Messaging.Tests.Audit;

/// <summary>
/// As in NServiceBus (docs/servicecontrol.md): a control message and a reply that completes a request run no handler, yet
/// their processing succeeded, so both are audited.
/// </summary>
public class When_auditing_what_needs_no_handler : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_audit_the_reply_that_completed_a_request()
    {
        var audit = await SpyOn("audit");
        var requester = await StartRequester();

        Assert.Equal(new Answer("Answer to why"), await requester.Request<Answer>(new AskQuestion("why")));

        var copy = await audit.Next();
        Assert.Equal("Reply", copy.Headers[Headers.MessageIntent]);
        Assert.Equal(typeof(Answer).AssemblyQualifiedName, copy.Headers[Headers.EnclosedMessageTypes]);
        Assert.Equal("Requester", copy.Headers[Headers.ProcessingEndpoint]);
    }

    [Fact]
    public async Task Should_audit_the_int_reply_that_travels_as_a_control_message()
    {
        var audit = await SpyOn("audit");
        var requester = await StartRequester();

        Assert.Equal(42, await requester.Request<int>(new AskQuestion("number", ReplyWith: "int")));

        var copy = await audit.Next();
        Assert.Equal("42", copy.Headers[Headers.ReturnMessageErrorCodeHeader]);
        Assert.Equal("True", copy.Headers[Headers.ControlMessageHeader]);
        Assert.Equal("Requester", copy.Headers[Headers.ProcessingEndpoint]);
    }

    [Fact]
    public async Task Should_audit_a_control_message()
    {
        var audit = await SpyOn("audit");
        await StartEndpoint("Sales", c => c.AuditProcessedMessagesTo("audit"));

        await DispatchRaw("Sales", new Dictionary<string, string> { [Headers.MessageId] = "control-1", [Headers.ControlMessageHeader] = "True" }, []);

        var copy = await audit.Next();
        Assert.Equal("control-1", copy.Headers[Headers.MessageId]);
        Assert.Equal("Sales", copy.Headers[Headers.ProcessingEndpoint]);
        Assert.True(copy.Body.IsEmpty);
    }

    private async Task<IEndpointInstance> StartRequester()
    {
        await StartEndpoint("Responder", c => c.RegisterHandler<AskQuestionHandler>().EnableCallbacks(makesRequests: false));
        return await StartEndpoint("Requester", c => c
            .MakeInstanceUniquelyAddressable("instance-1")
            .EnableCallbacks()
            .AuditProcessedMessagesTo("audit")
            .Routing.RouteToEndpoint(typeof(AskQuestion), "Responder"));
    }
}
