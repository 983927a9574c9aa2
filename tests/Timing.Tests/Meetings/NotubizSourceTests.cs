using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Tests.Cli;
using Timing.Tests.Worker;

namespace Timing.Tests.Meetings;

/// <summary>The Notubiz API, served from pages recorded in its real shape by a local HTTP server.</summary>
public class NotubizSourceTests
{
    /// <summary>
    /// The organisation's settings and gremia, its events of August 2027 – January 2028 on two pages, a 404 for the
    /// window after (as some organisations answer a period they do not hold), no events in the last window, and the
    /// agenda of the generic "Gemeenteraad" of 16 December; any other agenda is a 404.
    /// </summary>
    private static RecordedServer.Answer Answer(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath;
        string? file = path switch
        {
            "/organisations/686/entity_type_settings" => "notubiz-entity-type-settings.json",
            "/organisations/686/gremia" => "notubiz-gremia.json",
            "/events/meetings/1200106" => "notubiz-meeting-1200106.json",
            "/events" => (request.QueryString["date_from"], request.QueryString["page"]) switch
            {
                ("2027-08-01 00:00:00", "2") => "notubiz-events-page2.json",
                ("2027-08-01 00:00:00", _) => "notubiz-events-page1.json",
                ("2028-08-01 00:00:00", _) => "notubiz-events-empty.json",
                _ => null,
            },
            _ => null,
        };
        return file is null
            ? new RecordedServer.Answer(404, """{"error":{"code":404,"message":"Not found"}}""", "application/json")
            : new RecordedServer.Answer(200, File.ReadAllText(Recorded.Path(file)), "application/json");
    }

    [Fact]
    public async Task NotubizSource_ReadsTitlePlaceAndCommitteeFromTheRealShape_LeavesOutAndCountsTheRest_AndReadsTheAgendaOfAGenericMeeting()
    {
        using var server = new RecordedServer();
        foreach (var path in new[] { "/organisations/686/entity_type_settings", "/organisations/686/gremia", "/events", "/events/meetings/1200106", "/events/meetings/1200102" })
        {
            server.Route(path, Answer);
        }
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock, settings: new() { ["Meetings:NotubizBaseUrl"] = server.Url(""), ["Meetings:HostUnitsPerMinute"] = "6000" });
        var configured = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "source", "--municipality", "GM0344", "--notubiz", "686");
        Assert.Equal((0, ""), (configured.Exit, configured.Error));
        // Read earlier, in the period the source will not show this time.
        await factory.WithDbAsync(async db =>
        {
            db.Meetings.Add(new Timing.Storage.Meeting { Code = "GM0344", SourceKind = "notubiz", ExternalId = "1200200", Title = "Gemeenteraad", Date = new LocalDate(2028, 3, 9),
                FirstSeen = Instant.FromUtc(2027, 9, 1, 7, 0), LastSeen = Instant.FromUtc(2027, 9, 1, 7, 0) });
            return await db.SaveChangesAsync();
        });

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
        }

        // The period that failed hides nothing read before in it.
        var current = await factory.WithDbAsync(db => CurrentMeetings.ListAsync(db, ["GM0344"], new LocalDate(2028, 3, 1), new LocalDate(2028, 3, 31), CancellationToken.None));
        Assert.Equal(["1200200"], current.Select(m => m.ExternalId));

        // Windows of at most six months: 1 August 2027 – 1 December 2028 is asked as three periods.
        var events = server.Requests.Select(r => r.Path).Where(p => p.StartsWith("/events?", StringComparison.Ordinal)).Select(Query).ToArray();
        Assert.Equal(
            [("2027-08-01 00:00:00", "2028-01-31 23:59:59", "1"), ("2027-08-01 00:00:00", "2028-01-31 23:59:59", "2"), ("2028-02-01 00:00:00", "2028-07-31 23:59:59", "1"), ("2028-08-01 00:00:00", "2028-12-01 23:59:59", "1")],
            events.Select(q => (q["date_from"]!, q["date_to"]!, q["page"]!)));
        Assert.All(events, q => Assert.Equal(("686", "1.17.0", "json"), (q["organisation_id"], q["version"], q["format"])));

        // Title from attribute 1, place from attribute 50 (quotes as some organisations write them removed), committee from the gremia;
        // the offset form of a start (2027-10-28T19:30:00+02:00) is read as well as the plain one.
        var meetings = await factory.WithDbAsync(db => db.Meetings.Where(m => m.ExternalId != "1200200").OrderBy(m => m.Date).ToListAsync());
        Assert.Equal(
            [
                ("1200102", "Commissie Mens en Samenleving", "Commissie Mens en Samenleving", "Commissiekamer 2", new LocalDate(2027, 10, 28), (Instant?)Instant.FromUtc(2027, 10, 28, 17, 30)),
                ("1200101", "Algemene beschouwingen Programmabegroting 2028", "Gemeenteraad", "Raadzaal", new LocalDate(2027, 11, 4), Instant.FromUtc(2027, 11, 4, 13, 0)),
                ("1200104", "Begrotingsraad: besluitvorming Programmabegroting 2028", "Gemeenteraad", "Raadzaal", new LocalDate(2027, 11, 11), Instant.FromUtc(2027, 11, 11, 9, 0)),
                ("1200106", "Gemeenteraad", "Gemeenteraad", "Raadzaal", new LocalDate(2027, 12, 16), Instant.FromUtc(2027, 12, 16, 18, 30)),
            ],
            meetings.Select(m => (m.ExternalId, m.Title, m.Committee, m.Location, m.Date, m.Start)));

        // The generic meeting's agenda: item titles (attribute 1) in agenda order, sub-items included, headings left out.
        var council = meetings.Single(m => m.ExternalId == "1200106");
        Assert.Equal(["Opening en vaststellen van de agenda", "Verordening maatschappelijke ondersteuning Wmo 2028", "Vaststellen tarieven kinderopvang 2028", "Sluiting"], council.AgendaItemList);
        Assert.Equal("https://gemeente.raadsinformatie.nl/vergadering/1200106/Gemeenteraad", council.Url);
        Assert.Contains("/events/meetings/1200102?format=json&version=1.17.0", server.Requests.Select(r => r.Path));
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith("/events/meetings/1200101", StringComparison.Ordinal));

        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.Null(source.FailingSince);
        Assert.Equal(
            "1 event skipped: container of meetings (type assembly); 1 event skipped: not public (permission_group members); 1 event skipped: cancelled (canceled); "
            + "meeting without a title; the committee's name is used; period 2028-02-01 – 2028-07-31 not read: 127.0.0.1:" + server.Port + ": 404 Not Found; agenda cannot be read",
            source.LastWarnings.En);

        var fact = await factory.WithDbAsync(db => db.PublicFacts.SingleAsync());
        Assert.Equal(("budget-debate", 2027, new LocalDate(2027, 11, 4), new LocalDate(2027, 11, 11), "meetings:notubiz"),
            (fact.Kind, fact.Cycle, fact.Start, fact.End, fact.SetBy));
    }

    [Fact]
    public async Task NotubizSource_FailsOnlyWhenNoWindowCanBeRead()
    {
        using var server = new RecordedServer();
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock, settings: new() { ["Meetings:NotubizBaseUrl"] = server.Url(""), ["Meetings:HostUnitsPerMinute"] = "6000" });
        Assert.Equal(0, CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "source", "--municipality", "GM0344", "--notubiz", "686").Exit);

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
        }

        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.NotNull(source.FailingSince);
        Assert.Equal($"127.0.0.1:{server.Port}: 404 Not Found", source.LastError.En);
    }

    [Theory]
    [InlineData("2019-01-14 19:30:00", "2019-01-14", "2019-01-14T18:30:00Z")]
    [InlineData("2025-01-14T19:30:00+01:00", "2025-01-14", "2025-01-14T18:30:00Z")]
    // Late in the evening in UTC is already the next day in Amsterdam.
    [InlineData("2025-06-30T23:30:00+00:00", "2025-07-01", "2025-06-30T23:30:00Z")]
    public void TryStart_ReadsBothFormsNotubizSends(string text, string date, string instant)
    {
        Assert.True(NotubizReader.TryStart(text, out var day, out var start));
        Assert.Equal((date, instant), (day.ToString("yyyy-MM-dd", null), start.ToString()));
    }

    private static System.Collections.Specialized.NameValueCollection Query(string path) => System.Web.HttpUtility.ParseQueryString(path[(path.IndexOf('?') + 1)..]);
}
