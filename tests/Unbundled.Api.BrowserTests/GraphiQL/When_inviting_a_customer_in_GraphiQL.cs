using Microsoft.Playwright;
using Unbundled.Api.BrowserTests.Infrastructure;
using Unbundled.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Unbundled.Api.BrowserTests.GraphiQL;

public sealed class When_inviting_a_customer_in_GraphiQL(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    // The invite crosses the Customers and Projector endpoints; a busy 2-core machine can take a while.
    private const float Patience = 30_000;

    [Fact]
    public async Task The_result_pane_shows_the_invited_customer()
    {
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.Launch(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Patience);
        var traffic = PageTraffic.Watch(page, system.BaseAddress, output);

        await page.GotoAsync(system.BaseAddress.ToString());
        var editor = page.Locator(".graphiql-query-editor .CodeMirror");
        await editor.WaitForAsync();
        // GraphiQL 3 edits with CodeMirror 5, whose editor object hangs off its root element.
        await editor.EvaluateAsync(
            "(element, query) => element.CodeMirror.setValue(query)",
            $$"""
            mutation {
              InviteCustomer(email: "{{email}}") {
                id
                email
                invited
              }
            }
            """);
        await page.Locator(".graphiql-execute-button").ClickAsync();

        var result = page.Locator(".result-window");
        await Expect(result).ToContainTextAsync("\"invited\": true", new() { Timeout = Patience });
        await Expect(result).ToContainTextAsync($"\"email\": \"{email}\"");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath(), FullPage = true });
        Assert.Empty(traffic.Elsewhere);
        Assert.Empty(traffic.Failed);
    }

    private string ScreenshotPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "graphiql-invite.png");
        output.WriteLine($"Screenshot: {path}");
        return path;
    }
}
