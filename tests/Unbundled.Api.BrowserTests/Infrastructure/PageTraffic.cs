using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Unbundled.Api.BrowserTests.Infrastructure;

/// <summary>What a page asked of anyone but the site under test, which of its requests failed, and what it logged.</summary>
public sealed class PageTraffic
{
    private PageTraffic()
    {
    }

    public List<string> Elsewhere { get; } = [];

    public List<string> Failed { get; } = [];

    public static PageTraffic Watch(IPage page, Uri site, ITestOutputHelper output)
    {
        var traffic = new PageTraffic();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.ToString(), StringComparison.Ordinal))
            {
                traffic.Elsewhere.Add(request.Url);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                traffic.Failed.Add($"{response.Status} {response.Url}");
            }
        };
        page.Console += (_, message) => output.WriteLine($"browser console {message.Type}: {message.Text}");
        page.PageError += (_, error) => output.WriteLine($"browser page error: {error}");
        return traffic;
    }
}
