using Microsoft.Playwright;
using Timing.Tests.Web;
using Timing.Tests.Worker;

namespace Timing.BrowserTests;

/// <summary>
/// "Mijn agenda-feed" builds the feed address from boxes: ticking one changes the address shown at once, without a
/// button, and the address it shows is one a calendar can subscribe to.
/// </summary>
public class FeedBuilderInBrowserTests
{
    [Fact]
    public async Task TickingBoxes_ChangesTheShownAddress_AndThatAddressServesTheChosenFeed()
    {
        var (started, address) = BrowserHost.Start();
        await using var factory = started;
        await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await BrowserHost.SignInAsync(page, factory, address, "directeur@welzijn.nl");
        await page.GotoAsync(address + "/mijn-feed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Feed-adres maken" }).ClickAsync();
        var built = page.Locator("#built-url");
        var plain = await built.GetAttributeAsync("data-full") ?? "";
        Assert.StartsWith(address + "/feeds/p/", plain, StringComparison.Ordinal);
        var shownPage = page.Url;

        await page.GetByLabel("Een afspraak per gemeente").CheckAsync();
        await page.GetByLabel("Taal van de feed").SelectOptionAsync("en");

        Assert.Equal(shownPage, page.Url);
        var chosen = await built.GetAttributeAsync("data-full");
        Assert.Equal(plain + "?group=no&lang=en", chosen);
        Assert.EndsWith("?group=no&lang=en", await built.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(plain[(plain.LastIndexOf('/') + 1)..^".ics".Length], await built.InnerTextAsync(), StringComparison.Ordinal);

        var grouped = await (await page.APIRequest.GetAsync(plain)).TextAsync();
        var response = await page.APIRequest.GetAsync(chosen!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"], StringComparison.Ordinal);
        var separate = await response.TextAsync();
        static int Events(string ics) => ics.Split("BEGIN:VEVENT").Length - 1;
        Assert.True(Events(separate) > Events(grouped), $"{Events(separate)} separate events against {Events(grouped)} grouped ones");
        Assert.Contains("SUMMARY:Budget Day · Amsterdam\r\n", separate, StringComparison.Ordinal);

        // Without script the button builds the same address.
        await page.GetByRole(AriaRole.Button, new() { Name = "Adres samenstellen" }).ClickAsync();
        Assert.Equal(chosen, await page.Locator("#built-url").GetAttributeAsync("data-full"));
    }
}
