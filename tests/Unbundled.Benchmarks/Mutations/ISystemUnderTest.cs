namespace Unbundled.Benchmarks.Mutations;

/// <summary>A running system with the API's GraphQL front: reachable over HTTP, or in process through the API's services.</summary>
internal interface ISystemUnderTest : IAsyncDisposable
{
    string Name { get; }

    Uri BaseAddress { get; }

    IServiceProvider ApiServices { get; }
}
