using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Tests.Cli;
using Timing.Tests.Web;
using Timing.Tests.Worker;
using Timing.Web;

namespace Timing.Tests.Meetings;

/// <summary>Directors publish and confirm public facts on their pages; anyone reads the municipality's public page.</summary>
public class PublicFactPagesTests
{
    [Fact]
    public async Task Director_PublishesOnlyWithASource_ConfirmsAMeeting_AndAnyoneSeesTheChanges()
    {
        await using var factory = new TimingFactory();
        CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs);
        await factory.CreateDirectorAsync("a@welzijn-a.nl", "Welzijn A");
        var other = await factory.CreateDirectorAsync("b@welzijn-b.nl", "Welzijn B");
        await factory.WithDbAsync(async db =>
        {
            db.FollowedMunicipalities.Add(new Timing.Storage.FollowedMunicipality { OrganisationId = other.OrganisationId, Code = "GM0344", Name = "Utrecht" });
            return await db.SaveChangesAsync();
        });
        var client = factory.Client();
        await client.SignInAsync(factory, "a@welzijn-a.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "Utrecht" });
        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "midterm-review", ["Date"] = "2028-05-10" });

        detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        var refused = await (await client.PostFormAsync("/gemeenten/GM0344?handler=Publish", detail, new() { ["PublishKind"] = "midterm-review/2026", ["PublishUrl"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"publish-error\">Geef een bron die iedereen kan controleren", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PublicFacts.CountAsync(f => f.Kind == "midterm-review")));

        var published = await client.PostFormAsync("/gemeenten/GM0344?handler=Publish", detail, new() { ["PublishKind"] = "midterm-review/2026", ["PublishUrl"] = "https://raad.example.nl/midterm" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // One click confirms the committee meeting on the kadernota as the kadernota's date.
        Assert.Contains("Commissie Bestuur en Middelen: Kadernota 2028", detail, StringComparison.Ordinal);
        var meetingId = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Title == "Commissie Bestuur en Middelen: Kadernota 2028").Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/gemeenten/GM0344?handler=Confirm", detail, new() { ["MeetingId"] = meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);

        // The other organisation sees both; the kadernota keeps its window's start and ends at the council meeting.
        using (var scope = factory.Services.CreateScope())
        {
            var view = (await scope.ServiceProvider.GetRequiredService<PageData>().MunicipalitiesAsync(other.OrganisationId, CancellationToken.None)).Single();
            var midterm = view.Timeline.Moments.Single(m => m.Kind == "midterm-review" && m.Cycle == 2026);
            Assert.Equal(("2028-05-10", Core.Cycle.Basis.Local), (midterm.Start.ToString("yyyy-MM-dd", null), midterm.Basis));
        }
        var plan = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "plan", "--municipality", "GM0344", "--from", "2027-06-01", "--to", "2027-06-30");
        Assert.Matches(@"di 1 jun 2027\s+do 24 jun 2027\s+Kadernota", plan.Output);

        // Anyone, signed in or not, reads the public page with the facts and who set them: by role, never by address.
        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/gemeenten/GM0344/openbaar", UriKind.Relative)));
        Assert.Contains("https://raad.example.nl/midterm", page, StringComparison.Ordinal);
        Assert.Contains("Gepubliceerd door Welzijn A", page, StringComparison.Ordinal);
        // Who set a fact is said by role: no person's address on a public page.
        Assert.Contains("een organisatie die deze gemeente volgt", page, StringComparison.Ordinal);
        Assert.DoesNotContain("a@welzijn-a.nl", page, StringComparison.Ordinal);
        Assert.Contains("vergaderkalender (iCalendar)", page, StringComparison.Ordinal);
        Assert.Contains("Geen vergaderkalender", page.Replace("Er is geen vergaderkalender", "Geen vergaderkalender", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri("/gemeenten/GM9999/openbaar", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PublicPage_StoredSourceThatIsNoHttpAddress_IsNoLink()
    {
        // Facts stored before imports checked links, or typed in elsewhere, are still never a link with another scheme.
        await using var factory = new TimingFactory();
        await factory.WithDbAsync(async db =>
        {
            db.PublicFacts.Add(new Timing.Storage.PublicFact
            {
                Code = "GM0344", Kind = "budget-debate", Cycle = 2027, Start = new LocalDate(2027, 11, 4), End = new LocalDate(2027, 11, 4),
                Source = "Vergadering / meeting 'Begrotingsraad' (2027-11-04)", SourceUrl = "javascript:alert(1)", SetBy = "meetings:ical",
                SetAt = Instant.FromUtc(2026, 11, 20, 8, 0),
            });
            return await db.SaveChangesAsync();
        });

        var page = await factory.CreateClient().GetStringAsync(new Uri("/gemeenten/GM0344/openbaar", UriKind.Relative));

        Assert.Contains("Begrotingsraad", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RevertConfirmedTwice_RevertsOnlyTheValueThatWasShown_NotTheOneBeforeIt()
    {
        await using var factory = new TimingFactory(settings: new() { ["Web:Operators:0"] = "beheer@host.nl" });
        CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs);
        await factory.WithDbAsync(async db =>
        {
            await Timing.Facts.PublicFactRows.SetAsync(db, "GM0344", "budget-debate", 2027, new DateInterval(new LocalDate(2027, 11, 10), new LocalDate(2027, 11, 10)),
                "raadsbesluit", "https://example.test/besluit", null, "operator:beheer@host.nl", factory.Clock.GetCurrentInstant(), CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        await factory.CreateMemberAsync("beheer@host.nl", director.OrganisationId);
        var client = factory.Client();
        await client.SignInAsync(factory, "beheer@host.nl");
        const string confirmation = "/gemeenten/GM0344/openbaar/terugdraaien/budget-debate/2027";
        var confirm = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(confirmation, UriKind.Relative)));
        Assert.Contains("Programmabegroting 2028 in de raad: 10 november 2027", confirm, StringComparison.Ordinal);
        var shown = new Dictionary<string, string> { ["factId"] = System.Text.RegularExpressions.Regex.Match(confirm, "name=\"factId\" value=\"(\\d+)\"").Groups[1].Value };

        await client.PostAndFollowAsync(confirmation, confirm, shown);
        // A double click or a second tab: the meeting's value, which applies again now, stays.
        var again = WebUtility.HtmlDecode(await client.PostAndFollowAsync(confirmation, confirm, shown));
        Assert.Contains("Niets gewijzigd: het getoonde openbare feit Programmabegroting 2028 in de raad is intussen al teruggedraaid of gewijzigd.", again, StringComparison.Ordinal);
        var current = await factory.WithDbAsync(db => db.PublicFacts.Where(f => f.Kind == "budget-debate" && f.Cycle == 2027 && f.Reverted == null).Select(f => f.Start).ToListAsync());
        Assert.Equal([new LocalDate(2027, 11, 4)], current);
    }

    [Fact]
    public async Task Operator_RevertsAPublicFact_OnlyAfterConfirmingIt()
    {
        await using var factory = new TimingFactory(settings: new() { ["Web:Operators:0"] = "beheer@host.nl" });
        CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs);
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        await factory.CreateMemberAsync("beheer@host.nl", director.OrganisationId);
        var client = factory.Client();
        await client.SignInAsync(factory, "beheer@host.nl");
        Task<int> CurrentBudgetFacts() => factory.WithDbAsync(db => db.PublicFacts.CountAsync(f => f.Kind == "budget-debate" && f.Cycle == 2027 && f.Reverted == null));
        const string confirmation = "/gemeenten/GM0344/openbaar/terugdraaien/budget-debate/2027";

        // The public page offers the revert as a way to its confirmation page, not as a button that reverts at once.
        var page = await client.GetStringAsync(new Uri("/gemeenten/GM0344/openbaar", UriKind.Relative));
        Assert.Contains($"href=\"{confirmation}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Revert", page, StringComparison.Ordinal);

        // The confirmation page names the fact and what follows, and changes nothing by itself.
        var confirm = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(confirmation, UriKind.Relative)));
        Assert.Contains("<h1>Openbaar feit terugdraaien?</h1>", confirm, StringComparison.Ordinal);
        Assert.Contains("Programmabegroting 2028 in de raad: 4 november 2027 t/m 11 november 2027", confirm, StringComparison.Ordinal);
        Assert.Contains("geldt dan weer de vorige waarde, of anders de regels", confirm, StringComparison.Ordinal);
        Assert.Equal(1, await CurrentBudgetFacts());

        // A director who is no operator can neither see nor post it.
        var other = factory.Client();
        await other.SignInAsync(factory, "d@org.nl");
        Assert.StartsWith("/geen-toegang", (await other.GetAsync(new Uri(confirmation, UriKind.Relative))).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var ownForm = await other.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        Assert.StartsWith("/geen-toegang", (await other.PostFormAsync(confirmation, ownForm, [])).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await CurrentBudgetFacts());

        // Confirmed: reverted, audited, and said so. The form names the value it showed.
        var shown = new Dictionary<string, string> { ["factId"] = System.Text.RegularExpressions.Regex.Match(confirm, "name=\"factId\" value=\"(\\d+)\"").Groups[1].Value };
        Assert.NotEqual("", shown["factId"]);
        var after = WebUtility.HtmlDecode(await client.PostAndFollowAsync(confirmation, confirm, shown));
        Assert.Contains("Teruggedraaid: Programmabegroting 2028 in de raad, 4 november 2027 t/m 11 november 2027. Nu gelden weer de regels.", after, StringComparison.Ordinal);
        Assert.Equal(0, await CurrentBudgetFacts());
        Assert.Equal("operator:beheer@host.nl", await factory.WithDbAsync(db => db.PublicFacts.Where(f => f.Kind == "budget-debate").Select(f => f.RevertedBy).SingleAsync()));

        // Again (a second tab): nothing left to revert, and the page says so.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(confirmation, UriKind.Relative))).StatusCode);
        Assert.Contains("Niets gewijzigd: het getoonde openbare feit Programmabegroting 2028 in de raad is intussen al teruggedraaid of gewijzigd.",
            WebUtility.HtmlDecode(await client.PostAndFollowAsync(confirmation, confirm, shown)), StringComparison.Ordinal);
    }
}
