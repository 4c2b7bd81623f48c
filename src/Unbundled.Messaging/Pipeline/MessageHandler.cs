using Microsoft.Extensions.DependencyInjection;

namespace Unbundled.Messaging.Pipeline;

/// <summary>A handler type and the delegate that calls its <c>Handle</c> for one message type.</summary>
internal sealed class MessageHandler(Type handlerType, HandlerRegistry.HandlerInvoker invoke)
{
    // Compiled once: ActivatorUtilities.CreateInstance would reflect over the constructor for every message.
    private readonly ObjectFactory factory = ActivatorUtilities.CreateFactory(handlerType, Type.EmptyTypes);

    public Type HandlerType => handlerType;

    public HandlerRegistry.HandlerInvoker Invoke => invoke;

    /// <summary>The handler from DI when it is registered there, otherwise built with its dependencies from DI.</summary>
    public object Create(IServiceProvider scope) => scope.GetService(handlerType) ?? factory(scope, null);
}
