using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Tests.Cli;
using Timing.Tests.Worker;

namespace Timing.Tests.Meetings;

/// <summary>
/// OpenBesluitvorming served from recorded responses by a local HTTP server: /api/status maps the CBS code and says how
/// current the source is, /api/search lists the meetings page by page, and 429 with Retry-After slows the reader down.
/// </summary>
public class OpenBesluitvormingSourceTests
{
    private static readonly Instant Start = Instant.FromUtc(2027, 10, 1, 7, 0);

    private static void ServeStatus(RecordedServer server, string? status = null) =>
        server.Serve("/api/status", status ?? File.ReadAllText(Recorded.Path("openbesluitvorming-status.json")), "application/json");

    /// <summary>The two recorded pages of Utrecht's meetings, by offset; anything else is a 400 as the API gives it.</summary>
    private static RecordedServer.Answer Search(HttpListenerRequest request) =>
        (request.QueryString["organization"], request.QueryString["offset"]) switch
        {
            ("utrecht", "0") => new(200, File.ReadAllText(Recorded.Path("openbesluitvorming-search-page1.json")), "application/json"),
            ("utrecht", "3") => new(200, File.ReadAllText(Recorded.Path("openbesluitvorming-search-page2.json")), "application/json"),
            _ => new(400, """{"code":"unknown_organization","error":"Onbekende organisatie."}""", "application/json"),
        };

    /// <summary>
    /// The agenda of the one meeting ahead whose title says nothing by itself ("Commissie Bestuur en Middelen"). No
    /// recorded answer of this endpoint was available, so the file follows the API's documented meeting entity.
    /// </summary>
    private static void ServeAgenda(RecordedServer server) =>
        server.Serve("/api/entities/meeting%3Anotubiz%3Agemeente%3Autrecht%3A1200170",
            File.ReadAllText(Recorded.Path("openbesluitvorming-entity-meeting-1200170.json")), "application/json");

    private static Dictionary<string, string?> Settings(TimingFactory factory, RecordedServer server) => new()
    {
        ["Storage:SqlitePath"] = factory.DatabasePath,
        ["Meetings:OpenBesluitvormingBaseUrl"] = server.Url(""),
    };

    private static async Task RunJobAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
    }

    private static TimingFactory Factory(RecordedServer server, FakeClock clock) =>
        new(clock: clock, settings: new() { ["Meetings:OpenBesluitvormingBaseUrl"] = server.Url("") });

    [Fact]
    public async Task Source_MapsTheCbsCodeThroughStatus_ReadsEveryPageUnderTheRateLimit_AndDatesTheBudgetDebate()
    {
        using var server = new RecordedServer();
        ServeStatus(server);
        ServeAgenda(server);
        server.Route("/api/search", Search);
        var clock = new FakeClock(Start);
        await using var factory = Factory(server, clock);

        // Without a key the operator's CBS code is looked up in /api/status.
        var configured = CliRunner.Run(Settings(factory, server), "meetings", "source", "--municipality", "GM0344", "--openbesluitvorming", "--by", "beheer");
        Assert.Equal((0, ""), (configured.Exit, configured.Error));
        Assert.Contains("openbesluitvorming utrecht (Utrecht, notubiz, state ok; nieuwste vergadering / newest meeting 2027-12-09)", configured.Output, StringComparison.Ordinal);
        Assert.Equal("utrecht", await factory.WithDbAsync(db => db.MeetingSources.Select(s => s.Address).SingleAsync()));
        server.Requests.Clear();

        await RunJobAsync(factory);

        var requests = server.Requests.ToArray();
        // Two search pages, then the agenda of the one generic meeting ahead; titles that name the budget need no agenda.
        Assert.Equal(["/api/status", "/api/search", "/api/search", "/api/entities/meeting%3Anotubiz%3Agemeente%3Autrecht%3A1200170"],
            requests.Select(r => r.Path.Split('?')[0]));
        var first = QueryOf(requests[1].Path);
        Assert.Equal(("utrecht", "Meeting", "date_asc", "2027-08-01", "2028-12-01", "100", "0"),
            (first["organization"], first["entityType"], first["sort"], first["dateFrom"], first["dateTo"], first["limit"], first["offset"]));
        Assert.Equal("3", QueryOf(requests[2].Path)["offset"]);
        // 60 units a minute, a page of 100 costs 5: the second page waits at least five seconds after the first.
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromMilliseconds(4900), $"{(requests[2].At - requests[1].At).TotalMilliseconds} ms between pages");

        // sortDate is UTC: 13:00 UTC on 4 November is 14:00 in Amsterdam, the meeting's own day.
        var meetings = await factory.WithDbAsync(db => db.Meetings.OrderBy(m => m.Date).ToListAsync());
        Assert.Equal(5, meetings.Count);
        var debate = meetings.Single(m => m.ExternalId == "meeting:notubiz:gemeente:utrecht:1200101");
        Assert.Equal((new LocalDate(2027, 11, 4), (Instant?)Instant.FromUtc(2027, 11, 4, 13, 0), "openbesluitvorming"),
            (debate.Date, debate.Start, debate.SourceKind));
        Assert.Equal(server.Url("/api/entities/meeting%3Anotubiz%3Agemeente%3Autrecht%3A1200101"), debate.Url);
        // The agenda's items in agenda order, items nested under a heading item included.
        Assert.Equal(["Opening en vaststelling agenda", "Bespreekpunten", "Tweede bestuursrapportage 2027", "Subsidieverordening maatschappelijke ondersteuning", "Sluiting"],
            meetings.Single(m => m.ExternalId == "meeting:notubiz:gemeente:utrecht:1200170").AgendaItemList);
        Assert.Empty(meetings.Single(m => m.ExternalId == "meeting:notubiz:gemeente:utrecht:1200101").AgendaItemList);
        var fact = await factory.WithDbAsync(db => db.PublicFacts.SingleAsync());
        Assert.Equal(("budget-debate", 2027, new LocalDate(2027, 11, 4), new LocalDate(2027, 11, 11), "meetings:openbesluitvorming"),
            (fact.Kind, fact.Cycle, fact.Start, fact.End, fact.SetBy));

        // Freshness: the status's own word is kept and the public page says where the dates come from and how far ahead.
        var upstream = await factory.WithDbAsync(db => db.MeetingSourceUpstreams.SingleAsync());
        Assert.Equal(("utrecht", "notubiz", "ok", (LocalDate?)new LocalDate(2027, 12, 9), (Instant?)Instant.FromUtc(2027, 10, 1, 2, 11, 9).PlusNanoseconds(883_000_000)),
            (upstream.SourceKey, upstream.Supplier, upstream.State, upstream.LatestContent, upstream.LastImport));
        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/gemeenten/GM0344/openbaar", UriKind.Relative)));
        Assert.Contains("Vergaderkalender: OpenBesluitvorming (bron utrecht).", page, StringComparison.Ordinal);
        Assert.Contains("De bron toont vergaderingen tot en met 9 december 2027", page, StringComparison.Ordinal);
        Assert.Contains("OpenBesluitvorming haalt deze vergaderingen uit het raadsinformatiesysteem van de gemeente (notubiz); dat lukte voor het laatst op 1 oktober 2027 om 04:11.", page, StringComparison.Ordinal);
        Assert.Contains("Algemene beschouwingen Programmabegroting 2028", page, StringComparison.Ordinal);
        // What it sees: about a week ahead, said on the page and by the command that connected it.
        Assert.Contains("OpenBesluitvorming leest de vergaderingen van een raad maar ongeveer een week vooruit", page, StringComparison.Ordinal);
        Assert.Contains("OpenBesluitvorming ziet ongeveer een week vooruit / sees about a week ahead", configured.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequests_AShortRetryAfterIsWaitedOut_ALongOneIsHonouredByTheJob()
    {
        using var server = new RecordedServer();
        ServeStatus(server);
        ServeAgenda(server);
        var limited = 1;
        server.Route("/api/search", request => Interlocked.Exchange(ref limited, 0) == 1
            ? new RecordedServer.Answer(429, File.ReadAllText(Recorded.Path("openbesluitvorming-429.json")), "application/json", RetryAfter: "2")
            : Search(request));
        var clock = new FakeClock(Start);
        await using var factory = Factory(server, clock);
        Assert.Equal(0, CliRunner.Run(Settings(factory, server), "meetings", "source", "--municipality", "GM0344", "--openbesluitvorming", "utrecht").Exit);
        server.Requests.Clear();

        await RunJobAsync(factory);

        // The first search was refused with Retry-After: 2; the same page was asked again no sooner, and the read completed.
        var searches = server.Requests.Where(r => r.Path.StartsWith("/api/search", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, searches.Length);
        Assert.Equal(searches[0].Path, searches[1].Path);
        Assert.True(searches[1].At - searches[0].At >= TimeSpan.FromMilliseconds(1950), $"{(searches[1].At - searches[0].At).TotalMilliseconds} ms after the 429");
        Assert.Equal(5, await factory.WithDbAsync(db => db.Meetings.CountAsync()));

        // A Retry-After of two hours ends the run; the job does not ask again before it, and does after.
        server.Fail("/api/search", 429, "7200");
        clock.AdvanceHours(7);
        await RunJobAsync(factory);
        var asked = server.Requests.Count;
        clock.AdvanceHours(1);
        await RunJobAsync(factory);
        Assert.Equal(asked, server.Requests.Count);
        server.Route("/api/search", Search);
        clock.AdvanceHours(1);
        await RunJobAsync(factory);
        Assert.True(server.Requests.Count > asked);
        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.Equal((null, Timing.Storage.MeetingSource.NoError), (source.FailingSince, source.LastError));
    }

    [Fact]
    public async Task BlindSource_IsNeverReadAsNoMeetings_AndThePublicPageSaysSo()
    {
        using var server = new RecordedServer();
        ServeStatus(server);
        ServeAgenda(server);
        server.Route("/api/search", Search);
        var clock = new FakeClock(Start);
        await using var factory = Factory(server, clock);
        Assert.Equal(0, CliRunner.Run(Settings(factory, server), "meetings", "source", "--municipality", "GM0344", "--openbesluitvorming").Exit);
        await RunJobAsync(factory);
        Assert.Equal(5, await factory.WithDbAsync(db => db.Meetings.CountAsync()));

        // The search answers with nothing while the status holds meetings up to December: blind, not empty.
        server.Route("/api/search", _ => new(200, """{"results":[],"totalCount":0,"totalIsApproximate":true,"hasMore":false}""", "application/json"));
        clock.AdvanceHours(7);
        await RunJobAsync(factory);
        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.NotNull(source.FailingSince);
        Assert.Contains("not taken as \"no meetings\"", source.LastError.En, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2027, 12, 9), source.SeesUntil);

        // The status calls the source failing: the search is not even asked, and the page says why.
        var failing = File.ReadAllText(Recorded.Path("openbesluitvorming-status.json"))
            .Replace("\"cbsId\": \"GM0344\",\n      \"state\": \"ok\"", "\"cbsId\": \"GM0344\",\n      \"state\": \"failing\",\n      \"lastErrorMessage\": \"Notubiz answered 500.\"", StringComparison.Ordinal);
        Assert.Contains("Notubiz answered 500.", failing, StringComparison.Ordinal);
        ServeStatus(server, failing);
        server.Requests.Clear();
        clock.AdvanceHours(2);
        await RunJobAsync(factory);
        Assert.Equal(["/api/status"], server.Requests.Select(r => r.Path));
        source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.Contains("OpenBesluitvorming cannot import Utrecht from notubiz (state failing", source.LastError.En, StringComparison.Ordinal);
        Assert.Equal(5, await factory.WithDbAsync(db => db.Meetings.CountAsync()));
        Assert.Equal("failing", await factory.WithDbAsync(db => db.MeetingSourceUpstreams.Select(u => u.State).SingleAsync()));

        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/gemeenten/GM0344/openbaar", UriKind.Relative)));
        Assert.Contains("De vergaderkalender is sinds 1 oktober 2027 om 16:00 niet te lezen", page, StringComparison.Ordinal);
        Assert.Contains("Dat betekent niet dat er geen vergaderingen zijn.", page, StringComparison.Ordinal);
        Assert.Contains("kan het systeem van de raad niet lezen (failing)", page, StringComparison.Ordinal);
        Assert.Contains("Deze lijst is van de laatste geslaagde lezing (1 oktober 2027 om 09:00)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("geen komende vergaderingen", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_RefusesWhatStatusDoesNotMapToTheMunicipality()
    {
        using var server = new RecordedServer();
        ServeStatus(server);
        ServeAgenda(server);
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database, ["Meetings:OpenBesluitvormingBaseUrl"] = server.Url("") };

        var unknown = CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0363", "--openbesluitvorming");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("lists no municipality with CBS code GM0363", unknown.Error, StringComparison.Ordinal);
        var other = CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0344", "--openbesluitvorming", "soest");
        Assert.Equal(1, other.Exit);
        Assert.Contains("'soest' is Soest (GM0342), not GM0344", other.Error, StringComparison.Ordinal);
        var merged = CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0457", "--openbesluitvorming");
        Assert.Equal(1, merged.Exit);
        Assert.Contains("Weesp no longer exists (state discontinued", merged.Error, StringComparison.Ordinal);
        Assert.Contains("Amsterdam (GM0363)", merged.Error, StringComparison.Ordinal);

        // An unreachable status: without a key nothing can be mapped.
        server.Fail("/api/status", 503);
        var down = CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0344", "--openbesluitvorming");
        Assert.Equal(1, down.Exit);
        Assert.Contains("give the source key", down.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> QueryOf(string pathAndQuery) =>
        pathAndQuery[(pathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}
