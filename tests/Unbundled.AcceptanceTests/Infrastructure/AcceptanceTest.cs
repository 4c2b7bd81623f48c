using Xunit;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>The base of every acceptance scenario: one running system per scenario class, a GraphQL client to it.</summary>
public abstract class AcceptanceTest<TSystem>(TSystem system) : IClassFixture<TSystem>
    where TSystem : class, ISystemUnderTest
{
    protected TSystem System => system;

    protected GraphQLClient Api { get; } = new(new HttpClient { BaseAddress = system.ApiAddress, Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>An email nobody has used, so scenarios sharing a system never collide.</summary>
    protected static string UniqueEmail(string domain = "example.com") => $"user-{Guid.NewGuid():N}@{domain}";
}
