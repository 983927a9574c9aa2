using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Feeds;

namespace Timing.Tests.Feeds;

[Trait("Needs", "ical-parsers")]
public class FeedEndpointTests
{
    private static readonly Uri Utrecht = new("/feeds/GM0344.ics", UriKind.Relative);

    [Fact]
    public async Task Get_ServesCalendarWithValidators()
    {
        await using var factory = new TimingFactory();
        var response = await factory.CreateClient().GetAsync(Utrecht);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(TimeSpan.FromSeconds(900), response.Headers.CacheControl!.MaxAge);
        Assert.True(response.Headers.CacheControl.Public);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Politieke kalender – Gemeente Utrecht\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Twice_GivesIdenticalBytes_AndRevalidatesWith304()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var first = await client.GetAsync(Utrecht);
        var second = await client.GetAsync(Utrecht);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Utrecht);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, Utrecht);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, Utrecht);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Revalidation_WithThePlainTag_WhileAcceptingGzip_Answers304WithTheTagTheClientHolds()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var plain = (await client.GetAsync(Utrecht)).Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, Utrecht);
        conditional.Headers.IfNoneMatch.Add(plain);
        conditional.Headers.AcceptEncoding.ParseAdd("gzip");
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(plain, notModified.Headers.ETag);
    }

    [Fact]
    public async Task RepeatRequest_ForUnchangedData_DoesNotRenderAgain()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var feeds = factory.Services.GetRequiredService<FeedService>();
        await client.GetByteArrayAsync(Utrecht);
        var afterFirst = feeds.Renders;
        await client.GetByteArrayAsync(Utrecht);
        await client.GetByteArrayAsync(Utrecht);
        Assert.Equal(afterFirst, feeds.Renders);
        // The horizon is whole calendar years: the next day gives the same feed, without rendering.
        factory.Clock.AdvanceDays(1);
        await client.GetByteArrayAsync(Utrecht);
        Assert.Equal(afterFirst, feeds.Renders);
    }

    [Fact]
    public async Task Head_SendsHeadersWithoutBody()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var get = await client.GetAsync(Utrecht);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Utrecht));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Restart_OnTheSameDatabase_GivesIdenticalBytes()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        byte[] before;
        string databasePath;
        await using (var first = new TimingFactory(clock: clock))
        {
            before = await first.CreateClient().GetByteArrayAsync(Utrecht);
            databasePath = first.DatabasePath;
        }
        clock.AdvanceHours(5);
        await using var second = new TimingFactory(databasePath, clock);
        Assert.Equal(before, await second.CreateClient().GetByteArrayAsync(Utrecht));
    }

    [Fact]
    public async Task ChangedRules_RaiseSequenceOfTheMovedEventsOnly()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        string databasePath;
        await using (var first = new TimingFactory(clock: clock))
        {
            await first.CreateClient().GetByteArrayAsync(Utrecht);
            databasePath = first.DatabasePath;
        }
        // A later release moves the typical median of the coalition agreement from E+65 to E+70.
        var config = Cli.CheckConfigCommandTests.CopyConfig(c =>
            c["moments"]!.AsArray().Single(m => m!["kind"]!.GetValue<string>() == "coalition-agreement")!["estimate"]!["median"] = "P70D");
        clock.AdvanceHours(1);
        await using var second = new TimingFactory(databasePath, clock, new() { ["Timing:ConfigDirectory"] = config });
        var events = IndependentParsers.Python(await second.CreateClient().GetByteArrayAsync(Utrecht)).GetProperty("events").EnumerateArray().ToArray();

        var agreement = events.Single(e => e.GetProperty("uid").GetString() == "GM0344.coalition-agreement.2030@timing.test");
        Assert.Equal(1, agreement.GetProperty("sequence").GetInt32());
        var election = events.Single(e => e.GetProperty("uid").GetString() == "GM0344.election.2030@timing.test");
        Assert.Equal(0, election.GetProperty("sequence").GetInt32());
        Directory.Delete(config, true);
    }

    [Theory]
    [InlineData("/feeds/GM34.ics", HttpStatusCode.NotFound, "'GM34' is geen gemeentecode (verwacht: GM en vier cijfers, bijvoorbeeld GM0344).",
        "'GM34' is not a municipality code (expected GM followed by four digits, e.g. GM0344).")]
    [InlineData("/feeds/GM9999.ics", HttpStatusCode.NotFound, "Onbekende gemeente GM9999: deze code staat niet in de gemeentelijst.",
        "Unknown municipality GM9999: it is not in the municipality list.")]
    [InlineData("/feeds/GM0344.ics?audience=burgers", HttpStatusCode.BadRequest,
        "Parameter 'audience': 'burgers' kennen we niet; verwacht een lijst, gescheiden door komma's, uit: parties, candidates, councillors, negotiators, college, civil-servants, finance, partners.",
        "Query parameter 'audience': 'burgers' is unknown; expected a comma-separated list of: parties, candidates, councillors, negotiators, college, civil-servants, finance, partners.")]
    [InlineData("/feeds/GM0344.ics?kinds=election,verkiezing", HttpStatusCode.BadRequest,
        "Parameter 'kinds': 'verkiezing' kennen we niet; verwacht een lijst, gescheiden door komma's, uit: party-preparation,",
        "Query parameter 'kinds': 'verkiezing' is unknown; expected a comma-separated list of: party-preparation,")]
    [InlineData("/feeds/GM0344.ics?arena=provincie", HttpStatusCode.BadRequest,
        "Parameter 'arena': 'provincie' kennen we niet; gebruik municipal (alleen de eigen cyclus van de gemeente) of all.",
        "Query parameter 'arena': 'provincie' is not supported; use municipal (only the municipality's own cycle) or all.")]
    [InlineData("/feeds/GM0344.ics?lang=de", HttpStatusCode.BadRequest, "Parameter 'lang': 'de' kennen we niet; gebruik nl of en.",
        "Query parameter 'lang': 'de' is not supported; use nl or en.")]
    // What the caller typed is repeated without control characters and cut at 40 characters.
    [InlineData("/feeds/GM0344.ics?arena=a%0D%0Ab%1B%5B31m", HttpStatusCode.BadRequest, "Parameter 'arena': 'a\uFFFD\uFFFDb\uFFFD[31m' kennen we niet;",
        "Query parameter 'arena': 'a\uFFFD\uFFFDb\uFFFD[31m' is not supported;")]
    [InlineData("/feeds/GM%0A34.ics", HttpStatusCode.NotFound, "'GM\uFFFD34' is geen gemeentecode", "'GM\uFFFD34' is not a municipality code")]
    [InlineData("/feeds/GM0344.ics?audience=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", HttpStatusCode.BadRequest,
        "Parameter 'audience': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' kennen we niet;", "Query parameter 'audience': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is unknown;")]
    public async Task BadRequests_SayWhatIsWrongInOneLineInDutchThenOneInEnglish(string url, HttpStatusCode status, string dutch, string english)
    {
        await using var factory = new TimingFactory();
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(dutch, lines[0], StringComparison.Ordinal);
        Assert.StartsWith(english, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_FiltersByAudienceAndKindAndLanguage()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var finance = IndependentParsers.IcalJs(await client.GetByteArrayAsync(new Uri("/feeds/GM0344.ics?audience=finance&lang=en", UriKind.Relative)));
        var summaries = finance.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("summary").GetString()!).ToArray();
        Assert.Contains("Budget Day", summaries);
        Assert.DoesNotContain(summaries, s => s.Contains("election", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Political calendar – Municipality of Utrecht", finance.GetProperty("name").GetString());

        var elections = IndependentParsers.IcalJs(await client.GetByteArrayAsync(new Uri("/feeds/GM0344.ics?kinds=election,installation", UriKind.Relative)));
        // The horizon (12 months back, 5 years ahead of 22 November 2026) holds the 2026 and 2030 elections.
        Assert.Equal(
            ["GM0344.election.2026@timing.test", "GM0344.installation.2026@timing.test", "GM0344.election.2030@timing.test", "GM0344.installation.2030@timing.test"],
            elections.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()!).ToArray());
        Assert.Equal("Raadsverkiezingen", elections.GetProperty("events")[0].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Query_ArenaMunicipal_LeavesOutOtherElections()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        string[] Uids(string url) => IndependentParsers.IcalJs(client.GetByteArrayAsync(new Uri(url, UriKind.Relative)).GetAwaiter().GetResult())
            .GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()!).ToArray();
        // The horizon from 22 November 2026 holds the provincial and water-board elections of 17 March 2027.
        var all = Uids("/feeds/GM0344.ics");
        Assert.Contains("GM0344.provincial-election.2027@timing.test", all);
        var parties = Uids("/feeds/GM0344.ics?kinds=provincial-election,water-board-election&audience=parties");
        Assert.Contains("GM0344.water-board-election.2027@timing.test", parties);
        var municipal = Uids("/feeds/GM0344.ics?arena=municipal");
        Assert.DoesNotContain(municipal, uid => TestPaths.Rules.ArenaMoments.Select(m => m.Kind).Any(k => uid.Contains($".{k}.", StringComparison.Ordinal)));
        Assert.Contains("GM0344.election.2030@timing.test", municipal);
    }

    [Fact]
    public async Task EveryFeed_IsAcceptedByBothIndependentParsers()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        foreach (var url in new[] { "/feeds/GM0344.ics", "/feeds/GM0344.ics?lang=en", "/feeds/GM0363.ics?audience=councillors", "/feeds/GM1992.ics" })
        {
            var ics = await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
            var (python, js) = IndependentParsers.Both(ics);
            Assert.True(python.GetProperty("events").GetArrayLength() > 10, url);
            Assert.All(js.GetProperty("events").EnumerateArray(), e => Assert.True(e.GetProperty("allDay").GetBoolean()));
        }
    }

    [Fact]
    public async Task Feed_IsPublished_WithoutAlarmsOrRecurrence_AndNoBom()
    {
        await using var factory = new TimingFactory();
        var bytes = await factory.CreateClient().GetByteArrayAsync(Utrecht);
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\r\nMETHOD:PUBLISH\r\n", text, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "BEGIN:VALARM", "RRULE", "METHOD:REQUEST", "TZID" })
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.Ordinal);
        }
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-PUBLISHED-TTL:PT12H\r\n", text, StringComparison.Ordinal);
    }
}
