using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timing.Tests;
using Timing.Tests.Web;

namespace Timing.BrowserTests;

/// <summary>The service on a real port and headless Chromium, with a director signed in through the mailed link.</summary>
public static partial class BrowserHost
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The service on a free port, its links pointing at that port; with <paramref name="clock"/>, on that day.</summary>
    public static (TimingFactory Factory, string Address) Start(NodaTime.Testing.FakeClock? clock = null)
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: run `apt-get install chromium` (bash .ci/prerequisites does this).");
        var port = TestPaths.FreePort();
        var address = $"http://127.0.0.1:{port}";
        var factory = new TimingFactory(clock: clock, settings: new() { ["Feeds:BaseUrl"] = address });
        factory.UseKestrel(port);
        factory.StartServer();
        return (factory, address);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium,
        Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });

    /// <summary>Asks for a link on the sign-in page, reads it from the pickup folder and confirms it, as a person would.</summary>
    public static async Task SignInAsync(IPage page, TimingFactory factory, string address, string email)
    {
        await page.GotoAsync(address + "/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een aanmeldlink" }).ClickAsync();
        await page.GetByText("Als dit adres bij ons bekend is").WaitForAsync();
        var link = SignInLink().Match((await Browserless.WaitForMailsAsync(() => Browserless.Mails(factory), 1)).Last().TextBody!).Value;
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(address + "/");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/aanmelden/bevestigen\?\S+")]
    private static partial Regex SignInLink();
}
