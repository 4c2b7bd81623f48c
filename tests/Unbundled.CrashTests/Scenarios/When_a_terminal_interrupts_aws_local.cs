using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.CrashTests.Infrastructure;
using Unbundled.Testing;
using Xunit;

namespace Unbundled.CrashTests.Scenarios;

/// <summary>Ctrl+C in the terminal that runs <c>--shell aws-local</c>: SIGINT to the whole foreground process group.</summary>
public sealed class When_a_terminal_interrupts_aws_local
{
    [Fact]
    public async Task Should_stop_the_endpoints_then_the_stand_ins_and_exit_0()
    {
        using var data = new DataFolder();
        await using var system = await AppHostProcess.Start("aws-local", data.Path);
        using var http = new HttpClient { BaseAddress = system.ApiAddress };
        Assert.NotNull((await new GraphQLClient(http).Invite($"ctrl-c-{Guid.NewGuid():N}@example.com")).InvitedId);
        var standIns = ChildProcess.Of(system.Id);
        Assert.Equal(2, standIns.Count);

        await Signal.InterruptGroup(system.Id);

        // Generous: the bound of a graceful stop is asserted elsewhere; here what matters is how it ends.
        var exitCode = await system.WaitForExit(TimeSpan.FromSeconds(90));
        Assert.True(exitCode == 0, $"Exit code {exitCode}:{Environment.NewLine}{system.Output}");
        Assert.DoesNotContain("Unhandled exception", system.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(system.Lines, line => line.Contains("Connection refused", StringComparison.Ordinal));
        Assert.True(await Eventually.Holds(() => standIns.All(standIn => !standIn.IsAlive), TimeSpan.FromSeconds(10)), "A stand-in outlived the AppHost.");
        Assert.All(standIns, standIn => Assert.NotEqual(system.Id, standIn.ProcessGroupId));
    }
}
