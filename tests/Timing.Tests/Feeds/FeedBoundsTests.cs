using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timing.Core.Cycle;
using Timing.Feeds;
using Timing.Storage;

namespace Timing.Tests.Feeds;

/// <summary>What an anonymous caller can vary stays bounded; the bytes follow the standards and are sent compressed.</summary>
[Trait("Needs", "ical-parsers")]
[Collection(Timing.Tests.AloneCollection.Name)]
public class FeedBoundsTests
{
    private const string Utrecht = "/feeds/GM0344.ics";

    [Fact]
    public async Task TenThousandDistinctFilters_StayWithinTheCacheBudget_AndAddNoRows()
    {
        const long budget = 4 * 1024 * 1024;
        await using var factory = new TimingFactory(settings: new() { ["Feeds:CacheBytes"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = factory.CreateClient();
        await client.GetByteArrayAsync(new Uri(Utrecht, UriKind.Relative));
        var rows = await RowCountAsync(factory);
        var cache = factory.Services.GetRequiredService<FeedCache>();

        var kinds = TestPaths.Rules.Moments.Select(m => m.Kind).ToArray();
        var queries = (from i in Enumerable.Range(0, kinds.Length)
                       from j in Enumerable.Range(i + 1, kinds.Length - i - 1)
                       from k in Enumerable.Range(j + 1, kinds.Length - j - 1)
                       from audience in new[] { "", "&audience=finance", "&audience=parties,councillors" }
                       select $"?kinds={kinds[i]},{kinds[j]},{kinds[k]}{audience}").Take(10_000).ToArray();
        Assert.Equal(10_000, queries.Distinct().Count());
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var query in queries)
        {
            var response = await client.GetAsync(new Uri(Utrecht + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(cache.Bytes <= budget, $"{cache.Bytes} bytes cached, budget {budget}");
        }
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        Assert.True(cache.Count < 10_000, "the cache never evicted");
        Assert.True(memoryAfter - memoryBefore < budget + 16 * 1024 * 1024, $"managed memory grew by {memoryAfter - memoryBefore} bytes");
        Assert.Equal(rows, await RowCountAsync(factory));
    }

    [Fact]
    public async Task SpellingsOfOneFilter_AreOneFeed()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var feeds = factory.Services.GetRequiredService<FeedService>();
        var canonical = await client.GetByteArrayAsync(new Uri(Utrecht + "?audience=councillors,finance&lang=en", UriKind.Relative));
        var renders = feeds.Renders;
        foreach (var spelling in new[] { "?lang=EN&audience=Finance,councillors,finance", "?audience=finance&audience=COUNCILLORS&lang=en", "?audience= finance , councillors &lang=en" })
        {
            Assert.Equal(canonical, await client.GetByteArrayAsync(new Uri(Utrecht + spelling, UriKind.Relative)));
        }
        // Every audience (or every kind) is no filter at all.
        var all = await client.GetByteArrayAsync(new Uri(Utrecht, UriKind.Relative));
        Assert.Equal(all, await client.GetByteArrayAsync(new Uri(Utrecht + "?audience=" + string.Join(',', TestPaths.Rules.Audiences.Select(a => a.Id).Reverse()), UriKind.Relative)));
        Assert.Equal(all, await client.GetByteArrayAsync(new Uri(Utrecht + "?kinds=" + string.Join(',', TestPaths.Rules.Moments.Select(m => m.Kind)), UriKind.Relative)));
        Assert.Equal(renders + 1, feeds.Renders);
    }

    [Fact]
    public async Task NothingMatches_IsOneAllDayEventSayingWhy_AndValidates()
    {
        await using var factory = new TimingFactory();
        var response = await factory.CreateClient().GetAsync(new Uri(Utrecht + "?kinds=budget-day&audience=parties", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (python, js) = IndependentParsers.Both(await response.Content.ReadAsByteArrayAsync());
        var only = Assert.Single(js.GetProperty("events").EnumerateArray());
        Assert.True(only.GetProperty("allDay").GetBoolean());
        Assert.Equal("Geen momenten (filter)", only.GetProperty("summary").GetString());
        Assert.Contains("geen moment past bij doelgroep partijen en soorten budget-day", only.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Single(python.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task GzipAndBrotli_WhenAsked_EachWithItsOwnETag_AndReadByBothParsers()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        var feeds = factory.Services.GetRequiredService<FeedService>();
        var plain = await client.GetAsync(new Uri(Utrecht, UriKind.Relative));
        var identity = await plain.Content.ReadAsByteArrayAsync();
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var renders = feeds.Renders;

        var tags = new HashSet<EntityTagHeaderValue> { plain.Headers.ETag! };
        foreach (var (coding, decode) in new (string, Func<Stream, Stream>)[]
                 {
                     ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
                     ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
                 })
        {
            var response = await Get(client, coding);
            Assert.Equal(coding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.True(body.Length < identity.Length / 5, $"{coding}: {body.Length} of {identity.Length} bytes");
            using (var decoded = new MemoryStream())
            {
                await using (var stream = decode(new MemoryStream(body)))
                {
                    await stream.CopyToAsync(decoded);
                }
                Assert.Equal(identity, decoded.ToArray());
            }
            IndependentParsers.Both(body, coding);
            Assert.True(tags.Add(response.Headers.ETag!), $"{coding} shares an ETag");
            Assert.Equal(body, await (await Get(client, coding)).Content.ReadAsByteArrayAsync());

            using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(Utrecht, UriKind.Relative));
            conditional.Headers.AcceptEncoding.ParseAdd(coding);
            conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            var notModified = await client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(response.Headers.ETag, notModified.Headers.ETag);
        }
        Assert.Equal(renders, feeds.Renders);

        // Refused codings are not used; "identity" only gets the plain bytes.
        var refused = await Get(client, "gzip;q=0, br;q=0");
        Assert.Empty(refused.Content.Headers.ContentEncoding);
        Assert.Equal(identity, await refused.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task CompressedForms_AreMadeOncePerRendering()
    {
        await using var factory = new TimingFactory();
        var municipality = new Municipality(MunicipalityCode.Parse("GM0344"), "Utrecht");
        var feeds = factory.Services.GetRequiredService<FeedService>();
        var feed = await feeds.MunicipalityFeedAsync(municipality, FeedFilter.All, Language.Nl, CancellationToken.None);
        var again = await feeds.MunicipalityFeedAsync(municipality, FeedFilter.All, Language.Nl, CancellationToken.None);
        Assert.Same(feed, again);
        Assert.Same(feed.BytesFor(FeedEncoding.Gzip), again.BytesFor(FeedEncoding.Gzip));
        Assert.Same(feed.BytesFor(FeedEncoding.Brotli), again.BytesFor(FeedEncoding.Brotli));
        Assert.Equal(3, new[] { feed.ETagFor(FeedEncoding.Identity), feed.ETagFor(FeedEncoding.Gzip), feed.ETagFor(FeedEncoding.Brotli) }.Distinct().Count());
        Assert.StartsWith("BEGIN:VCALENDAR", Encoding.UTF8.GetString(feed.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void CacheBudget_DefaultsTo64MB_AndABadValueIsRefused()
    {
        Assert.Equal(64L * 1024 * 1024, new FeedOptions().CacheBytes);
        var settings = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Feeds:CacheBytes"] = "1000" }).Build();
        using var services = new ServiceCollection().AddFeeds(settings).BuildServiceProvider();
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedOptions>>().Value);
        Assert.Contains("Feeds:CacheBytes must be between 1048576 (1 MB)", error.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Utrecht, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return client.SendAsync(request);
    }

    private static async Task<int> RowCountAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TimingDbContext>().FeedVersions.CountAsync();
    }
}
