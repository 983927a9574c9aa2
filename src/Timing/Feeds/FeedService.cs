using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Feeds;

/// <summary>
/// Makes feeds and keeps the last rendering of each in memory. A repeat request on the same day for the
/// same data is answered from memory without planning or rendering; changed data is re-rendered once,
/// and the ledger gives it the next SEQUENCE.
/// </summary>
public sealed class FeedService(
    CyclePlanner planner,
    CycleRules rules,
    IClock clock,
    IOptions<FeedOptions> options,
    IServiceScopeFactory scopes,
    IMemoryCache cache,
    Facts.PublicFactStore facts)
{
    private readonly FeedEventBuilder _builder = new(rules, options.Value);
    private int _renders;

    /// <summary>How many times a feed was rendered by Ical.Net since start: for tests and diagnostics.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>The public feed of one municipality: its moments from the rules and its public facts, without organisation-specific entries.</summary>
    /// <param name="range">The period to cover; by default the horizon around today (Feeds:MonthsBack, Feeds:YearsAhead).</param>
    public async Task<RenderedFeed> MunicipalityFeedAsync(Municipality municipality, FeedFilter filter, Language language,
        CancellationToken cancellationToken, DateInterval? range = null)
    {
        var shared = await facts.GetAsync(municipality.Code.Value, cancellationToken);
        var today = ProductTime.Today(clock);
        var period = range ?? options.Value.Horizon(today);
        var key = $"municipality/{municipality.Code.Value}/{language}/{filter.Key}/{period.Start:yyyy-MM-dd}/{period.End:yyyy-MM-dd}";
        return await GetAsync(key, today.ToString("yyyy-MM-dd", null) + "/" + shared.Version, () =>
        {
            var timeline = planner.Plan(new MunicipalityProfile(municipality).WithPublicFacts(shared.Facts), period);
            return (MunicipalityCalendar(municipality, language), _builder.Build([timeline], filter, language));
        }, cancellationToken);
    }

    /// <summary>The feed of the person holding the token with this hash, or null when there is no active token.</summary>
    public async Task<RenderedFeed?> PersonalFeedAsync(TimingDbContext db, string tokenHash, CancellationToken cancellationToken)
    {
        var token = await db.FeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == tokenHash && t.RevokedUnixMs == null, cancellationToken);
        if (token is null || !Web.Secrets.SameHash(token.Hash, tokenHash))
        {
            return null;
        }
        var person = await db.People.AsNoTracking().Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == token.PersonId, cancellationToken);
        if (person is null)
        {
            return null;
        }
        var codes = Split(person.Municipalities);
        var rows = await db.FollowedMunicipalities.AsNoTracking().Include(m => m.Actuals).Include(m => m.Events)
            .Where(m => m.OrganisationId == person.OrganisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        rows = rows.Where(r => codes.Count == 0 || codes.Contains(r.Code)).ToList();
        var audiences = Split(person.Audiences);
        var filter = new FeedFilter(audiences.Count == 0 ? null : audiences);
        var language = person.Language == "en" ? Language.En : Language.Nl;
        var today = ProductTime.Today(clock);
        var shared = await facts.GetManyAsync(rows.Select(r => r.Code).ToArray(), cancellationToken);
        var validity = $"{today:yyyy-MM-dd}/{person.Language}/{person.Audiences}/{person.Municipalities}/" + string.Join(',', rows.Select(r => $"{r.Id}:{r.Version}:{shared[r.Code].Version}"));
        return await GetAsync($"person/{person.Id}", validity, () =>
        {
            var timelines = rows.Select(r => planner.Plan(Municipalities.FollowedMunicipalities.ToProfile(r).WithPublicFacts(shared[r.Code].Facts), options.Value.Horizon(today))).ToArray();
            var name = language == Language.En ? $"Political calendar – {person.Organisation!.Name}" : $"Politieke kalender – {person.Organisation!.Name}";
            var description = language == Language.En
                ? $"When to engage local politics in {string.Join(", ", rows.Select(r => r.Name))}. Dates marked (expected) are estimates."
                : $"Wanneer u de lokale politiek benadert in {string.Join(", ", rows.Select(r => r.Name))}. Data met (verwacht) zijn schattingen.";
            return (new FeedCalendar(name, description), _builder.Build(timelines, filter, language));
        }, cancellationToken);
    }

    private static HashSet<string> Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Returns the cached feed while <paramref name="validity"/> (the day and the data version) is unchanged;
    /// otherwise composes the events and re-renders only if they differ from the cached ones.
    /// </summary>
    public async Task<RenderedFeed> GetAsync(string feedKey, string validity,
        Func<(FeedCalendar Calendar, IReadOnlyList<FeedEvent> Events)> compose, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(feedKey, out Entry? entry) && entry!.Validity == validity)
        {
            return entry.Feed;
        }
        var (calendar, events) = compose();
        var input = InputHash(calendar, events);
        if (entry is not null && entry.Input == input)
        {
            Remember(feedKey, entry with { Validity = validity });
            return entry.Feed;
        }

        await using var scope = scopes.CreateAsyncScope();
        var ledger = new FeedLedger(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), clock);
        var stamps = await ledger.StampAsync(events.Select(e => (e.Uid, e.Fingerprint)), cancellationToken);
        var body = IcsWriter.Write(calendar, events, stamps);
        Interlocked.Increment(ref _renders);
        var digest = Convert.ToHexString(SHA256.HashData(body), 0, 20).ToLowerInvariant();
        var feedUid = "feed:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(feedKey)), 0, 20);
        var feedStamp = (await ledger.StampAsync([(feedUid, digest)], cancellationToken))[feedUid];
        var feed = new RenderedFeed(body, $"\"{digest}\"", feedStamp.Modified);
        Remember(feedKey, new Entry(validity, input, feed));
        return feed;
    }

    private FeedCalendar MunicipalityCalendar(Municipality municipality, Language language) => language == Language.En
        ? new FeedCalendar($"Political calendar – Municipality of {municipality.Name}",
            $"When to engage local politics in {municipality.Name}: elections, coalition forming and the budget cycle. Dates marked (expected) are estimates.")
        : new FeedCalendar($"Politieke kalender – Gemeente {municipality.Name}",
            $"Wanneer u de lokale politiek in {municipality.Name} benadert: verkiezingen, coalitievorming en de begrotingscyclus. Data met (verwacht) zijn schattingen.");

    private void Remember(string key, Entry entry) =>
        cache.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromDays(2) });

    private static string InputHash(FeedCalendar calendar, IReadOnlyList<FeedEvent> events)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(calendar.Name + "\u001f" + calendar.Description));
        foreach (var e in events)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', e.Uid, e.Fingerprint, e.Summary, e.Description,
                e.Start.ToString("yyyy-MM-dd", null), e.EndExclusive.ToString("yyyy-MM-dd", null), e.Status, string.Join(',', e.Categories), e.Url)));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private sealed record Entry(string Validity, string Input, RenderedFeed Feed);
}
