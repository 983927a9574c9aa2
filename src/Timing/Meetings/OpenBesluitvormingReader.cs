using System.Globalization;
using System.Text.Json;
using Timing.Core;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads a municipality's meetings from OpenBesluitvorming, following its public API documentation (API.md of
/// August 2026): <c>GET /api/status</c> maps the CBS code to the source key and says how current the source is;
/// <c>GET /api/search?organization=KEY&amp;entityType=Meeting&amp;sort=date_asc&amp;dateFrom=…&amp;dateTo=…&amp;limit=100&amp;offset=…</c>
/// lists the meetings, page by page while <c>hasMore</c>; <c>GET /api/entities/{id}</c> gives the agenda of a meeting whose
/// title says nothing by itself. The API allows 60 units a minute and a search page of 100
/// results costs 5 of them (1 per 24 results); a <c>429</c> is answered by waiting its <c>Retry-After</c>. A source the
/// status calls failing, never imported, no longer imported or merged away is blind: its read fails, it never reads as
/// "no meetings". OpenBesluitvorming imports each council for about a week either side of the day it runs, so it sees
/// little of the months ahead; the pages and the command line say so.
/// </summary>
public sealed class OpenBesluitvormingReader(MeetingFetcher fetcher, IClock clock) : IMeetingSourceReader
{
    /// <summary>What the command line says when the source is connected: how far it sees.</summary>
    public const string SeesAheadNote = "OpenBesluitvorming ziet ongeveer een week vooruit / sees about a week ahead";

    public string Kind => MeetingSourceKinds.OpenBesluitvorming;

    public Task<FetchResult> FetchAsync(MeetingSourceRead read, CancellationToken cancellationToken) => FetchAsync(read.Code, read.Address, read.Now, cancellationToken);

    /// <summary>Results per search page: the cheapest way to read in bulk under the rate limit.</summary>
    public const int PageSize = 100;

    /// <summary>What one search page of <see cref="PageSize"/> costs in the API's units: one per 24 results, rounded up.</summary>
    public const int PageCost = (PageSize + 23) / 24;

    /// <summary>The API caches /api/status for ten minutes; reading it more often tells nothing new.</summary>
    public static readonly Duration StatusFreshness = Duration.FromMinutes(10);

    private const int MaxPages = 20;

    private readonly SemaphoreSlim _statusGate = new(1, 1);
    private (Instant ReadAt, IReadOnlyList<StatusEntry> Entries)? _status;

    /// <summary>One organisation in /api/status.</summary>
    public sealed record StatusEntry(string Key, string Label, string Supplier, string OrganizationType, string CbsId, string State,
        Instant? LastSuccess, Instant? LatestContent, string Error, string DiscontinuedAt, string SucceededBy)
    {
        public UpstreamFreshness Freshness => new(Key, Label, Supplier, State, LastSuccess, LatestContent?.InZone(ProductTime.Zone).Date,
            State == "discontinued" ? Successor : Error);

        private string Successor => SucceededBy.Length == 0 ? $"opgeheven op / merged away on {DiscontinuedAt}" : $"opgeheven op / merged away on {DiscontinuedAt}; opvolger / successor {SucceededBy}";
    }

    private Uri Api(string pathAndQuery) => new($"{fetcher.Options.OpenBesluitvormingBaseUrl.TrimEnd('/')}{pathAndQuery}");

    /// <summary>Every organisation /api/status lists, read at most every <see cref="StatusFreshness"/>; or why it could not be read.</summary>
    public async Task<(IReadOnlyList<StatusEntry>? Entries, LocalizedText? Error, Duration? RetryAfter)> StatusAsync(CancellationToken cancellationToken)
    {
        await _statusGate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetCurrentInstant();
            if (_status is { } cached && now >= cached.ReadAt && now - cached.ReadAt < StatusFreshness)
            {
                return (cached.Entries, null, null);
            }
            var uri = Api("/api/status");
            var (status, body, error, retry) = await GetPolitelyAsync(uri, 1, cancellationToken);
            if (status != FetchStatus.Fetched)
            {
                return (null, error, retry);
            }
            try
            {
                var entries = ParseStatus(body!);
                _status = (now, entries);
                return (entries, null, null);
            }
            catch (FormatException)
            {
                return (null, new LocalizedText($"{SourceText.Host(uri)}: het antwoord is niet te lezen als de status van OpenBesluitvorming.",
                    $"{SourceText.Host(uri)}: the answer cannot be read as OpenBesluitvorming's status."), null);
            }
        }
        finally
        {
            _statusGate.Release();
        }
    }

    /// <summary>
    /// The organisation that holds a municipality's meetings: the one with <paramref name="key"/> when given, else the
    /// municipality (gemeente) with the CBS code, preferring one that is still imported.
    /// </summary>
    public static StatusEntry? Find(IReadOnlyList<StatusEntry> entries, string code, string key) => key.Length > 0
        ? entries.FirstOrDefault(e => e.Key == key)
        : entries.Where(e => string.Equals(e.CbsId, code, StringComparison.OrdinalIgnoreCase) && e.OrganizationType is "gemeente" or "")
            .OrderBy(e => e.State switch { "ok" => 0, "stale" => 1, "failing" => 2, "never_imported" => 3, "not_implemented" => 4, _ => 5 })
            .FirstOrDefault();

    /// <summary>Why a source in this state cannot be read as the municipality's calendar, or null when it can.</summary>
    public static LocalizedText? Blind(StatusEntry entry) => entry.State switch
    {
        "failing" => new(
            $"OpenBesluitvorming kan {entry.Label} niet inlezen uit {entry.Supplier} (status failing, laatst gelukt {Text(entry.LastSuccess, "nooit")}): {entry.Error}",
            $"OpenBesluitvorming cannot import {entry.Label} from {entry.Supplier} (state failing, last success {Text(entry.LastSuccess, "never")}): {entry.Error}"),
        "never_imported" => new(
            $"OpenBesluitvorming kent {entry.Label}, maar heeft de vergaderingen nooit ingelezen (status never_imported).",
            $"OpenBesluitvorming lists {entry.Label} but has never imported its meetings (state never_imported)."),
        "not_implemented" => new(
            $"OpenBesluitvorming leest {entry.Label} niet meer in (status not_implemented); nieuwe vergaderingen komen niet binnen.",
            $"OpenBesluitvorming no longer imports {entry.Label} (state not_implemented); new meetings do not come in."),
        "discontinued" => new(
            $"{entry.Label} bestaat niet meer (status discontinued, {entry.Freshness.Message}); koppel de gemeente die het overnam.",
            $"{entry.Label} no longer exists (state discontinued, {entry.Freshness.Message}); connect the municipality that took over."),
        _ => null,
    };

    public async Task<FetchResult> FetchAsync(string code, string configuredKey, Instant now, CancellationToken cancellationToken)
    {
        var (entries, statusError, statusRetry) = await StatusAsync(cancellationToken);
        var key = configuredKey.Trim();
        StatusEntry? entry = null;
        if (entries is not null)
        {
            entry = Find(entries, code, key);
            if (entry is null)
            {
                return key.Length > 0
                    ? FetchResult.Failed($"De /api/status van OpenBesluitvorming kent de bron '{key}' niet.", $"OpenBesluitvorming's /api/status does not list the source '{key}'.")
                    : FetchResult.Failed($"De /api/status van OpenBesluitvorming kent geen gemeente met CBS-code {code}; koppel liever de eigen kalender van de raad.",
                        $"OpenBesluitvorming's /api/status lists no municipality with CBS code {code}; connect the council's own calendar instead.");
            }
            if (entry.CbsId.Length > 0 && !string.Equals(entry.CbsId, code, StringComparison.OrdinalIgnoreCase))
            {
                return FetchResult.Failed($"De bron '{entry.Key}' van OpenBesluitvorming is {entry.Label} ({entry.CbsId}), niet {code}.",
                    $"OpenBesluitvorming's source '{entry.Key}' is {entry.Label} ({entry.CbsId}), not {code}.");
            }
            if (Blind(entry) is { } blind)
            {
                return FetchResult.Failed(blind) with { Upstream = entry.Freshness };
            }
            key = entry.Key;
        }
        else if (key.Length == 0)
        {
            return FetchResult.Failed($"de CBS-code {code} is niet aan een bron van OpenBesluitvorming te koppelen: {statusError?.Nl}",
                $"the CBS code {code} cannot be mapped to an OpenBesluitvorming source: {statusError?.En}", statusRetry);
        }

        var today = now.InZone(ProductTime.Zone).Date;
        var from = today.PlusMonths(-2);
        var to = today.PlusMonths(14);
        var meetings = new List<FetchedMeeting>();
        var skipped = new List<LocalizedText>();
        var offset = 0;
        for (var page = 1; page <= MaxPages; page++)
        {
            var uri = Api("/api/search?organization=" + Uri.EscapeDataString(key) + "&entityType=Meeting&sort=date_asc"
                + $"&dateFrom={Day(from)}&dateTo={Day(to)}&limit={PageSize}&offset={offset.ToString(CultureInfo.InvariantCulture)}");
            var (status, body, error, retry) = await GetPolitelyAsync(uri, PageCost, cancellationToken);
            if (status != FetchStatus.Fetched)
            {
                return FetchResult.Failed(error!, retry) with { Upstream = entry?.Freshness };
            }
            var found = Parse<SearchPage>(body!);
            if (found?.Results is null)
            {
                return FetchResult.Failed($"{SourceText.Host(uri)}: het antwoord heeft geen lijst 'results'; is dit /api/search van OpenBesluitvorming?",
                    $"{SourceText.Host(uri)}: the answer has no 'results' list; is this OpenBesluitvorming's /api/search?") with { Upstream = entry?.Freshness };
            }
            var count = found.Results.Count;
            foreach (var result in found.Results)
            {
                if (ReadMeeting(result, skipped) is { } meeting)
                {
                    meetings.Add(meeting);
                }
            }
            var more = found.HasMore;
            if (!more || count == 0)
            {
                var warnings = new List<LocalizedText>();
                var withAgendas = await AgendasAsync(meetings, today, warnings, cancellationToken);
                return Complete(withAgendas, entry, from, key) with { Skipped = skipped, Warnings = warnings };
            }
            offset += count;
        }
        return FetchResult.Failed($"OpenBesluitvorming-bron '{key}': meer dan {MaxPages} pagina's vergaderingen; een onvolledige lijst geldt niet als de hele kalender.",
            $"OpenBesluitvorming source '{key}': more than {MaxPages} pages of meetings; refusing to read a partial list as complete.") with { Upstream = entry?.Freshness };
    }

    /// <summary>
    /// The meetings read. No meetings at all is only believed when the status says the source holds nothing in the
    /// period either; otherwise the search is blind and the read fails.
    /// </summary>
    private static FetchResult Complete(List<FetchedMeeting> meetings, StatusEntry? entry, LocalDate from, string key)
    {
        if (meetings.Count == 0)
        {
            if (entry is null)
            {
                return FetchResult.Failed($"OpenBesluitvorming-bron '{key}' toonde geen vergaderingen en de status was niet te lezen; dat geldt niet als \"geen vergaderingen\".",
                    $"OpenBesluitvorming source '{key}' showed no meetings and its status could not be read; not taken as \"no meetings\".");
            }
            if (entry.LatestContent is { } latest && latest.InZone(ProductTime.Zone).Date >= from)
            {
                return FetchResult.Failed(
                        $"De zoekfunctie van OpenBesluitvorming toont geen vergaderingen van '{key}', terwijl de status vergaderingen kent tot {Text(latest, "nooit")}; dat geldt niet als \"geen vergaderingen\".",
                        $"OpenBesluitvorming's search shows no meetings of '{key}', while its status holds meetings up to {Text(latest, "never")}; not taken as \"no meetings\".")
                    with { Upstream = entry.Freshness };
            }
        }
        return FetchResult.Read(meetings) with { Upstream = entry?.Freshness };
    }

    /// <summary>A meeting of the search results; null for another kind of entity, or (with the reason added to <paramref name="skipped"/>) one without an id or a date.</summary>
    private FetchedMeeting? ReadMeeting(SearchResult? result, List<LocalizedText> skipped)
    {
        if (result is null || result.EntityType != "Meeting")
        {
            return null;
        }
        var id = result.EntityId ?? "";
        if (id.Length == 0 || !TryInstant(result.SortDate ?? "", out var start))
        {
            skipped.Add(id.Length == 0 ? new("zonder entityId", "no entityId") : new("zonder leesbare datum (sortDate)", "no readable date (sortDate)"));
            return null;
        }
        var title = SourceText.Clean(result.Title);
        var url = Api("/api/entities/" + Uri.EscapeDataString(id)).AbsoluteUri;
        return new FetchedMeeting(id, title.Length == 0 ? "Vergadering" : title, "", "", url, start.InZone(ProductTime.Zone).Date, start);
    }

    /// <summary>
    /// The meetings with the agenda item titles of those <see cref="AgendaReads"/> picks, each read from
    /// <c>/api/entities/{id}</c> (one unit). Few meetings qualify: the source holds only about a week ahead.
    /// </summary>
    private async Task<List<FetchedMeeting>> AgendasAsync(List<FetchedMeeting> meetings, LocalDate today, List<LocalizedText> warnings, CancellationToken cancellationToken)
    {
        var options = fetcher.Options;
        var result = meetings.ToList();
        foreach (var index in AgendaReads.Wanted(meetings, today, options, warnings))
        {
            var meeting = meetings[index];
            var (status, body, _, _) = await GetPolitelyAsync(Api("/api/entities/" + Uri.EscapeDataString(meeting.ExternalId)), 1, cancellationToken);
            if (status != FetchStatus.Fetched || Parse<EntityAnswer>(body!)?.Agenda is not { } agenda)
            {
                warnings.Add(new("agenda niet te lezen", "agenda cannot be read"));
                continue;
            }
            var titles = Flatten(agenda).Select(item => SourceText.Clean(item.Title)).Where(t => t.Length > 0).ToList();
            result[index] = meeting with { AgendaItems = AgendaReads.Capped(titles, options, warnings) };
        }
        return result;
    }

    private static IEnumerable<AgendaItem> Flatten(IEnumerable<AgendaItem?> items) =>
        items.OfType<AgendaItem>().SelectMany(item => new[] { item }.Concat(Flatten(item.AgendaItems ?? [])));

    /// <summary><c>/api/entities/{id}</c> of a meeting as the API documents it: the agenda, items nested under items.</summary>
    private sealed record EntityAnswer(IReadOnlyList<AgendaItem?>? Agenda);

    private sealed record AgendaItem(string? Title, [property: System.Text.Json.Serialization.JsonPropertyName("agenda_items")] IReadOnlyList<AgendaItem?>? AgendaItems);

    /// <summary><c>/api/search</c> as the API documents it.</summary>
    private sealed record SearchPage(IReadOnlyList<SearchResult?>? Results, bool HasMore);

    private sealed record SearchResult(string? EntityId, string? EntityType, string? SortDate, string? Title);

    /// <summary><c>/api/status</c> as the API documents it.</summary>
    private sealed record StatusAnswer(IReadOnlyList<StatusSource?>? Sources);

    private sealed record StatusSource(string? SourceKey, string? Label, string? Supplier, string? OrganizationType, string? CbsId, string? State,
        string? LastSuccessAt, string? LatestContentDate, string? LastErrorMessage, string? DiscontinuedAt, Successor? SucceededBy);

    private sealed record Successor(string? Label, string? CbsId);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static T? Parse<T>(string body) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One GET under the host's rate limit; retries and short Retry-After waits are the HTTP client's.</summary>
    private async Task<(FetchStatus Status, string? Body, LocalizedText? Error, Duration? RetryAfter)> GetPolitelyAsync(Uri uri, int cost, CancellationToken cancellationToken)
    {
        var answer = await fetcher.GetAsync(uri, "", "", cancellationToken, cost);
        return (answer.Status, answer.Body, answer.Error, answer.RetryAfter);
    }

    private static List<StatusEntry> ParseStatus(string body)
    {
        var sources = Parse<StatusAnswer>(body)?.Sources ?? throw new FormatException("no 'sources' list");
        return sources.Where(s => !string.IsNullOrEmpty(s?.SourceKey)).Select(s => new StatusEntry(
                Clean(s!.SourceKey), Clean(s.Label) is { Length: > 0 } label ? label : Clean(s.SourceKey), Clean(s.Supplier), Clean(s.OrganizationType), Clean(s.CbsId), Clean(s.State),
                TryInstant(s.LastSuccessAt ?? "", out var success) ? success : null, TryInstant(s.LatestContentDate ?? "", out var latest) ? latest : null,
                Clean(s.LastErrorMessage), Clean(s.DiscontinuedAt), s.SucceededBy is { } by ? $"{Clean(by.Label)} ({Clean(by.CbsId)})" : ""))
            .ToList();
    }

    private static string Clean(string? text) => SourceText.Clean(text);

    /// <summary>A timestamp as the API writes it: ISO 8601 with Z, or "2024-11-07 20:00:00", which the documentation calls UTC.</summary>
    private static bool TryInstant(string text, out Instant instant)
    {
        instant = default;
        if (text.Length == 0 || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }
        instant = Instant.FromDateTimeOffset(parsed);
        return true;
    }

    private static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(Instant? instant, string never) => instant is { } i ? i.InZone(ProductTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : never;
}
