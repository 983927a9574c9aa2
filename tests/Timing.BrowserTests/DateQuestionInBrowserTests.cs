using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using Timing.Tests.Web;
using Timing.Tests.Worker;

namespace Timing.BrowserTests;

/// <summary>
/// In December 2026 "Deze week" asks whether the coalition agreement is there, once for all the director's
/// municipalities; one click in a real browser answers for one of them and comes back to the overview.
/// </summary>
public class DateQuestionInBrowserTests
{
    private const string Question = "Is ‘Coalitieakkoord’ er al?";

    [Fact]
    public async Task OneClickAnswer_OnTheOverview_SavesTheDate_ComesBackWithAConfirmation_AndClearsThatQuestion()
    {
        var (started, address) = BrowserHost.Start(new FakeClock(Instant.FromUtc(2026, 12, 7, 9, 0)));
        await using var factory = started;
        await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0088", "Schiermonnikoog"), ("GM0344", "Utrecht"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await BrowserHost.SignInAsync(page, factory, address, "directeur@welzijn.nl");

        var question = page.Locator(".date-question", new() { HasText = Question });
        Assert.Equal(1, await question.CountAsync());
        Assert.Contains("Amsterdam, Schiermonnikoog en Utrecht", await question.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("schatting", await page.Locator(".this-week").InnerTextAsync(), StringComparison.Ordinal);

        // The date field offers today; the director changes it to the real day and clicks once.
        var utrecht = question.GetByLabel("Utrecht", new() { Exact = true });
        Assert.Equal("2026-12-07", await utrecht.InputValueAsync());
        await utrecht.FillAsync("2026-06-02");
        await question.Locator("form:has(#answer-GM0344-coalition-agreement-2026) button").ClickAsync();

        await page.WaitForURLAsync(address + "/");
        Assert.Contains("Werkelijke datum opgeslagen: Coalitieakkoord (2026), 2 juni 2026", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Amsterdam en Schiermonnikoog", await question.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await question.GetByLabel("Utrecht", new() { Exact = true }).CountAsync());
        var stored = await factory.WithDbAsync(db => db.ActualDates.Where(a => a.Kind == "coalition-agreement").Select(a => a.Start).SingleAsync());
        Assert.Equal(new LocalDate(2026, 6, 2), stored);
    }
}
