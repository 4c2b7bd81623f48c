using Unbundled.Messaging.Embedded.Tests.HandOff.Commands;
using Unbundled.Messaging.TransportTests.Commands;

namespace Unbundled.Messaging.Embedded.Tests.HandOff;

public sealed class ForwardHandler : IHandleMessages<Forward>
{
    public Task Handle(Forward message, IMessageHandlerContext context) =>
        message.AlwaysFailing
            ? context.Send(new Fail(message.Text, Times: int.MaxValue))
            : context.Send(new DoSomethingSlowly(message.Text, message.Milliseconds));
}
