using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Storage;

namespace Timing.Tests.Web;

/// <summary>The director's way through the pages, over HTTP against the real SQLite file and the pickup folder.</summary>
public partial class DirectorFlowTests
{
    [Fact]
    public async Task Director_EntersACoalitionBreak_AndDezeWeekShowsItWithWhatToDo()
    {
        // The clock stands at Sunday 22 November 2026; the coalition breaks on Tuesday 1 December.
        await using var factory = new TimingFactory();
        var client = await DirectorFollowingUtrechtAsync(factory);

        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        var saved = await client.PostFormAsync("/gemeenten/GM0344?handler=Event", detail,
            new() { ["EventKind"] = "coalition-break", ["EventTitle"] = "Breuk over de begroting", ["EventDate"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("Deze week", home, StringComparison.Ordinal);
        Assert.Contains("Coalitie valt", home, StringComparison.Ordinal);
        Assert.Contains("Houd contact met uw ambtenaren; wacht met notities tot duidelijk is wie onderhandelt.", home, StringComparison.Ordinal);
        Assert.Matches("href=\"/gemeenten/GM0344/momenten/coalition-break/2026/[0-9]+\"", home);

        // The audit list names what changed; no stored key reaches the director.
        var audit = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative)));
        Assert.Contains("Gebeurtenis toegevoegd", audit, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 Coalitie valt: Breuk over de begroting", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>local-event</td>", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Director_NotesTheSocialDomainSpokespersons_AndTheirMomentPageShowsTheNames()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorFollowingUtrechtAsync(factory);

        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        // The municipality page speaks of the merger as the review asked, and of certainty rather than a legal basis.
        var text = WebUtility.HtmlDecode(detail);
        Assert.Contains("Herindeling en schoolregio", text, StringComparison.Ordinal);
        Assert.Contains("laat leeg als de gemeente niet bij een herindeling betrokken is", text, StringComparison.Ordinal);
        Assert.Contains("Zekerheid", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Grondslag", text, StringComparison.Ordinal);
        // The place to note who covers the social domain is the event the spokespersons moment points to, names in its note.
        Assert.Contains("<option value=\"spokesperson-change\">Nieuwe woordvoerder sociaal domein</option>", text, StringComparison.Ordinal);
        const string names = "GroenLinks: A. de Vries (raadslid); VVD: B. Jansen (commissielid)";
        var saved = await client.PostFormAsync("/gemeenten/GM0344?handler=Event", detail,
            new() { ["EventKind"] = "spokesperson-change", ["EventTitle"] = names, ["EventDate"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var link = Regex.Match(home, "/gemeenten/GM0344/momenten/spokesperson-change/2026/[0-9]+").Value;
        Assert.NotEmpty(link);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(link, UriKind.Relative)));
        Assert.Contains("Nieuwe woordvoerder sociaal domein", page, StringComparison.Ordinal);
        Assert.Contains(names, page, StringComparison.Ordinal);
        Assert.Contains("Stel u kort voor en bied een werkbezoek aan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Director_SignsIn_AddsMunicipality_EntersAgreement_AndPersonalFeedMoves()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("directeur@welzijn.nl", "Welzijn Utrecht");
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@welzijn.nl");

        var overview = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("U volgt nog geen gemeenten.", overview, StringComparison.Ordinal);

        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen?q=utrecht", UriKind.Relative));
        Assert.Contains("Utrecht (GM0344)", add, StringComparison.Ordinal);
        var added = await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });
        Assert.Equal("/gemeenten/GM0344", added.Headers.Location!.OriginalString);

        var feedUrl = new Uri(FeedUrl().Match(await client.MakeFeedAsync()).Value);
        var before = await client.GetStringAsync(new Uri(feedUrl.PathAndQuery, UriKind.Relative));
        Assert.Contains("UID:GM0344.coalition-agreement.2030@timing.test", before, StringComparison.Ordinal);

        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        Assert.Contains("<svg class=\"timeline-svg\"", detail, StringComparison.Ordinal);
        // The picture is well-formed SVG: a label per phase lane, a marked title per moment, and today's line.
        var svg = System.Xml.Linq.XElement.Parse(Regex.Match(detail, "<svg class=\"timeline-svg\".*?</svg>", RegexOptions.Singleline).Value);
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("Tijdlijn van Utrecht", svg.Attribute("aria-label")!.Value);
        Assert.Contains(svg.Elements(ns + "text"), t => t.Value == "Verkiezingen");
        Assert.Contains(svg.Descendants(ns + "title"), t => t.Value.StartsWith("Coalitieakkoord", StringComparison.Ordinal));
        Assert.Equal("vandaag", svg.Elements(ns + "text").Last().Value);
        var saved = await client.PostFormAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "coalition-agreement", ["Date"] = "2030-06-12" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await client.GetStringAsync(new Uri(feedUrl.PathAndQuery, UriKind.Relative));
        var agreement = Event(after, "GM0344.coalition-agreement.2030@timing.test");
        Assert.Contains("DTSTART;VALUE=DATE:20300612", agreement, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", agreement, StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED", agreement, StringComparison.Ordinal);

        var audit = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        Assert.Contains("Coalitieakkoord (2030)", audit, StringComparison.Ordinal);
        Assert.Contains("directeur@welzijn.nl", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActualDate_BeforeItsElection_IsRefusedNextToTheFieldAndNothingIsStored()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@welzijn.nl", "Welzijn");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@welzijn.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "Utrecht" });
        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));

        var early = await (await client.PostFormAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "coalition-agreement", ["Date"] = "2026-03-10" })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"date-error\">Coalitieakkoord (10 maart 2026) kan niet vóór Gemeenteraadsverkiezingen (18 maart 2026) liggen.", WebUtility.HtmlDecode(early), StringComparison.Ordinal);
        var malformed = await (await client.PostFormAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "coalition-agreement", ["Date"] = "10-06-2026" })).Content.ReadAsStringAsync();
        Assert.Contains("Vul een datum in als JJJJ-MM-DD", malformed, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        Assert.Equal(0, await db.ActualDates.CountAsync());
        Assert.Equal(0, await db.DateChanges.CountAsync());
    }

    [GeneratedRegex(@"https://timing\.test/feeds/p/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex FeedUrl();

    private static string Event(string ics, string uid)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        return unfolded.Split("BEGIN:VEVENT").Single(e => e.Contains("UID:" + uid + "\r\n", StringComparison.Ordinal));
    }

    /// <summary>A director of "Welzijn Utrecht", signed in, who has just added Utrecht through the page.</summary>
    private static async Task<HttpClient> DirectorFollowingUtrechtAsync(TimingFactory factory)
    {
        await factory.CreateDirectorAsync("directeur@welzijn.nl", "Welzijn Utrecht");
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@welzijn.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen?q=utrecht", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });
        return client;
    }
}
