using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Core.Cycle;
using Timing.Feeds;
using Timing.Storage;
using Timing.Tests.Worker;

namespace Timing.Tests.Feeds;

/// <summary>
/// A personal feed reads the same query as the public feed (audience, kinds, arena, meetings, lang), and the query only
/// narrows what the person has chosen. Through the running service, read back by the independent parsers.
/// </summary>
[Trait("Needs", "ical-parsers")]
public class PersonalFeedTests
{
    /// <summary>An organisation following Utrecht with Ada (Dutch, every audience) and Bo (English, finance only).</summary>
    private static async Task<(HttpClient Client, string Ada, string Bo)> AdaAndBoAsync(TimingFactory factory)
    {
        await factory.SeedAsync(("ada@org.nl", Language.Nl, ""), ("bo@org.nl", Language.En, "finance"));
        return (factory.CreateClient(), await FeedAddressAsync(factory, "ada@org.nl"), await FeedAddressAsync(factory, "bo@org.nl"));
    }

    /// <summary>A personal feed address for someone already stored, as <c>Mijn agenda-feed</c> would make it.</summary>
    public static async Task<string> FeedAddressAsync(TimingFactory factory, string email)
    {
        var token = Timing.Web.Secrets.NewToken();
        await factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Email == email);
            db.FeedTokens.Add(new FeedToken { PersonId = person.Id, Hash = Timing.Web.Secrets.Hash(token) });
            return await db.SaveChangesAsync();
        });
        return $"/feeds/p/{token}.ics";
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string url) => await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));

    private static string[] Uids(JsonElement parsed) => parsed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()!).ToArray();

    [Fact]
    public async Task Audience_NarrowsThePersonsOwnAudiences_AndNeverWidensThem()
    {
        await using var factory = new TimingFactory();
        var (client, ada, bo) = await AdaAndBoAsync(factory);
        var everything = Uids(IndependentParsers.IcalJs(await GetAsync(client, ada)));
        var finance = Uids(IndependentParsers.IcalJs(await GetAsync(client, ada + "?audience=finance")));
        Assert.Contains("GM0344.budget-day.2027@timing.test", finance);
        Assert.DoesNotContain("GM0344.election.2030@timing.test", finance);
        Assert.True(finance.Length < everything.Length, $"{finance.Length} of {everything.Length} events");
        Assert.Empty(finance.Except(everything));

        // Bo follows finance only: asking for more audiences gives his own feed, not the organisation's whole view.
        Assert.Equal(await GetAsync(client, bo), await GetAsync(client, bo + "?audience=finance,parties,councillors"));
        Assert.Equal(finance, Uids(IndependentParsers.IcalJs(await GetAsync(client, bo))));
    }

    [Fact]
    public async Task Audience_ThePersonDoesNotFollow_GivesTheNothingMatchesCalendar_NotOthersEvents()
    {
        await using var factory = new TimingFactory();
        var (client, _, bo) = await AdaAndBoAsync(factory);
        var (python, js) = IndependentParsers.Both(await GetAsync(client, bo + "?audience=parties"));
        var only = Assert.Single(js.GetProperty("events").EnumerateArray());
        Assert.True(only.GetProperty("allDay").GetBoolean());
        Assert.Equal("No moments (filter)", only.GetProperty("summary").GetString());
        Assert.Contains("you do not follow audience parties", only.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Single(python.GetProperty("events").EnumerateArray());

        var dutch = Assert.Single(IndependentParsers.IcalJs(await GetAsync(client, bo + "?audience=parties,councillors&lang=nl")).GetProperty("events").EnumerateArray());
        Assert.Contains("u volgt doelgroep raadsleden, partijen niet", dutch.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KindsArenaAndLang_NarrowThePersonalFeed()
    {
        await using var factory = new TimingFactory();
        var (client, ada, bo) = await AdaAndBoAsync(factory);
        Assert.Equal(
            ["GM0344.election.2026@timing.test", "GM0344.installation.2026@timing.test", "GM0344.election.2030@timing.test", "GM0344.installation.2030@timing.test"],
            Uids(IndependentParsers.IcalJs(await GetAsync(client, ada + "?kinds=election,installation"))));

        // The horizon from 22 November 2026 holds the provincial and water-board elections of 17 March 2027.
        Assert.Contains("GM0344.provincial-election.2027@timing.test", Uids(IndependentParsers.IcalJs(await GetAsync(client, ada))));
        var municipal = Uids(IndependentParsers.IcalJs(await GetAsync(client, ada + "?arena=municipal")));
        Assert.DoesNotContain(municipal, uid => TestPaths.Rules.ArenaMoments.Select(m => m.Kind).Any(k => uid.Contains($".{k}.", StringComparison.Ordinal)));
        Assert.Contains("GM0344.election.2030@timing.test", municipal);

        // The language is the person's unless the address names one.
        var english = IndependentParsers.IcalJs(await GetAsync(client, ada + "?lang=en"));
        Assert.Equal("Political calendar – Org", english.GetProperty("name").GetString());
        Assert.Contains(english.GetProperty("events").EnumerateArray(), e => e.GetProperty("summary").GetString() == "Budget Day");
        Assert.Equal("Political calendar – Org", IndependentParsers.IcalJs(await GetAsync(client, bo)).GetProperty("name").GetString());
        Assert.Equal("Politieke kalender – Org", IndependentParsers.IcalJs(await GetAsync(client, bo + "?lang=nl")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task BadQuery_IsRefusedWithThePublicFeedsBilingualMessage()
    {
        await using var factory = new TimingFactory();
        var (client, ada, _) = await AdaAndBoAsync(factory);
        foreach (var query in new[] { "?audience=burgers", "?audience=", "?kinds=election,verkiezing", "?arena=provincie", "?lang=de", "?meetings=1" })
        {
            var personal = await client.GetAsync(new Uri(ada + query, UriKind.Relative));
            var common = await client.GetAsync(new Uri("/feeds/GM0344.ics" + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, personal.StatusCode);
            var lines = (await personal.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("Parameter '", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("Query parameter '", lines[1], StringComparison.Ordinal);
            Assert.Equal(await common.Content.ReadAsStringAsync(), await personal.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task EachVariant_HasItsOwnETag_AndRevalidatesWith304()
    {
        await using var factory = new TimingFactory();
        var (client, ada, _) = await AdaAndBoAsync(factory);
        var tags = new List<EntityTagHeaderValue>();
        foreach (var url in new[] { ada, ada + "?arena=municipal", ada + "?lang=en", ada + "?audience=finance&kinds=budget-day" })
        {
            var first = await client.GetAsync(new Uri(url, UriKind.Relative));
            var again = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(first.Headers.ETag, again.Headers.ETag);
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
            Assert.True(first.Headers.CacheControl!.Private, url);
            foreach (var (tag, status) in tags.Select(t => (t, HttpStatusCode.OK)).Append((first.Headers.ETag!, HttpStatusCode.NotModified)))
            {
                using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                conditional.Headers.IfNoneMatch.Add(tag);
                Assert.Equal(status, (await client.SendAsync(conditional)).StatusCode);
            }
            tags.Add(first.Headers.ETag!);
        }
    }

    [Fact]
    public async Task FilteredViews_ShareTheOrganisationsVersions_AndManyDistinctQueriesAddNoRows()
    {
        const long budget = 1024 * 1024;
        await using var factory = new TimingFactory(settings: new() { ["Feeds:CacheBytes"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var (client, ada, _) = await AdaAndBoAsync(factory);
        await GetAsync(client, ada + "?meetings=yes");

        // The organisation enters the real date of the 2030 coalition agreement: its event moves to SEQUENCE 1.
        factory.Clock.AdvanceHours(1);
        await factory.WithDbAsync(async db =>
        {
            var utrecht = await db.FollowedMunicipalities.SingleAsync(m => m.Code == "GM0344");
            db.Add(new ActualDateRow { FollowedMunicipalityId = utrecht.Id, Kind = "coalition-agreement", Cycle = 2030, Start = new LocalDate(2030, 6, 12), End = new LocalDate(2030, 6, 12) });
            utrecht.Version++;
            return await db.SaveChangesAsync();
        });
        const string Agreement = "GM0344.coalition-agreement.2030@timing.test";
        var filtered = FeedVersionTests.Events(System.Text.Encoding.UTF8.GetString(await GetAsync(client, ada + "?kinds=coalition-agreement&arena=municipal")));
        var whole = FeedVersionTests.Events(System.Text.Encoding.UTF8.GetString(await GetAsync(client, ada)));
        Assert.Contains("SEQUENCE:1\r\n", whole[Agreement], StringComparison.Ordinal);
        Assert.All(filtered, e => Assert.Equal(whole[e.Key], e.Value));
        var rows = await RowCountAsync(factory);

        var cache = factory.Services.GetRequiredService<FeedCache>();
        var kinds = TestPaths.Rules.Moments.Select(m => m.Kind).ToArray();
        var queries = (from kind in kinds
                       from audience in new[] { "", "&audience=finance", "&audience=parties,councillors" }
                       from rest in new[] { "", "&lang=en", "&arena=municipal", "&meetings=yes" }
                       select $"?kinds={kind}{audience}{rest}").ToArray();
        Assert.Equal(queries.Length, queries.Distinct().Count());
        foreach (var query in queries)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(ada + query, UriKind.Relative))).StatusCode);
            Assert.True(cache.Bytes <= budget, $"{cache.Bytes} bytes cached, budget {budget}");
        }
        Assert.Equal(rows, await RowCountAsync(factory));
    }

    private static Task<int> RowCountAsync(TimingFactory factory) => factory.WithDbAsync(db => db.FeedVersions.CountAsync());
}
