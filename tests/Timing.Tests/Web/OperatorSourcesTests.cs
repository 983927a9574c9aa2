using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests.Meetings;
using Timing.Tests.Worker;

namespace Timing.Tests.Web;

/// <summary>
/// The operators' page of meeting sources: every followed municipality with its source, state, reach, last read and
/// problems; connecting, changing and disconnecting through forms (anti-forgery, post/redirect/get, a confirmation
/// naming the change); closed to everyone else.
/// </summary>
public class OperatorSourcesTests
{
    private const string Page = "/beheer/bronnen";

    private static readonly Instant Start = Instant.FromUtc(2027, 10, 1, 7, 0);

    private static TimingFactory Factory(RecordedServer server) => new(clock: new FakeClock(Start), settings: new()
    {
        ["Web:Operators:0"] = "beheer@host.nl",
        ["Meetings:OpenBesluitvormingBaseUrl"] = server.Url(""),
        ["Meetings:NotubizBaseUrl"] = server.Url(""),
        ["Meetings:MinRequestSpacingMs"] = "0",
    });

    /// <summary>Two organisations: one follows Utrecht, whose source fails, and Eindhoven; the other follows Utrecht too. An operator is signed in.</summary>
    private static async Task<HttpClient> SeedAsync(TimingFactory factory)
    {
        var a = await factory.CreateDirectorAsync("a@welzijn-a.nl", "Welzijn A");
        var b = await factory.CreateDirectorAsync("b@welzijn-b.nl", "Welzijn B");
        await factory.CreateMemberAsync("beheer@host.nl", a.OrganisationId);
        await factory.WithDbAsync(async db =>
        {
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = a.OrganisationId, Code = "GM0344", Name = "Utrecht" });
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = a.OrganisationId, Code = "GM0772", Name = "Eindhoven" });
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = b.OrganisationId, Code = "GM0344", Name = "Utrecht" });
            await db.SaveChangesAsync();
            var utrecht = await MeetingSourceConnections.ConnectAsync(db, "GM0344", MeetingSourceKinds.Ical, "https://raad.example/utrecht.ics", "beheer", Start, CancellationToken.None);
            utrecht.LastSuccess = Start - Duration.FromDays(3);
            utrecht.SeesUntil = new LocalDate(2027, 12, 16);
            utrecht.FailingSince = Start - Duration.FromDays(2);
            utrecht.LastError = new("https://raad.example/utrecht.ics antwoordde 500", "https://raad.example/utrecht.ics: 500 Internal Server Error");
            await Timing.Facts.PublicFactRows.SetAsync(db, "GM0344", "budget-debate", 2027, new DateInterval(new LocalDate(2027, 11, 10), new LocalDate(2027, 11, 10)),
                "raadsbesluit", "https://example.test/besluit", null, "operator:beheer@host.nl", Start, CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        var client = factory.Client();
        await client.SignInAsync(factory, "beheer@host.nl");
        return client;
    }

    [Fact]
    public async Task Page_ListsEveryFollowedMunicipality_WithSourceStateReachLastReadProblemsAndFacts()
    {
        using var server = new RecordedServer();
        await using var factory = Factory(server);
        var client = await SeedAsync(factory);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page, UriKind.Relative)));

        Assert.Contains("<a href=\"/gemeenten/GM0344/openbaar\">Utrecht</a> <span class=\"muted\">(GM0344; 2 organisatie(s))</span>", page, StringComparison.Ordinal);
        Assert.Contains("de iCalendar-export van de raad (raad.example)", page, StringComparison.Ordinal);
        Assert.Contains("(gekoppeld door beheer)", page, StringComparison.Ordinal);
        Assert.Contains("Faalt sinds 29 september 2027 om 09:00", page, StringComparison.Ordinal);
        Assert.Contains("16 december 2027", page, StringComparison.Ordinal);
        Assert.Contains("28 september 2027 om 09:00", page, StringComparison.Ordinal);
        Assert.Contains("https://raad.example/utrecht.ics antwoordde 500", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/gemeenten/GM0344/openbaar/terugdraaien/budget-debate/2027\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/gemeenten/GM0772/openbaar\">Eindhoven</a> <span class=\"muted\">(GM0772; 1 organisatie(s))</span>", page, StringComparison.Ordinal);
        Assert.Contains("Nog niet gezocht", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/beheer/bronnen\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_IsRefused_ToADirectorWhoIsNoOperator_AndToAnonymous()
    {
        using var server = new RecordedServer();
        await using var factory = Factory(server);
        await SeedAsync(factory);
        var director = factory.Client();
        await director.SignInAsync(factory, "a@welzijn-a.nl");

        Assert.StartsWith("/geen-toegang", (await director.GetAsync(new Uri(Page, UriKind.Relative))).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var ownForm = await director.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        var post = await director.PostFormAsync(Page + "?handler=Disconnect", ownForm, new() { ["code"] = "GM0344" });
        Assert.StartsWith("/geen-toegang", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/beheer/bronnen\"", await director.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.MeetingSources.CountAsync()));

        var anonymous = await factory.Client().GetAsync(new Uri(Page, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task Operator_ConnectsChangesAndDisconnects_ThroughThePage()
    {
        using var server = new RecordedServer();
        server.Serve("/api/status", File.ReadAllText(Recorded.Path("openbesluitvorming-status-discovery.json")), "application/json");
        server.Serve("/organisations", File.ReadAllText(Recorded.Path("notubiz-organisations.json")), "application/json");
        await using var factory = Factory(server);
        var client = await SeedAsync(factory);
        var page = await client.GetStringAsync(new Uri(Page, UriKind.Relative));

        // Connect Eindhoven's Notubiz calendar by hand.
        var shown = WebUtility.HtmlDecode(await client.PostAndFollowAsync(Page + "?handler=Connect", page, new() { ["code"] = "GM0772", ["kind"] = "notubiz", ["address"] = "686" }));
        Assert.Contains("Gekoppeld: de vergaderingen van Eindhoven (GM0772) komen nu uit de Notubiz-agenda van de raad (organisatie 686).", shown, StringComparison.Ordinal);
        var eindhoven = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync(s => s.Code == "GM0772"));
        Assert.Equal((MeetingSourceKinds.Notubiz, "686", "beheer@host.nl"), (eindhoven.Kind, eindhoven.Address, eindhoven.ConfiguredBy));

        // Change it to OpenBesluitvorming, the key looked up in its status; the confirmation names what it was.
        shown = WebUtility.HtmlDecode(await client.PostAndFollowAsync(Page + "?handler=Connect", page, new() { ["code"] = "GM0772", ["kind"] = "openbesluitvorming", ["address"] = "" }));
        Assert.Contains("komen nu uit OpenBesluitvorming (bron eindhoven) (Eindhoven, notubiz, state ok; nieuwste vergadering / newest meeting 2027-10-06); was de Notubiz-agenda van de raad (organisatie 686).", shown, StringComparison.Ordinal);

        // Bad input: refused with the reason beside the form, the typed value kept, nothing changed.
        var refused = await client.PostFormAsync(Page + "?handler=Connect", page, new() { ["code"] = "GM0344", ["kind"] = "notubiz", ["address"] = "eindhoven" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Niets gewijzigd: 'eindhoven' is geen Notubiz-organisatienummer; verwacht een geheel getal boven 0, bijvoorbeeld 686.", refusedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"eindhoven\"", refusedPage, StringComparison.Ordinal);
        var file = await client.PostFormAsync(Page + "?handler=Connect", page, new() { ["code"] = "GM0344", ["kind"] = "ical", ["address"] = "/etc/passwd" });
        Assert.Equal(HttpStatusCode.BadRequest, file.StatusCode);
        Assert.Equal("https://raad.example/utrecht.ics", await factory.WithDbAsync(db => db.MeetingSources.Where(s => s.Code == "GM0344").Select(s => s.Address).SingleAsync()));

        // Disconnect: said so; a second click changes nothing and says that; the search stays off.
        shown = WebUtility.HtmlDecode(await client.PostAndFollowAsync(Page + "?handler=Disconnect", page, new() { ["code"] = "GM0344" }));
        Assert.Contains("Losgekoppeld: Utrecht (GM0344) leest niet meer uit de iCalendar-export van de raad (raad.example).", shown, StringComparison.Ordinal);
        Assert.Contains("Losgekoppeld; niet zelf zoeken", shown, StringComparison.Ordinal);
        shown = WebUtility.HtmlDecode(await client.PostAndFollowAsync(Page + "?handler=Disconnect", page, new() { ["code"] = "GM0344" }));
        Assert.Contains("Niets gewijzigd: Utrecht (GM0344) had geen vergaderkalender gekoppeld.", shown, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.MeetingSources.AnyAsync(s => s.Code == "GM0344")));
        Assert.Equal(MeetingSourceDiscovery.Off, await factory.WithDbAsync(db => db.MeetingSourceDiscoveries.Where(d => d.Code == "GM0344").Select(d => d.State).SingleAsync()));
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SourceDiscovery>().RunAsync(CancellationToken.None));
        }
        Assert.False(await factory.WithDbAsync(db => db.MeetingSources.AnyAsync(s => s.Code == "GM0344")));

        // Without a token the form is refused.
        var forged = await client.PostAsync(new Uri(Page + "?handler=Disconnect", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "GM0772" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.MeetingSources.AnyAsync(s => s.Code == "GM0772")));

        // "Search now" turns the search back on after a disconnect and says what it connected.
        await client.PostAndFollowAsync(Page + "?handler=Disconnect", page, new() { ["code"] = "GM0772" });
        shown = WebUtility.HtmlDecode(await client.PostAndFollowAsync(Page + "?handler=Discover", page, new() { ["code"] = "GM0772" }));
        Assert.Contains("Gevonden en gekoppeld voor Eindhoven (GM0772): Notubiz-organisatie 686 (Gemeente Eindhoven)", shown, StringComparison.Ordinal);
        Assert.Contains("(automatisch gevonden)", shown, StringComparison.Ordinal);
        Assert.Equal((MeetingSourceKinds.Notubiz, "686", MeetingSourceConnections.Automatic),
            await factory.WithDbAsync(db => db.MeetingSources.Where(s => s.Code == "GM0772").Select(s => ValueTuple.Create(s.Kind, s.Address, s.ConfiguredBy)).SingleAsync()));
    }
}
