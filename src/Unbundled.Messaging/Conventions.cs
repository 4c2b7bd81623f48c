using System.Collections.Concurrent;

namespace Unbundled.Messaging;

/// <summary>
/// Says which types are commands, events and other messages without marker interfaces, so message contracts can live in
/// an assembly that references nothing. By default a type is a command when its namespace ends in <c>Commands</c>, an event
/// when it ends in <c>Events</c>, and a message when it ends in <c>Messages</c>.
/// </summary>
public sealed class Conventions
{
    private readonly ConcurrentDictionary<Type, MessageKind> kinds = new();
    private Func<Type, bool> isCommand = type => NamespaceEndsWith(type, "Commands");
    private Func<Type, bool> isEvent = type => NamespaceEndsWith(type, "Events");
    private Func<Type, bool> isMessage = type => NamespaceEndsWith(type, "Messages");

    private enum MessageKind
    {
        None,
        Command,
        Event,
        Message,
    }

    public Conventions DefiningCommandsAs(Func<Type, bool> definesCommand) => Set(ref isCommand, definesCommand);

    public Conventions DefiningEventsAs(Func<Type, bool> definesEvent) => Set(ref isEvent, definesEvent);

    public Conventions DefiningMessagesAs(Func<Type, bool> definesMessage) => Set(ref isMessage, definesMessage);

    public bool IsCommandType(Type type) => KindOf(type) == MessageKind.Command;

    public bool IsEventType(Type type) => KindOf(type) == MessageKind.Event;

    /// <summary>True for commands, events and plain messages (replies).</summary>
    public bool IsMessageType(Type type) => KindOf(type) != MessageKind.None;

    private static bool NamespaceEndsWith(Type type, string suffix) => type.Namespace?.EndsWith(suffix, StringComparison.Ordinal) == true;

    private Conventions Set(ref Func<Type, bool> convention, Func<Type, bool> value)
    {
        convention = value;
        kinds.Clear();
        return this;
    }

    private MessageKind KindOf(Type type) => kinds.GetOrAdd(type, t =>
        t.IsPrimitive || t == typeof(string) || t.IsEnum ? MessageKind.None
        : isCommand(t) ? MessageKind.Command
        : isEvent(t) ? MessageKind.Event
        : isMessage(t) ? MessageKind.Message
        : MessageKind.None);
}
