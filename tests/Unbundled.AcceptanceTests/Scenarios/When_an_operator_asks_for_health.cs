using Unbundled.AcceptanceTests.Infrastructure;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

/// <summary>
/// <c>/health</c> answers from the same custom checks ServiceControl is sent (README "Operations"): healthy on a fresh
/// system, degraded, still serving, once a failed message waits in <c>error</c>.
/// </summary>
public abstract class When_an_operator_asks_for_health<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Fact]
    public async Task Should_be_healthy_then_degraded_while_a_failed_message_waits_in_error()
    {
        using var http = new HttpClient { BaseAddress = System.ApiAddress };
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));

        await UnprocessableCommand.SendToCustomers(System.CreateTransport());

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string health;
        while ((health = await http.GetStringAsync("/health", deadline.Token)) == "Healthy")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }

        Assert.Equal("Degraded", health);
    }
}
