using System.Collections.Concurrent;
using System.Reflection;

namespace Unbundled.Messaging.Pipeline;

/// <summary>Finds the handlers of a message type and calls them through compiled delegates (no reflection per message).</summary>
internal sealed class HandlerRegistry
{
    private readonly List<(Type MessageType, MessageHandler Handler)> handlers = [];
    private readonly ConcurrentDictionary<Type, MessageHandler[]> byMessageType = new();

    public HandlerRegistry(IEnumerable<Type> handlerTypes)
    {
        foreach (var handlerType in handlerTypes)
        {
            foreach (var messageType in HandledMessageTypes(handlerType))
            {
                var invoke = InvokeMethod.MakeGenericMethod(messageType).CreateDelegate<HandlerInvoker>();
                handlers.Add((messageType, new MessageHandler(handlerType, invoke)));
            }
        }
    }

    public delegate Task HandlerInvoker(object handler, object message, IMessageHandlerContext context);

    public IEnumerable<Type> MessageTypes => handlers.Select(h => h.MessageType).Distinct();

    private static MethodInfo InvokeMethod { get; } =
        typeof(HandlerRegistry).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static bool IsHandler(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && HandledMessageTypes(type).Any();

    /// <summary>The handlers for <paramref name="messageType"/>, including handlers of its base types and interfaces.</summary>
    public IReadOnlyList<MessageHandler> HandlersFor(Type messageType) => byMessageType.GetOrAdd(messageType, type =>
        [.. handlers
            .Where(h => h.MessageType.IsAssignableFrom(type))
            .Select(h => h.Handler)]);

    private static IEnumerable<Type> HandledMessageTypes(Type handlerType) => handlerType.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHandleMessages<>))
        .Select(i => i.GetGenericArguments()[0]);

    private static Task Invoke<TMessage>(object handler, object message, IMessageHandlerContext context) =>
        ((IHandleMessages<TMessage>)handler).Handle((TMessage)message, context);
}
