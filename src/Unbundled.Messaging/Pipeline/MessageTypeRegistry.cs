using System.Collections.Concurrent;

namespace Unbundled.Messaging.Pipeline;

/// <summary>
/// Maps message types to the <c>NServiceBus.EnclosedMessageTypes</c> header and back. Outgoing: assembly-qualified names,
/// the concrete type first, then its message-type parents (interfaces, then base classes). Incoming: the first name that
/// resolves, by assembly-qualified name and then by full name, so senders may keep their contracts in another assembly.
/// </summary>
internal sealed class MessageTypeRegistry(Conventions conventions)
{
    private readonly ConcurrentDictionary<string, Type> byFullName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> enclosedTypes = new();
    private readonly ConcurrentDictionary<string, Type?> resolved = new(StringComparer.Ordinal);

    public void Register(Type messageType)
    {
        foreach (var type in Hierarchy(messageType))
        {
            byFullName.TryAdd(type.FullName!, type);
        }
    }

    public string EnclosedMessageTypesOf(Type messageType) => enclosedTypes.GetOrAdd(messageType, type =>
    {
        Register(type);
        var parents = type.GetInterfaces().Where(conventions.IsMessageType)
            .Concat(BaseTypes(type).Where(conventions.IsMessageType));
        return string.Join(';', new[] { type }.Concat(parents).Distinct().Select(t => t.AssemblyQualifiedName));
    });

    /// <summary>The most concrete known type named in the header, or null when none of its names resolve.</summary>
    public Type? Resolve(string enclosedMessageTypes) => resolved.GetOrAdd(enclosedMessageTypes, header =>
        header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ResolveOne)
            .FirstOrDefault(type => type is not null));

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var current = type.BaseType; current is not null && current != typeof(object); current = current.BaseType)
        {
            yield return current;
        }
    }

    private static IEnumerable<Type> Hierarchy(Type type) => new[] { type }.Concat(BaseTypes(type)).Concat(type.GetInterfaces());

    private static string FullNameOf(string assemblyQualifiedName)
    {
        // Generic arguments are bracketed and contain commas of their own: cut at the first comma outside brackets.
        var depth = 0;
        for (var i = 0; i < assemblyQualifiedName.Length; i++)
        {
            switch (assemblyQualifiedName[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case ',' when depth == 0: return assemblyQualifiedName[..i].Trim();
            }
        }

        return assemblyQualifiedName.Trim();
    }

    private Type? ResolveOne(string name)
    {
        if (byFullName.TryGetValue(FullNameOf(name), out var known))
        {
            return known;
        }

        var type = Type.GetType(name, throwOnError: false);
        return type is not null && conventions.IsMessageType(type) ? type : null;
    }
}
