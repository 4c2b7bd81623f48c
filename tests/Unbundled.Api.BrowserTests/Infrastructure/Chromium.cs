using Microsoft.Playwright;

namespace Unbundled.Api.BrowserTests.Infrastructure;

/// <summary>
/// The machine's Chromium (Debian's package), headless. Playwright only drives it: nothing is downloaded, so a machine
/// without Chromium fails the test with the command that installs it.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> Launch(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive the machine's Chromium at {ExecutablePath}, which is missing: apt-get update && apt-get install -y chromium");
        }

        // Playwright adds --headless and --no-sandbox and gives the browser a fresh profile folder of its own.
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
