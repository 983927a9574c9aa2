using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;

namespace Timing.Feeds;

/// <summary>
/// Makes feeds and keeps the last rendering of each in memory (<see cref="FeedCache"/>). A repeat request
/// for the same data is answered from memory without planning or rendering; changed data is re-rendered
/// once. Events are versioned per feed scope — the public feed of a municipality, or one organisation's
/// view — so nothing published in one scope moves another.
/// </summary>
public sealed class FeedService(
    CyclePlanner planner,
    CycleRules rules,
    IClock clock,
    IOptions<FeedOptions> options,
    IFeedVersions versions,
    FeedCache cache,
    Facts.PublicFactStore facts)
{
    private readonly FeedEventBuilder _builder = new(rules, options.Value);
    private readonly MeetingEvents _meetings = new(options.Value);
    private int _renders;

    /// <summary>How many times a feed was rendered by Ical.Net since start: for tests and diagnostics.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>The scope of a municipality's public feed.</summary>
    public static string PublicScope(MunicipalityCode code) => "public:" + code.Value;

    /// <summary>The scope of an organisation's feeds (the personal feeds of its people).</summary>
    public static string OrganisationScope(int organisationId) => "org:" + organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The public feed of one municipality: its moments from the rules and its public facts, without organisation-specific entries.</summary>
    /// <param name="range">The period to cover; by default the horizon around today (Feeds:MonthsBack, Feeds:YearsAhead).</param>
    public async Task<RenderedFeed> MunicipalityFeedAsync(Municipality municipality, FeedFilter filter, Language language,
        CancellationToken cancellationToken, DateInterval? range = null)
    {
        var shared = await facts.GetAsync(municipality.Code.Value, cancellationToken);
        var today = ProductTime.Today(clock);
        var period = range ?? options.Value.Horizon(today);
        var span = Span(period);
        var scope = PublicScope(municipality.Code);
        var scopeValidity = $"{span}/{municipality.Name}/{shared.Version}";
        Timeline? timeline = null;
        // Shared by every organisation and cached until a stored fact changes: planned without today, so a passed
        // estimate (a question for an organisation) does not move the public feed from one day to the next.
        Timeline Plan() => timeline ??= planner.PlanAsStored(new MunicipalityProfile(municipality).WithPublicFacts(shared.Facts), period);
        var meetings = filter.Meetings ? (await facts.PlainMeetingsAsync([municipality.Code.Value], period, cancellationToken))[municipality.Code.Value] : null;
        IReadOnlyList<(Municipality, IReadOnlyList<Storage.Meeting>)> Plain() => meetings is null ? [] : [(municipality, meetings.Meetings)];
        var meetingScope = meetings is null ? null : new ScopeRequest(MeetingEvents.Scope(scope), $"{span}/{municipality.Name}/{meetings.Version}",
            () => (_meetings.Build(Plain(), Language.Nl, named: false), municipality.Name));
        return await GetAsync(
            $"municipality/{municipality.Code.Value}/{language}/{filter.Key}/{span}", scopeValidity + (meetings is null ? "" : "/" + meetings.Version),
            new ScopeRequest(scope, scopeValidity, () => (_builder.Build([Plan()], FeedFilter.All, Language.Nl, _builder.PublicMomentUrl), municipality.Name)),
            meetingScope,
            () => new Composition(MunicipalityCalendar(municipality, language),
                WithMeetings(_builder.Build([Plan()], filter, language, _builder.PublicMomentUrl), _meetings.Build(Plain(), language, named: false)),
                NothingMatches(municipality.Code.Value, period, language, Describe(filter), today)),
            cancellationToken);
    }

    /// <summary>The moments' events with the meetings' in between, by day.</summary>
    private static IReadOnlyList<FeedEvent> WithMeetings(IReadOnlyList<FeedEvent> moments, IReadOnlyList<FeedEvent> meetings)
    {
        if (meetings.Count == 0)
        {
            return moments;
        }
        var all = moments.Concat(meetings).ToList();
        all.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Uid, b.Uid));
        return all;
    }

    /// <summary>The feed of the person holding the token with this hash, or null when there is no active token.</summary>
    /// <param name="query">The feed address's filter; it narrows the person's own choices, never widens them (<see cref="FeedFilter.Within"/>).</param>
    /// <param name="asked">The language the address asks for; by default the person's.</param>
    public async Task<RenderedFeed?> PersonalFeedAsync(TimingDbContext db, Timelines.TimelineLoader timelines, string tokenHash, FeedFilter query, Language? asked,
        CancellationToken cancellationToken)
    {
        var token = await db.FeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == tokenHash && t.Revoked == null, cancellationToken);
        if (token is null || !Web.Secrets.SameHash(token.Hash, tokenHash))
        {
            return null;
        }
        var person = await db.People.AsNoTracking().Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == token.PersonId, cancellationToken);
        if (person is null)
        {
            return null;
        }
        var codes = person.Municipalities;
        var loaded = await timelines.ForOrganisationAsync(person.OrganisationId, cancellationToken);
        var all = loaded.Rows;
        var rows = all.Where(r => codes.Count == 0 || codes.Contains(r.Code)).ToList();
        var filter = query.Within(person.Audiences);
        var language = asked ?? person.Language;
        var today = ProductTime.Today(clock);
        var period = options.Value.Horizon(today);
        var organisation = person.Organisation!.Name;
        var shared = loaded.Facts;
        // The organisation's scope covers every municipality it follows; each person's feed shows part of it.
        var scopeValidity = $"{Span(period)}/{organisation}/" + string.Join(',', all.Select(r => $"{r.Id}:{r.Version}:{r.Name}:{shared[r.Code].Version}"));
        var validity = $"{scopeValidity}/{string.Join(',', codes.Order(StringComparer.Ordinal))}";
        var plain = filter.Meetings ? await facts.PlainMeetingsAsync(all.Select(r => r.Code).ToArray(), period, cancellationToken) : null;
        IReadOnlyList<(Municipality, IReadOnlyList<Storage.Meeting>)> Plain(IEnumerable<FollowedMunicipality> of) => plain is null
            ? []
            : of.Select(r => (new Municipality(MunicipalityCode.Parse(r.Code), r.Name), plain[r.Code].Meetings)).ToList();
        var meetingsVersion = plain is null ? "" : string.Join(',', all.Select(r => plain[r.Code].Version));
        var meetingScope = plain is null ? null : new ScopeRequest(MeetingEvents.Scope(OrganisationScope(person.OrganisationId)), $"{scopeValidity}/{meetingsVersion}",
            () => (_meetings.Build(Plain(all), Language.Nl, named: false), organisation + "\u001f" + string.Join('\u001f', all.Select(r => r.Name))));
        Timeline Plan(FollowedMunicipality row) => loaded.Plan(row, period);
        // Nothing in a personal feed names the person: colleagues with the same choices share one rendering.
        var chosen = string.Join(',', codes.Order(StringComparer.Ordinal));
        return await GetAsync($"organisation/{person.OrganisationId}/{chosen}/{language}/{filter.Key}/{query.Key}", validity + (plain is null ? "" : "/" + meetingsVersion),
            new ScopeRequest(OrganisationScope(person.OrganisationId), scopeValidity, () =>
            {
                // Versions follow the facts of each event; whether a person's feed adds the municipality's name
                // to titles (when it shows several) is presentation, the same event for everyone in the organisation.
                var events = all.SelectMany(r => _builder.Build([Plan(r)], FeedFilter.All, Language.Nl, _builder.MomentUrl)).ToList();
                return (events, organisation + "\u001f" + string.Join('\u001f', all.Select(r => r.Name)));
            }),
            meetingScope,
            () =>
            {
                var name = CalendarTexts.OrganisationName(organisation).In(language);
                var description = CalendarTexts.OrganisationDescription(string.Join(", ", rows.Select(r => r.Name))).In(language);
                var why = rows.Count == 0 && codes.Count > 0 ? CalendarTexts.NoLongerFollowsChosen
                    : rows.Count == 0 ? CalendarTexts.FollowsNoMunicipality
                    : filter.Audiences is { Count: 0 } ? CalendarTexts.NotFollowed(AudienceNames(query.Audiences!))
                    : Describe(filter);
                return new Composition(new FeedCalendar(name, description),
                    WithMeetings(_builder.Build(rows.Select(Plan).ToArray(), filter, language, _builder.MomentUrl), _meetings.Build(Plain(rows), language, named: rows.Count > 1)),
                    NothingMatches("person", period, language, why, today));
            }, cancellationToken);
    }

    /// <summary>A period as text for cache keys; the last one is kept, as the horizon changes once a year.</summary>
    private string Span(DateInterval period)
    {
        var last = _span;
        if (last is not null && last.Period == period)
        {
            return last.Text;
        }
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{period.Start:yyyy-MM-dd}/{period.End:yyyy-MM-dd}");
        _span = new PeriodText(period, text);
        return text;
    }

    private PeriodText? _span;

    private sealed record PeriodText(DateInterval Period, string Text);

    /// <summary>
    /// Returns the cached feed while <paramref name="validity"/> (the horizon and the data version) is unchanged;
    /// otherwise composes the events and re-renders only if they differ from the cached ones.
    /// </summary>
    /// <param name="extra">A second scope whose events the feed also shows (the council's meetings), or null.</param>
    private async Task<RenderedFeed> GetAsync(string feedKey, string validity, ScopeRequest scope, ScopeRequest? extra, Func<Composition> compose, CancellationToken cancellationToken)
    {
        if (cache.TryGet(feedKey, out Entry? entry) && entry!.Validity == validity)
        {
            Metrics.TimingMetrics.FeedCacheHit();
            return entry.Feed;
        }
        var composition = compose();
        var stamps = await StampsAsync(scope, cancellationToken);
        var more = extra is null ? null : await StampsAsync(extra, cancellationToken);
        var setModified = more is null || more.SetModified < stamps.SetModified ? stamps.SetModified : more.SetModified;
        var events = composition.Events.Count > 0 ? composition.Events : [composition.Placeholder];
        FeedStamp Stamp(string uid) => uid == composition.Placeholder.Uid ? new FeedStamp(0, setModified)
            : more is not null && more.Events.ContainsKey(uid) ? more.For(uid)
            : stamps.For(uid);
        var input = InputHash(composition.Calendar, events, Stamp);
        if (entry is not null && entry.Input == input)
        {
            Remember(feedKey, entry with { Validity = validity });
            return entry.Feed;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var body = IcsWriter.Write(composition.Calendar, events, Stamp);
        Metrics.TimingMetrics.FeedRendered(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        Interlocked.Increment(ref _renders);
        var digest = Convert.ToHexString(SHA256.HashData(body), 0, 20).ToLowerInvariant();
        // The feed's content last changed when one of its events did, or when the scope's set of events or texts did.
        // Said one second earlier: Kestrel renews its Date header once a second, and a response must not be dated
        // before its content's Last-Modified (RFC 9110 §8.8.2.1). The stamps are stored, so this stays stable.
        var modified = events.Select(e => Stamp(e.Uid).Modified).Append(setModified).Max() - Duration.FromSeconds(1);
        var feed = new RenderedFeed(body, digest, modified);
        Remember(feedKey, new Entry(validity, input, feed));
        return feed;
    }

    /// <summary>The stamps of a scope: from memory while its validity holds, otherwise recorded (or read) once.</summary>
    private async Task<ScopeStamps> StampsAsync(ScopeRequest scope, CancellationToken cancellationToken)
    {
        var key = "scope/" + scope.Scope;
        if (cache.TryGet(key, out ScopeEntry? known) && known!.Validity == scope.Validity)
        {
            return known.Stamps;
        }
        // One stamping per scope at a time: the readers of an organisation's feeds that arrive together wait for the
        // first one's stamps instead of each writing the same rows in its own transaction and waiting on the others' locks.
        var gate = _stamping.GetOrAdd(scope.Scope, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGet(key, out known) && known!.Validity == scope.Validity)
            {
                return known.Stamps;
            }
            var (events, texts) = scope.Content();
            var stamps = await versions.StampAsync(scope.Scope, events.Select(e => (e.Uid, e.Fingerprint)).ToList(), texts, cancellationToken);
            cache.Set(key, new ScopeEntry(scope.Validity, stamps), 512 + 256L * stamps.Events.Count, keepLonger: true);
            return stamps;
        }
        finally
        {
            gate.Release();
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _stamping = new(StringComparer.Ordinal);

    private static FeedCalendar MunicipalityCalendar(Municipality municipality, Language language) => new(
        CalendarTexts.MunicipalityName(municipality.Name).In(language), CalendarTexts.MunicipalityDescription(municipality.Name).In(language));

    /// <summary>A filter in words, for the event that says nothing matched.</summary>
    private LocalizedText Describe(FeedFilter filter)
    {
        var parts = new List<LocalizedText>();
        if (filter.Audiences is { } audiences)
        {
            parts.Add(CalendarTexts.Audience + AudienceNames(audiences));
        }
        if (filter.Kinds is { } kinds)
        {
            var names = string.Join(", ", kinds.Order(StringComparer.Ordinal));
            parts.Add(CalendarTexts.Kinds + new LocalizedText(names, names));
        }
        return parts.Count == 0
            ? CalendarTexts.NoMomentInPeriod
            : CalendarTexts.NoMomentMatches + LocalizedText.From(l => string.Join(NudgeTexts.And.In(l), parts.Select(p => p.In(l))));
    }

    private LocalizedText AudienceNames(IReadOnlySet<string> audiences) =>
        LocalizedText.From(l => string.Join(", ", audiences.Order(StringComparer.Ordinal).Select(a => rules.AudienceName(a, l))));

    /// <summary>
    /// The one event of a feed in which nothing matches, so the calendar still has a component (RFC 5545
    /// §3.6) and the subscriber learns why. It stands on 1 January of this year, so it does not move daily.
    /// </summary>
    private FeedEvent NothingMatches(string stem, DateInterval period, Language language, LocalizedText why, LocalDate today)
    {
        var day = new LocalDate(today.Year, 1, 1);
        if (!period.Contains(day))
        {
            day = period.Start;
        }
        var range = LocalizedText.From(l => DateText.Range(period.Start, period.End, l));
        var url = new Uri(options.Value.BaseUrl.TrimEnd('/') + "/");
        return new FeedEvent($"{stem}.nothing-matches@{options.Value.UidHost}", CalendarTexts.NoMoments.In(language),
            CalendarTexts.NothingMatches(why, range).In(language), day, day.PlusDays(1), FeedStatus.None, [CalendarTexts.Notice.In(language)], url, "");
    }

    private void Remember(string key, Entry entry) => cache.Set(key, entry, entry.Feed.Size + 2L * (key.Length + entry.Validity.Length) + 256);

    private static string InputHash(FeedCalendar calendar, IReadOnlyList<FeedEvent> events, Func<string, FeedStamp> stamp)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(calendar.Name + "\u001f" + calendar.Description));
        foreach (var e in events)
        {
            var s = stamp(e.Uid);
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', e.Uid, e.Fingerprint, e.Summary, e.Description,
                e.Start.ToString("yyyy-MM-dd", null), e.EndExclusive.ToString("yyyy-MM-dd", null), e.Status, string.Join(',', e.Categories), e.Url,
                s.Sequence, s.Modified)));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private sealed record Composition(FeedCalendar Calendar, IReadOnlyList<FeedEvent> Events, FeedEvent Placeholder);

    private sealed record ScopeRequest(string Scope, string Validity, Func<(IReadOnlyList<FeedEvent> Events, string Texts)> Content);

    private sealed record Entry(string Validity, string Input, RenderedFeed Feed);

    private sealed record ScopeEntry(string Validity, ScopeStamps Stamps);
}
