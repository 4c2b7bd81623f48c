using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Messaging.TransportTests.Messages;

namespace Unbundled.Messaging.TransportTests.Handlers;

public sealed class AskQuestionHandler(Observations observations, EndpointLabel endpoint) : IHandleMessages<AskQuestion>
{
    public async Task Handle(AskQuestion message, IMessageHandlerContext context)
    {
        observations.Record(message, context, endpoint);
        await Task.Delay(message.DelayMilliseconds, context.CancellationToken);
        object reply = message.ReplyWith switch
        {
            "int" => 42,
            "enum" => Verdict.Accepted,
            _ => new Answer($"Answer to {message.Text}"),
        };
        await context.Reply(reply);
    }
}
