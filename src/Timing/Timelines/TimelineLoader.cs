using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Facts;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Timelines;

/// <summary>
/// The one place that reads an organisation's timelines: its followed municipalities with their own entries, the
/// public facts beneath them (from <see cref="PublicFactStore"/>), and their plans. Pages, feeds, nudge planning,
/// mail rendering and moment pages all read through it, so they agree on what a municipality's plan is.
/// </summary>
public sealed class TimelineLoader(TimingDbContext db, CyclePlanner planner, PublicFactStore facts, TimelineCache cache, IClock clock)
{
    /// <summary>Today in the product's time zone: the day the plans are made for.</summary>
    public LocalDate Today => ProductTime.Today(clock);

    /// <summary>The organisation's municipalities, by name, with their public facts. Every query is limited to that organisation.</summary>
    public async Task<OrganisationTimelines> ForOrganisationAsync(int organisationId, CancellationToken cancellationToken)
    {
        var rows = await db.FollowedMunicipalities.AsNoTracking().Include(m => m.Actuals).Include(m => m.Events)
            .Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return await ForRowsAsync(rows, cancellationToken);
    }

    /// <summary>Municipalities already read (with their entries), with their public facts.</summary>
    public async Task<OrganisationTimelines> ForRowsAsync(IReadOnlyList<FollowedMunicipality> rows, CancellationToken cancellationToken)
    {
        var shared = rows.Count == 0
            ? new Dictionary<string, PublicFactStore.Snapshot>()
            : await facts.GetManyAsync(rows.Select(r => r.Code).Distinct().ToArray(), cancellationToken);
        return new OrganisationTimelines(rows, shared, planner, cache);
    }

    /// <summary>A municipality as the public sees it: the rules and its public facts, without any organisation's entries.</summary>
    public async Task<MunicipalityProfile> PublicProfileAsync(Municipality municipality, CancellationToken cancellationToken) =>
        await facts.WithFactsAsync(new MunicipalityProfile(municipality), cancellationToken);

    /// <summary>The plan of a profile, shared with every other reader of the same profile and period today.</summary>
    public Timeline Plan(MunicipalityProfile profile, DateInterval range) => cache.Plan(planner, profile, range);
}

/// <summary>An organisation's municipalities with their public facts; plans each once per profile and period.</summary>
public sealed class OrganisationTimelines
{
    private readonly CyclePlanner _planner;
    private readonly TimelineCache _cache;
    private readonly Dictionary<int, MunicipalityProfile> _profiles = [];

    internal OrganisationTimelines(IReadOnlyList<FollowedMunicipality> rows, IReadOnlyDictionary<string, PublicFactStore.Snapshot> facts,
        CyclePlanner planner, TimelineCache cache)
    {
        Rows = rows;
        Facts = facts;
        _planner = planner;
        _cache = cache;
    }

    /// <summary>The followed municipalities, in the order they were read (by name for a whole organisation).</summary>
    public IReadOnlyList<FollowedMunicipality> Rows { get; }

    /// <summary>The public facts of each municipality, by code, with the version that changes whenever they do.</summary>
    public IReadOnlyDictionary<string, PublicFactStore.Snapshot> Facts { get; }

    /// <summary>The codes of the municipalities.</summary>
    public IReadOnlySet<MunicipalityCode> Codes => Rows.Select(r => MunicipalityCode.Parse(r.Code)).ToHashSet();

    /// <summary>The row with this code, or null.</summary>
    public FollowedMunicipality? Find(string code) => Rows.FirstOrDefault(r => r.Code == code);

    /// <summary>What the planner reads of a row: the organisation's own entries with the public facts beneath them.</summary>
    public MunicipalityProfile Profile(FollowedMunicipality row)
    {
        if (!_profiles.TryGetValue(row.Id, out var profile))
        {
            _profiles[row.Id] = profile = row.ToProfile().WithPublicFacts(Facts[row.Code].Facts);
        }
        return profile;
    }

    /// <summary>Every moment of the row's municipality that overlaps <paramref name="range"/>, planned for today.</summary>
    public Timeline Plan(FollowedMunicipality row, DateInterval range) => _cache.Plan(_planner, Profile(row), range);

    /// <summary>One moment of the row's municipality, planned in the ±3 years around its cycle, as <see cref="CyclePlanner.Find"/> does.</summary>
    public Moment? Find(FollowedMunicipality row, MomentKey key) =>
        Plan(row, new DateInterval(new LocalDate(key.Cycle - 3, 1, 1), new LocalDate(key.Cycle + 3, 12, 31))).Moments.FirstOrDefault(m => m.Key == key);
}

/// <summary>
/// Plans kept in memory for the day, keyed by everything the planner reads: the profile's content, the period and
/// today. Planning is a pure function of those, so a plan is made once however many feeds, pages, planning runs
/// and mails ask for the same municipality; a changed entry or fact is a new key, never a stale plan.
/// </summary>
public sealed class TimelineCache(IClock clock)
{
    /// <summary>More plans than this and the cache starts over: a bound on memory, far above one instance's municipalities × periods.</summary>
    private const int Limit = 20_000;

    /// <summary>Only periods within this many years of today are kept: those are the ones many readers ask for.</summary>
    private const int SharedYears = 10;

    private readonly ConcurrentDictionary<string, Timeline> _plans = new(StringComparer.Ordinal);

    public Timeline Plan(CyclePlanner planner, MunicipalityProfile profile, DateInterval range)
    {
        var today = ProductTime.Today(clock);
        if (range.Start.Year < today.Year - SharedYears || range.End.Year > today.Year + SharedYears)
        {
            // A period far from today comes from a year someone put in a URL: planned for that caller alone, so such
            // periods cannot crowd out the plans that feeds, pages and planning share.
            return planner.Plan(profile, range);
        }
        var key = Key(profile, range, today);
        if (_plans.TryGetValue(key, out var timeline))
        {
            return timeline;
        }
        if (_plans.Count >= Limit)
        {
            _plans.Clear();
        }
        timeline = planner.Plan(profile, range);
        _plans[key] = timeline;
        return timeline;
    }

    private static string Key(MunicipalityProfile profile, DateInterval range, LocalDate today) =>
        string.Join('|', Iso(range.Start), Iso(range.End), Iso(today), ContentHash(profile));

    /// <summary>A hash of everything in a profile the planner reads: equal hashes, equal plans for the same period and day.</summary>
    public static string ContentHash(MunicipalityProfile profile)
    {
        var text = new StringBuilder();
        void Add(string? part) => text.Append(part).Append('\u001f');
        Add(profile.Code.Value);
        Add(profile.Municipality.Name);
        Add(Iso(profile.MergerDate));
        Add(profile.Region?.ToString());
        foreach (var a in profile.Actuals)
        {
            Add(string.Join('\u001e', a.Kind, a.Cycle.ToString(CultureInfo.InvariantCulture), Iso(a.Dates.Start), Iso(a.Dates.End), a.Basis.ToString(), a.Source));
        }
        text.Append('\u001d');
        foreach (var e in profile.Events)
        {
            Add(string.Join('\u001e', e.Id, e.Title, Iso(e.Dates.Start), Iso(e.Dates.End), e.Description, e.Kind));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Iso(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
