namespace Unbundled.Messaging.Topology;

/// <summary>The commands a handler sends, routed by the endpoint's routing; see <see cref="PublishesAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class SendsAttribute(Type commandType) : Attribute
{
    public Type CommandType { get; } = commandType;
}
