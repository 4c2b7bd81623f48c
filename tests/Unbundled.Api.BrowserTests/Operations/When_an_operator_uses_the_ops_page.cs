using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Unbundled.Api.BrowserTests.Infrastructure;
using Unbundled.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Unbundled.Api.BrowserTests.Operations;

public sealed class When_an_operator_uses_the_ops_page(OperatedSystem system, ITestOutputHelper output) : IClassFixture<OperatedSystem>
{
    private const float Patience = 30_000;

    [Fact]
    public async Task Should_show_the_failed_invite_and_the_endpoints_and_retry_it_with_its_button()
    {
        // The first look-up of this email fails (the shell's fault injection) and, with no retries, the command lands in error.
        var email = $"ada-{Guid.NewGuid():N}@{OperatedSystem.FailOnceDomain}";
        Assert.Equal("TIMEOUT", await Invite(email));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.Launch(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        var traffic = PageTraffic.Watch(page, system.BaseAddress, output);

        await page.GotoAsync(system.BaseAddress.ToString());
        await page.Locator("#ops-link").ClickAsync();
        await page.WaitForURLAsync("**/ops");
        var row = page.Locator("#failed-messages tr[data-failed-id]").Filter(new() { HasText = "Injected failure" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Unbundled.Domain.Commands.InviteCustomer");
        await Expect(row).ToContainTextAsync(EndpointNames.Customers);
        foreach (var endpoint in new[] { EndpointNames.Api, EndpointNames.Customers, EndpointNames.Projector })
        {
            var status = page.Locator($"#endpoints tr[data-endpoint='{endpoint}']");
            await Expect(status.Locator(".heartbeat")).ToContainTextAsync(" ago");
            await Expect(status.Locator("li.check").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#queues tr[data-queue='error']")).ToContainTextAsync("1");
        var failedId = await row.GetAttributeAsync("data-failed-id");
        await row.Locator("button.retry").ClickAsync();

        await Expect(page.Locator("#retried")).ToContainTextAsync("Retried 1");
        Assert.Equal("CUSTOMER_ALREADY_INVITED", await Invite(email));
        await page.ReloadAsync();
        await Expect(page.Locator($"tr[data-failed-id='{failedId}']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "ops-retried.png"), FullPage = true });
        Assert.Empty(traffic.Elsewhere);
        Assert.Empty(traffic.Failed);
    }

    [Fact]
    public async Task Should_refuse_a_retry_without_the_page_s_antiforgery_token()
    {
        using var form = new FormUrlEncodedContent([new("id", Guid.NewGuid().ToString())]);

        using var response = await system.Http.PostAsync("/ops/retry", form);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<string?> Invite(string email)
    {
        using var response = await system.Http.PostAsJsonAsync("/graphql", new { query = $"mutation {{ InviteCustomer(email: \"{email}\") {{ id }} }}" });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
    }
}
