using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.CrashTests.Infrastructure;
using Unbundled.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Unbundled.CrashTests.Scenarios;

/// <summary>
/// The AppHost under concurrent invites, killed with SIGKILL at several points and restarted on the same data each time:
/// no acknowledged customer may be lost and no email may get two ids.
/// </summary>
public abstract class When_the_system_is_killed_under_load(string shell, ITestOutputHelper output)
{
    private const int Concurrency = 16;
    private const int MaxAttemptsPerRound = 600;

    private static readonly (string Name, Func<InviteLedger, Random, Task> Moment)[] KillPoints =
    [
        ("while the first invites are in flight", (ledger, _) =>
        {
            var sent = ledger.Attempted.Count + Concurrency;
            return Eventually.Holds(() => ledger.Attempted.Count >= sent, TimeSpan.FromSeconds(30));
        }),
        ("after the first acknowledged invite", (ledger, _) => ledger.WhenAcknowledged(ledger.Acknowledged.Count + 1)),
        ("after 150 more acknowledged invites, with requests in flight", (ledger, _) => ledger.WhenAcknowledged(ledger.Acknowledged.Count + 150)),
        ("at a random moment under load", (_, random) => Task.Delay(random.Next(100, 1500))),
    ];

    [Fact]
    public async Task Should_lose_no_acknowledged_customer_and_give_no_email_two_ids()
    {
        using var data = new DataFolder();
        var ledger = new InviteLedger();
        var seed = Environment.TickCount;
        output.WriteLine($"{shell}: random seed {seed}");
        var random = new Random(seed);
        var system = await AppHostProcess.Start(shell, data.Path);
        try
        {
            foreach (var (killPoint, moment) in KillPoints)
            {
                var (acknowledgedBefore, attemptedBefore) = (ledger.Acknowledged.Count, ledger.Attempted.Count);
                await KillUnderLoad(system, ledger, moment(ledger, random));
                await system.DisposeAsync();
                system = await AppHostProcess.Start(shell, data.Path);

                var check = await CrashCheck.Run(system.ApiAddress, ledger);
                output.WriteLine(
                    $"{shell}, killed {killPoint}: {check.Acknowledged - acknowledgedBefore} acknowledged of {check.Attempted - attemptedBefore} " +
                    $"attempted in this round; in all {check}");
                Assert.Empty(check.Lost);
                Assert.Empty(check.Duplicated);
            }
        }
        finally
        {
            await system.DisposeAsync();
        }
    }

    private static async Task KillUnderLoad(AppHostProcess system, InviteLedger ledger, Task moment)
    {
        var standIns = ChildProcess.Of(system.Id);
        using var stop = new CancellationTokenSource();
        var load = InviteLoad.Run(system.ApiAddress, ledger, Concurrency, MaxAttemptsPerRound, stop.Token);
        await Task.WhenAny(moment, load);
        await Signal.KillNow(system.Id);
        // The requests in flight stay in flight, cut off by the kill; no new ones go to a system that is gone.
        await stop.CancelAsync();
        Assert.Equal(137, await system.WaitForExit(TimeSpan.FromSeconds(30)));
        await load;

        // Nothing told the stand-ins: they must notice that their parent is gone, and go too.
        Assert.True(await Eventually.Holds(() => standIns.All(standIn => !standIn.IsAlive), TimeSpan.FromSeconds(10)), "A stand-in outlived the killed AppHost.");
    }
}

public sealed class When_the_embedded_shell_is_killed_under_load(ITestOutputHelper output) : When_the_system_is_killed_under_load("embedded", output);

public sealed class When_aws_local_is_killed_under_load(ITestOutputHelper output) : When_the_system_is_killed_under_load("aws-local", output);
