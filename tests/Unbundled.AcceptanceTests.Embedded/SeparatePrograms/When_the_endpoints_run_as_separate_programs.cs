using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Testing;
using Xunit;

namespace Unbundled.AcceptanceTests.Embedded.SeparatePrograms;

/// <summary>
/// The README's separate-process example exactly as written: three <c>dotnet run</c> commands in one folder, sharing
/// its <c>.unbundled/</c> (only the port is a free one). Each program once kept its data in its own project folder,
/// so the API's command reached no Customers endpoint and the mutation timed out.
/// </summary>
public sealed class When_the_endpoints_run_as_separate_programs : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "unbundled-readme", Guid.NewGuid().ToString("N"));
    private readonly List<EndpointProcess> programs = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Should_invite_a_customer_and_find_it_with_the_data_in_the_folder_they_run_from()
    {
        var api = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        programs.Add(await DotnetRun.Start(folder, "Unbundled.Customers.Host", "Endpoint Unbundled.Customers started"));
        programs.Add(await DotnetRun.Start(folder, "Unbundled.Projector.Host", "Endpoint Unbundled.Projector started"));
        programs.Add(await DotnetRun.Start(folder, "Unbundled.Api", "Now listening on", "--urls", api.ToString().TrimEnd('/')));
        using var http = new HttpClient { BaseAddress = api };
        var client = new GraphQLClient(http);

        var invited = await client.Invite("ada@readme.example");
        Assert.True(invited.InvitedId is not null, invited.Body.ToJsonString());
        var found = await client.Customer(invited.InvitedId);

        Assert.Equal("ada@readme.example", found.Field("Customer")?["email"]?.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(folder, ".unbundled", "unbundled.db")));
    }

    public async Task DisposeAsync()
    {
        foreach (var program in programs)
        {
            await program.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }
}
