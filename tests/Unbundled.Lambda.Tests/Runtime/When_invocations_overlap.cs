using System.Text.Json;
using Xunit;

namespace Unbundled.Lambda.Tests.Runtime;

public sealed class When_invocations_overlap
{
    [Fact]
    public async Task Should_run_one_invocation_at_a_time_per_environment()
    {
        await using var function = TestFunctions.With("echo", environments: 2);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => function.Invoke(TestFunctions.Payload($$"""{"n":{{n}}}"""))));

        var processes = results.Select(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("processId").GetInt32()).Distinct().ToList();
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.InRange(processes.Count, 1, 2);
        Assert.InRange(function.Environments, 1, 2);
        Assert.Equal(Enumerable.Range(0, 8), results.Select(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("payload").GetProperty("n").GetInt32()).Order());
    }
}
