using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests.Worker;
using Xunit.Abstractions;

namespace Timing.Tests.Meetings;

/// <summary>
/// Hostile sources served by a local server, read in one run of the job beside well-behaved ones: none of them hurts the
/// instance, each failure is recorded, the others are read, and the public page shows none of their secrets. Measures
/// the managed memory the run allocates, so alone.
/// </summary>
[Collection(AloneCollection.Name)]
public class SourceSafetyTests(ITestOutputHelper output)
{
    private static readonly Instant Now = Instant.FromUtc(2027, 10, 1, 7, 0);

    /// <summary>
    /// What one run may allocate in all, for all six sources together. Without the limits the gzip alone unpacked to
    /// 256 MB and the large calendar was parsed whole (gigabytes); with them a run allocates a little over half of this (344 MB when measured).
    /// </summary>
    private const long AllocationBound = 600L * 1024 * 1024;

    [Fact]
    public async Task Run_SurvivesAGzipBombAHugeCalendarAFileRedirectALoopbackRedirectAndAnImpossibleDate_AndRecordsEach()
    {
        using var server = new RecordedServer();
        // Packed before the measurement starts: only what the service does with them counts.
        var bomb = Gzipped(new byte[256 * 1024 * 1024], "text/calendar");
        var huge = Gzipped(Encoding.UTF8.GetBytes(Calendar(200_000)), "text/calendar");
        server.Route("/bomb.ics", _ => bomb);
        server.Route("/huge.ics", _ => huge);
        server.Route("/file.ics", _ => new RecordedServer.Answer(302, Headers: new Dictionary<string, string> { ["Location"] = "file:///etc/passwd" }));
        server.Route("/loop.ics", _ => new RecordedServer.Answer(302, Headers: new Dictionary<string, string> { ["Location"] = server.Url("/feb.ics") }));
        server.Route("/feb.ics", _ => new RecordedServer.Answer(200, """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Gemeente//Vergaderkalender//NL
            X-WR-CALNAME:Gemeenteraad
            BEGIN:VEVENT
            UID:a
            DTSTAMP:20270901T080000Z
            DTSTART:20271104T190000Z
            SUMMARY:Raad{RLO}vergadering{ESC}[2J
            END:VEVENT
            BEGIN:VEVENT
            UID:b
            DTSTAMP:20270901T080000Z
            DTSTART:20270231T190000Z
            SUMMARY:Vergadering op een dag die niet bestaat
            END:VEVENT
            BEGIN:VEVENT
            UID:c
            DTSTAMP:20270901T080000Z
            DTSTART:20271111T190000Z
            SUMMARY:Commissie Mens en Samenleving
            CATEGORIES:Commissie Mens en Samenleving
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("{RLO}", "\u202E", StringComparison.Ordinal).Replace("{ESC}", "\u001b", StringComparison.Ordinal), "text/calendar"));
        server.Route("/page.ics", _ => new RecordedServer.Answer(200, "<html><body>GEHEIME-REGEL uit het antwoord</body></html>", "text/html"));
        var port = server.Port;
        var sources = new Dictionary<string, string>
        {
            ["GM0014"] = $"http://beheer:geheim-wachtwoord@127.0.0.1:{port}/bomb.ics",
            ["GM0344"] = server.Url("/huge.ics"),
            ["GM0363"] = server.Url("/file.ics"),
            ["GM0518"] = server.Url("/feb.ics?apikey=sleutel-123"),
            ["GM0599"] = server.Url("/page.ics"),
            ["GM0772"] = server.Url("/loop.ics"),
        };
        await using var factory = new TimingFactory(clock: new FakeClock(Now), settings: new() { ["Meetings:HostUnitsPerMinute"] = "6000" });
        await factory.WithDbAsync(async db =>
        {
            db.MeetingSources.AddRange(sources.Select(s => new MeetingSource { Code = s.Key, Kind = MeetingSourceKinds.Ical, Address = s.Value, NextFetch = Now }));
            return await db.SaveChangesAsync();
        });

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"allocated by the run: {allocated / 1024 / 1024} MB");
        Assert.True(allocated < AllocationBound, $"the run allocated {allocated / 1024 / 1024} MB; the bound is {AllocationBound / 1024 / 1024} MB");

        var rows = await factory.WithDbAsync(db => db.MeetingSources.AsNoTracking().ToDictionaryAsync(s => s.Code));
        Assert.All(rows.Values, s => Assert.Equal(Now, s.LastAttempt));
        Assert.Equal($"127.0.0.1:{port}: the answer is larger than 20 MB; Timing does not read it (settings Meetings:MaxBodyBytes / Meetings:MaxDecompressedBytes).", rows["GM0014"].LastError.En);
        Assert.Equal($"127.0.0.1:{port} redirects to an address that is not http(s) (file:); Timing does not follow it.", rows["GM0363"].LastError.En);
        Assert.Equal($"127.0.0.1:{port} redirects to a loopback or private address (127.0.0.1:{port}); Timing does not follow it.", rows["GM0772"].LastError.En);
        Assert.Equal($"127.0.0.1:{port}: the answer is not an iCalendar file (it does not start with BEGIN:VCALENDAR).", rows["GM0599"].LastError.En);
        Assert.All(new[] { "GM0014", "GM0363", "GM0599", "GM0772" }, code => Assert.NotNull(rows[code].FailingSince));

        // The huge calendar is read up to the cap, and what it left out is counted.
        Assert.Equal((2000, (Instant?)Now, ""), (rows["GM0344"].MeetingsSeen, rows["GM0344"].LastSuccess, rows["GM0344"].LastError.En));
        Assert.Equal("198000 meetings beyond the cap of 2000 per read left out (Meetings:MaxMeetingsPerRead)", rows["GM0344"].LastWarnings.En);

        // One impossible date skips one event, not the calendar; the calendar's name is the committee where CATEGORIES is missing;
        // control and bidi-override characters are gone from the title (what an escape sequence leaves is plain text).
        var february = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Code == "GM0518").OrderBy(m => m.Date).ToListAsync());
        Assert.Equal([("Raadvergadering[2J", "Gemeenteraad"), ("Commissie Mens en Samenleving", "Commissie Mens en Samenleving")], february.Select(m => (m.Title, m.Committee)));
        Assert.Equal("1 event skipped: cannot be read (an impossible date, for instance)", rows["GM0518"].LastWarnings.En);

        using var client = factory.CreateClient();
        foreach (var code in sources.Keys)
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gemeenten/{code}/openbaar", UriKind.Relative)));
            Assert.Contains($"127.0.0.1:{port}", page, StringComparison.Ordinal);
            foreach (var secret in new[] { "geheim-wachtwoord", "sleutel-123", "GEHEIME-REGEL", "/bomb.ics", "\u202E", "\u001b" })
            {
                Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            }
        }
    }

    private static RecordedServer.Answer Gzipped(byte[] body, string contentType)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }
        return new RecordedServer.Answer(200, ContentType: contentType, Bytes: packed.ToArray(), Headers: new Dictionary<string, string> { ["Content-Encoding"] = "gzip" });
    }

    private static string Calendar(int events)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Groot//NL\r\n");
        for (var i = 0; i < events; i++)
        {
            // About 17 MB in all: under the 20 MB unpacked limit, so the cap on meetings is what bounds it.
            text.Append("BEGIN:VEVENT\r\nUID:e").Append(i).Append("\r\nDTSTART:20271105T190000Z\r\nSUMMARY:Raad ").Append(i).Append("\r\nEND:VEVENT\r\n");
        }
        return text.Append("END:VCALENDAR\r\n").ToString();
    }
}

/// <summary>A source whose reader throws never stops the others, and its failure is recorded.</summary>
public class SourceIsolationTests
{
    private sealed class ThrowingReader : IMeetingSourceReader
    {
        public string Kind => MeetingSourceKinds.Notubiz;

        public Task<FetchResult> FetchAsync(MeetingSourceRead read, CancellationToken cancellationToken) => throw new InvalidOperationException("a reader bug");
    }

    [Fact]
    public async Task Run_RecordsAThrowingSourceAsFailing_AndStillReadsTheNextOne()
    {
        using var server = new RecordedServer();
        server.Serve("/cal.ics", File.ReadAllText(Recorded.CouncilIcs), "text/calendar");
        var now = Instant.FromUtc(2027, 10, 1, 7, 0);
        await using var factory = new TimingFactory(clock: new FakeClock(now), settings: new() { ["Meetings:HostUnitsPerMinute"] = "6000" },
            configure: web => web.ConfigureTestServices(services => services.AddSingleton<IMeetingSourceReader>(new ThrowingReader())));
        await factory.WithDbAsync(async db =>
        {
            db.MeetingSources.Add(new MeetingSource { Code = "GM0344", Kind = MeetingSourceKinds.Notubiz, Address = "686", NextFetch = now });
            db.MeetingSources.Add(new MeetingSource { Code = "GM0363", Kind = MeetingSourceKinds.Ical, Address = server.Url("/cal.ics"), NextFetch = now });
            return await db.SaveChangesAsync();
        });

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
        }

        var rows = await factory.WithDbAsync(db => db.MeetingSources.AsNoTracking().ToDictionaryAsync(s => s.Code));
        Assert.Equal(("reading the source failed unexpectedly (InvalidOperationException)", (Instant?)now), (rows["GM0344"].LastError.En, rows["GM0344"].FailingSince));
        Assert.Equal((Instant?)now, rows["GM0363"].LastSuccess);
        Assert.Equal(11, await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.Code == "GM0363")));
    }
}
