using System.Reflection;

namespace Unbundled.Messaging.Topology;

/// <summary>
/// What an endpoint sends, publishes and replies: its own declarations (for messages sent outside handlers) and those of
/// its handlers' <see cref="SendsAttribute"/>, <see cref="PublishesAttribute"/> and <see cref="RepliesWithAttribute"/>.
/// </summary>
public sealed record DeclaredMessages(IReadOnlySet<Type> Sends, IReadOnlySet<Type> Publishes, IReadOnlySet<Type> Replies)
{
    public static DeclaredMessages Of(EndpointConfiguration configuration)
    {
        var handlers = configuration.HandlerTypes;
        return new DeclaredMessages(
            Union(configuration.DeclaredSends, handlers.SelectMany(h => h.GetCustomAttributes<SendsAttribute>()).Select(a => a.CommandType)),
            Union(configuration.DeclaredPublishes, handlers.SelectMany(h => h.GetCustomAttributes<PublishesAttribute>()).Select(a => a.EventType)),
            Union([], handlers.SelectMany(h => h.GetCustomAttributes<RepliesWithAttribute>()).Select(a => a.MessageType)));
    }

    /// <summary>True when <paramref name="messageType"/> is one of <paramref name="declared"/> or derives from one.</summary>
    public static bool Covers(IReadOnlySet<Type> declared, Type messageType) => declared.Any(type => type.IsAssignableFrom(messageType));

    private static HashSet<Type> Union(IEnumerable<Type> first, IEnumerable<Type> second) => [.. first.Concat(second)];
}
