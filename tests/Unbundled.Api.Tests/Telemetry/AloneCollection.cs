namespace Unbundled.Api.Tests.Telemetry;

/// <summary>
/// Tests that read a mutation's timeline run after the others, not beside them: the timeline is logged when the HTTP
/// request's span ends, and the Customers handler's span ends only after its reply has been handed over in memory, so
/// with the other classes' systems loading the same cores the handler's stages were sometimes not in it yet.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
