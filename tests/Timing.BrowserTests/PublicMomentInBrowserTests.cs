using Microsoft.Playwright;
using Timing.Tests;

namespace Timing.BrowserTests;

/// <summary>A stranger follows a link from a public feed in a real browser: no sign-in, Dutch first, English on request.</summary>
public class PublicMomentInBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task LinkFromThePublicFeed_OpensForAnyone_AndSwitchesToEnglish()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: run `apt-get install chromium` (bash .ci/prerequisites does this).");
        var port = TestPaths.FreePort();
        var address = $"http://127.0.0.1:{port}";
        await using var factory = new TimingFactory(settings: new() { ["Feeds:BaseUrl"] = address });
        factory.UseKestrel(port);
        factory.StartServer();
        using var http = new HttpClient();
        var ics = (await http.GetStringAsync(new Uri(address + "/feeds/GM0344.ics"))).Replace("\r\n ", "", StringComparison.Ordinal);
        var link = ics.Split("\r\n").First(l => l.StartsWith("URL:", StringComparison.Ordinal) && l.Contains("/coalition-agreement/2026", StringComparison.Ordinal))[4..];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        Assert.Equal(link, page.Url);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Coalitieakkoord", Level = 1 }).WaitForAsync();
        foreach (var heading in new[] { "Wie u benadert", "Waarom nu", "Wat neemt u mee", "Abonneren" })
        {
            Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = heading }).IsVisibleAsync(), heading);
        }
        Assert.True(await page.GetByText(address + "/feeds/GM0344.ics", new() { Exact = true }).IsVisibleAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Coalition agreement", Level = 1 }).WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Whom to approach" }).IsVisibleAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
