namespace Unbundled.Contracts;

/// <summary>The logical endpoints of the system; their queues carry these names on every shell.</summary>
public static class EndpointNames
{
    public const string Api = "Unbundled.Api";
    public const string Customers = "Unbundled.Customers";
    public const string Projector = "Unbundled.Projector";
}
