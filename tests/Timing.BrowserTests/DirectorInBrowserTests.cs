using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timing.Tests;
using Timing.Tests.Web;

namespace Timing.BrowserTests;

/// <summary>A director in a real browser: sign in through the mailed link, add Utrecht, enter a real date, see feeds follow.</summary>
public partial class DirectorInBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Director_SignsIn_ConfiguresUtrecht_AndThePersonalFeedMoves()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: run `apt-get install chromium` (bash .ci/prerequisites does this).");
        var port = TestPaths.FreePort();
        var address = $"http://127.0.0.1:{port}";
        await using var factory = new TimingFactory(settings: new() { ["Feeds:BaseUrl"] = address });
        factory.UseKestrel(port);
        factory.StartServer();
        await factory.CreateDirectorAsync("directeur@welzijn.nl", "Welzijn Utrecht");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        // The pages run under a Content-Security-Policy without inline script: nothing may be refused.
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        // Sign in: ask for a link, read it from the pickup folder, confirm.
        await page.GotoAsync(address + "/gemeenten/toevoegen");
        Assert.EndsWith("/aanmelden?ReturnUrl=%2Fgemeenten%2Ftoevoegen", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("E-mailadres").FillAsync("directeur@welzijn.nl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een aanmeldlink" }).ClickAsync();
        await page.GetByText("Als dit adres bij ons bekend is").WaitForAsync();
        var link = SignInLink().Match((await Browserless.WaitForMailsAsync(() => Browserless.Mails(factory), 1)).Single().TextBody!).Value;
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        // The return address survived the e-mail sign-in: back on the page that asked for it.
        await page.WaitForURLAsync(address + "/gemeenten/toevoegen");

        // Add Utrecht through the search, using the keyboard where a user would.
        await page.GetByLabel("Zoek op naam of code").FillAsync("Utrecht");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Utrecht (GM0344)" }).GetByRole(AriaRole.Button, new() { Name = "Volgen" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Utrecht" }).WaitForAsync();
        Assert.True(await page.Locator("svg.timeline-svg").IsVisibleAsync());

        // A personal feed, fetched once before the change.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn agenda-feed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Feed-adres maken" }).ClickAsync();
        var feedUrl = (await page.Locator("#feed-url").GetAttributeAsync("data-full"))!;
        await page.GetByRole(AriaRole.Button, new() { Name = "Kopieer adres" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gekopieerd" }).WaitForAsync();
        Assert.Equal(feedUrl, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        var before = await (await page.APIRequest.GetAsync(feedUrl)).TextAsync();
        Assert.Contains("SEQUENCE:0", Event(before, "GM0344.coalition-agreement.2030"), StringComparison.Ordinal);

        // Enter the real date of the 2030 coalition agreement.
        await page.GotoAsync(address + "/gemeenten/GM0344");
        await page.Locator("summary").Filter(new() { HasText = "2030" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Coalitieakkoord" }).Filter(new() { HasText = "2030" });
        Assert.Contains("schatting", await row.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Moment").SelectOptionAsync(new SelectOptionValue { Label = "Coalitieakkoord" });
        await page.GetByLabel("Datum of begindatum").FillAsync("2030-06-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Datum opslaan" }).ClickAsync();
        await page.GetByText("Werkelijke datum opgeslagen").WaitForAsync();
        await page.Locator("summary").Filter(new() { HasText = "2030" }).ClickAsync();
        // The row of the timeline's year 2030, not the line in the change history below it.
        var year2030 = page.Locator("details.year").Filter(new() { Has = page.Locator("summary").Filter(new() { HasText = "2030" }) });
        var moved = await year2030.GetByRole(AriaRole.Row).Filter(new() { HasText = "Coalitieakkoord" }).InnerTextAsync();
        Assert.Contains("12 juni 2030", moved, StringComparison.Ordinal);
        Assert.Contains("werkelijke datum", moved, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "municipality-page.png"), FullPage = true });

        // The feed carries the moved event as an update of the same event.
        var after = Event(await (await page.APIRequest.GetAsync(feedUrl)).TextAsync(), "GM0344.coalition-agreement.2030");
        Assert.Contains("DTSTART;VALUE=DATE:20300612", after, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", after, StringComparison.Ordinal);
        Assert.Empty(refused);
    }

    private static string Event(string ics, string uidStem) =>
        ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("BEGIN:VEVENT").Single(e => e.Contains($"UID:{uidStem}@", StringComparison.Ordinal));

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/aanmelden/bevestigen\?\S+")]
    private static partial Regex SignInLink();
}
