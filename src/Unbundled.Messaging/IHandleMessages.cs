namespace Unbundled.Messaging;

/// <summary>Handles messages of type <typeparamref name="T"/> (and of types derived from it).</summary>
public interface IHandleMessages<in T>
{
    Task Handle(T message, IMessageHandlerContext context);
}
