using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Storage;
using Timing.Tests.Web;

namespace Timing.Tests.Feeds;

/// <summary>
/// Feeds that stay still: versions live per feed scope (a municipality's public feed, an organisation's
/// view), so only what a scope publishes moves its events, by exactly one SEQUENCE. Through the running service.
/// </summary>
[Trait("Needs", "ical-parsers")]
public partial class FeedVersionTests
{
    private static readonly Uri Utrecht = new("/feeds/GM0344.ics", UriKind.Relative);

    [Fact]
    public async Task PublicFeed_StaysByteIdentical_ThroughAnotherOrganisationsEdit_ADayChange_APlanRun_AndARestart()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        string databasePath;
        byte[] original;
        EntityTagHeaderValue etag;
        DateTimeOffset? lastModified;
        await using (var first = new TimingFactory(clock: clock))
        {
            databasePath = first.DatabasePath;
            var anonymous = first.CreateClient();
            var response = await anonymous.GetAsync(Utrecht);
            (original, etag, lastModified) = (await response.Content.ReadAsByteArrayAsync(), response.Headers.ETag!, response.Content.Headers.LastModified);

            // Another organisation enters a real date for Utrecht: its own feed moves, the public one does not.
            clock.AdvanceHours(1);
            var (director, personal) = await FollowUtrechtAsync(first, "d@andere.nl", "Andere organisatie");
            var theirs = await director.GetStringAsync(personal);
            await EnterAgreementAsync(director, "2030-06-12");
            Assert.NotEqual(theirs, await director.GetStringAsync(personal));
            await AssertUnchangedAsync(anonymous, original, etag, lastModified);

            // The next day, and the day after.
            clock.AdvanceDays(1);
            await AssertUnchangedAsync(anonymous, original, etag, lastModified);
            clock.AdvanceDays(1);
            await AssertUnchangedAsync(anonymous, original, etag, lastModified);

            // `timing plan` on the service's database prints the same body and writes nothing.
            var rowsBefore = await VersionRowsAsync(first);
            var (exit, output, error) = Cli.CliRunner.Run(PlanSettings(databasePath), "plan", "-m", "GM0344", "--format", "ics");
            Assert.True(exit == 0, error);
            Assert.Equal(Encoding.UTF8.GetString(original), output);
            Assert.Equal(rowsBefore, await VersionRowsAsync(first));
            await AssertUnchangedAsync(anonymous, original, etag, lastModified);
        }

        clock.AdvanceHours(3);
        await using var restarted = new TimingFactory(databasePath, clock);
        await AssertUnchangedAsync(restarted.CreateClient(), original, etag, lastModified);
    }

    [Fact]
    public async Task OwnEdit_MovesOnlyItsOwnFeed_OnlyTheChangedEvents_ByExactlyOneSequence()
    {
        await using var factory = new TimingFactory();
        var anonymous = factory.CreateClient();
        var publicBefore = await anonymous.GetByteArrayAsync(Utrecht);
        var (a, aFeed) = await FollowUtrechtAsync(factory, "d@eerste.nl", "Eerste organisatie");
        var (b, bFeed) = await FollowUtrechtAsync(factory, "d@tweede.nl", "Tweede organisatie");
        var aBefore = await a.GetStringAsync(aFeed);
        var bBefore = await b.GetByteArrayAsync(bFeed);
        // Personal feeds keep linking to the signed-in pages; the public feed links to pages anyone can open.
        Assert.Contains("URL:https://timing.test/gemeenten/GM0344/momenten/", aBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("/openbaar/", aBefore, StringComparison.Ordinal);
        Assert.Contains("URL:https://timing.test/openbaar/gemeenten/GM0344/momenten/", Encoding.UTF8.GetString(publicBefore), StringComparison.Ordinal);

        factory.Clock.AdvanceHours(2);
        await EnterAgreementAsync(a, "2030-06-12");
        var aAfter = await a.GetStringAsync(aFeed);

        var before = Events(aBefore);
        var after = Events(aAfter);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = 0;
        foreach (var (uid, old) in before)
        {
            var now = after[uid];
            if (Content(old) == Content(now))
            {
                Assert.Equal(old, now);
                continue;
            }
            changed++;
            Assert.Equal(Field(old, "SEQUENCE") + 1, Field(now, "SEQUENCE"));
            Assert.Equal("20261122T110000Z", Line(now, "DTSTAMP"));
            Assert.Equal("20261122T110000Z", Line(now, "LAST-MODIFIED"));
        }
        Assert.Contains("DTSTART;VALUE=DATE:20300612", after["GM0344.coalition-agreement.2030@timing.test"], StringComparison.Ordinal);
        Assert.InRange(changed, 1, before.Count / 4);
        // The feed's Last-Modified is when its content last changed: the edit, not the request (said a second early,
        // so it never follows the Date Kestrel prepared within that second).
        factory.Clock.AdvanceHours(1);
        var headers = await a.GetAsync(aFeed);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 59, 59, TimeSpan.Zero), headers.Content.Headers.LastModified);

        // Nothing moved anywhere else, and asking again moves nothing more.
        Assert.Equal(bBefore, await b.GetByteArrayAsync(bFeed));
        Assert.Equal(publicBefore, await anonymous.GetByteArrayAsync(Utrecht));
        factory.Clock.AdvanceDays(1);
        Assert.Equal(aAfter, await a.GetStringAsync(aFeed));
        IndependentParsers.Both(Encoding.UTF8.GetBytes(aAfter));
    }

    [Fact]
    public async Task VersionRows_AreOnePerScopeAndEvent_NotPerDayOrFilter()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        await client.GetByteArrayAsync(Utrecht);
        var rows = await VersionRowsAsync(factory);
        foreach (var query in new[] { "?lang=en", "?audience=finance", "?kinds=election", "?audience=parties&kinds=election,result&lang=en" })
        {
            await client.GetByteArrayAsync(new Uri(Utrecht + query, UriKind.Relative));
            factory.Clock.AdvanceDays(3);
        }
        Assert.Equal(rows, await VersionRowsAsync(factory));
        Assert.All(rows, r => Assert.StartsWith("public:GM0344|", r, StringComparison.Ordinal));
        // One row per event of the feed, and one for the feed's set of events.
        var uids = Events(await client.GetStringAsync(Utrecht)).Keys.ToHashSet();
        Assert.Equal(uids.Count + 1, rows.Count);
    }

    [Fact]
    public async Task EventsThatLeaveTheHorizon_AreMarkedGone_AndForgottenTwoYearsLater()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var early = Events(await client.GetStringAsync(Utrecht)).Keys.ToHashSet();
        // In January 2028 the horizon starts on 1 January 2027: the 2026 election has left it.
        factory.Clock.AdvanceDays(420);
        var later = Events(await client.GetStringAsync(Utrecht)).Keys.ToHashSet();
        Assert.Contains("GM0344.election.2026@timing.test", early);
        Assert.DoesNotContain("GM0344.election.2026@timing.test", later);
        const string Election2026 = "public:GM0344|GM0344.election.2026@timing.test|";
        var rows = await VersionRowsAsync(factory);
        var gone = rows.Where(r => r.Split('|')[2] == "-").ToList();
        Assert.Contains(gone, r => r.StartsWith(Election2026, StringComparison.Ordinal));
        Assert.Equal(later.Count + 1 + gone.Count, rows.Count);

        // Two years on, the feed has moved on again and the rows of what left long ago are gone: no growth with the years.
        factory.Clock.AdvanceDays(2 * 366);
        await client.GetStringAsync(Utrecht);
        Assert.DoesNotContain(await VersionRowsAsync(factory), r => r.StartsWith(Election2026, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_WithoutADatabase_PrintsSequenceZero_AndCreatesNothing()
    {
        var folder = TestPaths.NewScratchDirectory();
        var database = Path.Combine(folder, "data", "timing.db");
        var (exit, output, error) = Cli.CliRunner.Run(PlanSettings(database), "plan", "-m", "GM0344", "--format", "ics");
        Assert.True(exit == 0, error);
        Assert.Contains("SEQUENCE:0\r\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split("\r\n"), l => l.StartsWith("SEQUENCE:", StringComparison.Ordinal) && l != "SEQUENCE:0");
        Assert.False(Directory.Exists(Path.GetDirectoryName(database)), "timing plan created the database folder");
        foreach (var format in new[] { "table", "json" })
        {
            Assert.Equal(0, Cli.CliRunner.Run(PlanSettings(database), "plan", "-m", "GM0344", "--format", format).Exit);
        }
        Assert.False(File.Exists(database));
        Directory.Delete(folder, true);
    }

    private static Dictionary<string, string?> PlanSettings(string databasePath) => new()
    {
        ["Storage:SqlitePath"] = databasePath,
        ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
        ["Timing:ConfigDirectory"] = TestPaths.ConfigDirectory,
        ["Feeds:UidHost"] = "timing.test",
        ["Feeds:BaseUrl"] = "https://timing.test",
    };

    private static async Task AssertUnchangedAsync(HttpClient client, byte[] body, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var response = await client.GetAsync(Utrecht);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Equal(lastModified, response.Content.Headers.LastModified);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, Utrecht);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    private static async Task<List<string>> VersionRowsAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<TimingDbContext>().FeedVersions.AsNoTracking().ToListAsync();
        return rows.Select(r => $"{r.Scope}|{r.Uid}|{r.Fingerprint}|{r.Sequence}|{r.Modified}").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A director who signs in, follows Utrecht and makes a personal feed address.</summary>
    private static async Task<(HttpClient Client, Uri Feed)> FollowUtrechtAsync(TimingFactory factory, string email, string organisation)
    {
        await factory.CreateDirectorAsync(email, organisation);
        var client = factory.Client();
        await client.SignInAsync(factory, email);
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "Utrecht" });
        var address = await client.MakeFeedAsync();
        return (client, new Uri(new Uri(address).PathAndQuery, UriKind.Relative));
    }

    private static async Task EnterAgreementAsync(HttpClient director, string date)
    {
        var detail = await director.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        var saved = await director.PostFormAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "coalition-agreement", ["Date"] = date });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>Each VEVENT of a feed by UID, with folded lines joined.</summary>
    public static Dictionary<string, string> Events(string ics)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        return unfolded.Split("BEGIN:VEVENT\r\n").Skip(1)
            .Select(e => e[..e.IndexOf("END:VEVENT", StringComparison.Ordinal)])
            .ToDictionary(e => Line(e, "UID"), e => e);
    }

    private static string Line(string ev, string name) =>
        ev.Split("\r\n").First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..];

    private static int Field(string ev, string name) => int.Parse(Line(ev, name), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What an event says, without its version stamps.</summary>
    private static string Content(string ev) => string.Join("\r\n", ev.Split("\r\n")
        .Where(l => !l.StartsWith("SEQUENCE:", StringComparison.Ordinal) && !l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && !l.StartsWith("LAST-MODIFIED:", StringComparison.Ordinal)));
}
