using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Rules;

namespace Timing.Feeds;

/// <summary>GET/HEAD /feeds/{code}.ics: the public feed of a municipality, with HTTP revalidation.</summary>
public static class FeedEndpoints
{
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<FeedOptions>(configuration, FeedOptions.Section)
            .PostConfigure(o =>
            {
                if (!PublicAddress.IsConfigured(configuration))
                {
                    o.BaseUrl = PublicAddress.AsLink(PublicAddress.Listening(configuration));
                }
            })
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http"),
                "Feeds:BaseUrl must be an absolute http(s) address, e.g. https://timing.example.nl.")
            .Validate(o => Uri.CheckHostName(o.UidHost) is UriHostNameType.Dns or UriHostNameType.IPv4,
                "Feeds:UidHost must be a host name such as timing.example.nl; it becomes the domain of every event UID.")
            .Validate(o => o.MonthsBack is >= 0 and <= 120 && o.YearsAhead is >= 1 and <= 20,
                "Feeds:MonthsBack must be 0–120 and Feeds:YearsAhead 1–20.")
            .Validate(o => o.CacheBytes is >= 1024 * 1024 and <= 64L * 1024 * 1024 * 1024,
                "Feeds:CacheBytes must be between 1048576 (1 MB) and 68719476736 (64 GB); the default is 67108864 (64 MB).")
            .ValidateOnStart();
        services.AddHostedService<PublicAddressLog>();
        services.AddSingleton<FeedCache>();
        services.AddSingleton<IFeedVersions, StoredFeedVersions>();
        services.AddSingleton<FeedService>();
        services.AddSingleton(sp => new Web.PublicLinks(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FeedOptions>>().Value.BaseUrl));
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/feeds/{code}.ics", [HttpMethods.Get, HttpMethods.Head], ServeMunicipalityFeed);
        app.MapMethods("/feeds/p/{token}.ics", [HttpMethods.Get, HttpMethods.Head], ServePersonalFeed);
        return app;
    }

    private static async Task ServeMunicipalityFeed(string code, HttpContext http, FeedService feeds, MunicipalityCatalog catalog)
    {
        var municipalities = await catalog.GetAsync(http.RequestAborted);
        if (!MunicipalityCode.TryParse(code, out var parsed))
        {
            await Problem(http, StatusCodes.Status404NotFound, new(
                $"'{Web.TextLimits.Quoted(code)}' is geen gemeentecode (verwacht: GM en vier cijfers, bijvoorbeeld GM0344).",
                $"'{Web.TextLimits.Quoted(code)}' is not a municipality code (expected GM followed by four digits, e.g. GM0344)."));
            return;
        }
        if (municipalities.Count > 0 && !municipalities.Contains(parsed.Value))
        {
            await Problem(http, StatusCodes.Status404NotFound, new(
                $"Onbekende gemeente {parsed}: deze code staat niet in de gemeentelijst.",
                $"Unknown municipality {parsed}: it is not in the municipality list."));
            return;
        }
        if (!FeedQuery.TryParse(http.Request.Query, http.RequestServices.GetRequiredService<CycleRules>(), out var filter, out var language, out var error))
        {
            await Problem(http, StatusCodes.Status400BadRequest, error);
            return;
        }
        var feed = await feeds.MunicipalityFeedAsync(municipalities.Describe(parsed.Value), filter, language ?? Language.Nl, http.RequestAborted);
        await WriteAsync(http, feed, http.RequestServices.GetRequiredService<IOptions<FeedOptions>>().Value, isPublic: true);
    }

    /// <summary>
    /// A person's feed: their municipalities and audiences, narrowed by the same query as the public feed (audience, kinds,
    /// arena, meetings, lang). An unknown, malformed or revoked token gets the same 404 as an address that never existed,
    /// and the token itself is never logged.
    /// </summary>
    private static async Task ServePersonalFeed(string token, HttpContext http, FeedService feeds, Storage.TimingDbContext db,
        Timelines.TimelineLoader timelines)
    {
        if (!FeedQuery.TryParse(http.Request.Query, http.RequestServices.GetRequiredService<CycleRules>(), out var filter, out var language, out var error))
        {
            await Problem(http, StatusCodes.Status400BadRequest, error);
            return;
        }
        var feed = Web.Secrets.IsWellFormed(token) ? await feeds.PersonalFeedAsync(db, timelines, Web.Secrets.Hash(token), filter, language, http.RequestAborted) : null;
        if (feed is null)
        {
            await Problem(http, StatusCodes.Status404NotFound, new("Op dit adres staat geen agenda-feed.", "No feed at this address."));
            return;
        }
        await WriteAsync(http, feed, http.RequestServices.GetRequiredService<IOptions<FeedOptions>>().Value, isPublic: false);
    }

    /// <summary>
    /// Writes a feed with its validators, or 304 when the client's copy is current. Brotli or gzip when the
    /// client accepts them (compressed once per rendering), each encoding with its own ETag.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, RenderedFeed feed, FeedOptions options, bool isPublic)
    {
        // Plain header strings made once per rendering: a revalidation that ends in 304 is most of a feed's traffic.
        var response = http.Response;
        var encoding = Negotiate(http.Request);
        Metrics.TimingMetrics.FeedRequest(isPublic, encoding);
        response.Headers.ETag = feed.ETagFor(encoding);
        response.Headers.LastModified = feed.LastModifiedHeader;
        response.Headers.CacheControl = isPublic ? options.PublicCacheControl : options.PrivateCacheControl;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (NotModified(http.Request, feed, out var held))
        {
            // The tag the client holds, so its stored copy (perhaps in another encoding) keeps a validator that fits it.
            if (held is not null)
            {
                response.Headers.ETag = held;
            }
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        var bytes = feed.BytesFor(encoding);
        response.ContentType = "text/calendar; charset=utf-8";
        if (encoding != FeedEncoding.Identity)
        {
            response.Headers.ContentEncoding = encoding == FeedEncoding.Brotli ? "br" : "gzip";
        }
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            // Straight into Kestrel's output pipe: the bytes are ready, no stream in between.
            await response.BodyWriter.WriteAsync(bytes, http.RequestAborted);
        }
    }

    /// <summary>Brotli when accepted, else gzip when accepted, else the plain bytes (RFC 9110 §12.5.3; q=0 refuses).</summary>
    public static FeedEncoding Negotiate(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0)
        {
            return FeedEncoding.Identity;
        }
        if (header.Count == 1 && header[0] is { } plain && !plain.Contains(';', StringComparison.Ordinal) && !plain.Contains('*', StringComparison.Ordinal))
        {
            // The common case, a list of codings without weights ("gzip, deflate, br"): every named coding is accepted.
            var br = false;
            var gzip = false;
            foreach (var range in plain.AsSpan().Split(','))
            {
                var coding = plain.AsSpan()[range].Trim();
                br |= coding.Equals("br", StringComparison.OrdinalIgnoreCase);
                gzip |= coding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
            }
            return br ? FeedEncoding.Brotli : gzip ? FeedEncoding.Gzip : FeedEncoding.Identity;
        }
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        double Quality(string coding)
        {
            var named = accepted.FirstOrDefault(a => string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase))
                ?? accepted.FirstOrDefault(a => a.Value.Value == "*");
            return named is null ? 0 : named.Quality ?? 1;
        }
        var brQuality = Quality("br");
        var gzipQuality = Quality("gzip");
        if (brQuality > 0 && brQuality >= gzipQuality)
        {
            return FeedEncoding.Brotli;
        }
        return gzipQuality > 0 ? FeedEncoding.Gzip : FeedEncoding.Identity;
    }

    private static bool NotModified(HttpRequest request, RenderedFeed feed, out string? held)
    {
        held = null;
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // If-None-Match wins over If-Modified-Since. Each value may be a comma-separated list of tags; an entity
            // tag never contains a comma or a quote inside its quotes' value here (hex digits and a suffix).
            foreach (var value in ifNoneMatch)
            {
                foreach (var range in (value ?? "").AsSpan().Split(','))
                {
                    var tag = (value ?? "").AsSpan()[range].Trim();
                    if (tag.SequenceEqual("*"))
                    {
                        return true;
                    }
                    if (feed.Names(tag))
                    {
                        held = tag.ToString();
                        return true;
                    }
                }
            }
            return false;
        }
        return request.GetTypedHeaders().IfModifiedSince is { } since && feed.LastModified.ToDateTimeOffset() <= since.AddSeconds(0.999);
    }

    /// <summary>A refusal in plain text: one line in Dutch, then the same in English.</summary>
    public static Task Problem(HttpContext http, int status, LocalizedText message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message.Nl + "\n" + message.En + "\n");
    }
}
