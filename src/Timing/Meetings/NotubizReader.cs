using System.Globalization;
using System.Text.Json;
using Timing.Core;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads an organisation's meetings from the Notubiz API (format=json, version=1.17.0). The organisation's settings
/// (<c>/organisations/{id}/entity_type_settings</c>) say which numbered attribute is the title and which the place
/// (1 and 50 when they do not), its gremia (<c>/organisations/{id}/gremia</c>) name the committees, and the events
/// (<c>/events?organisation_id=…&amp;date_from=…&amp;date_to=…&amp;page=…</c>) are read in windows of at most six
/// months, page by page while <c>pagination.has_more_pages</c>: some organisations answer a longer period with a 404,
/// and a window that fails fails alone. Assemblies (containers of meetings), cancelled and non-public events are left
/// out and counted. For coming meetings whose title says nothing by itself, the agenda
/// (<c>/events/meetings/{id}</c>) is read too.
/// </summary>
public sealed class NotubizReader(MeetingFetcher fetcher) : IMeetingSourceReader
{
    public const string Version = "1.17.0";

    /// <summary>Most pages read per window, so a broken pagination cannot loop.</summary>
    private const int MaxPagesPerWindow = 20;

    private static readonly Period Window = Period.FromMonths(6);

    public string Kind => MeetingSourceKinds.Notubiz;

    public Task<FetchResult> FetchAsync(MeetingSourceRead read, CancellationToken cancellationToken) => FetchAsync(read.Address, read.Now, cancellationToken);

    public async Task<FetchResult> FetchAsync(string organisationId, Instant now, CancellationToken cancellationToken)
    {
        if (!int.TryParse(organisationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return FetchResult.Failed($"Notubiz-organisatienummer '{SourceText.Clean(organisationId)}' is geen getal.", $"Notubiz organisation id '{SourceText.Clean(organisationId)}' is not a number.");
        }
        var options = fetcher.Options;
        var (titleField, placeField) = await FieldsAsync(id, cancellationToken);
        var gremia = await GremiaAsync(id, cancellationToken);
        var today = now.InZone(ProductTime.Zone).Date;
        var meetings = new List<FetchedMeeting>();
        var skipped = new List<LocalizedText>();
        var warnings = new List<LocalizedText>();
        var windowsRead = 0;
        var unread = new List<DateInterval>();
        LocalizedText? lastError = null;
        Duration? retryAfter = null;
        var end = today.PlusMonths(14);
        for (var from = today.PlusMonths(-2); from <= end; from += Window)
        {
            var to = LocalDate.Min(from + Window - Period.FromDays(1), end);
            if (retryAfter is not null)
            {
                // The source asked to wait: the rest is not asked now, and not taken as empty either.
                unread.Add(new DateInterval(from, to));
                continue;
            }
            var window = await ReadWindowAsync(id, from, to, titleField, placeField, gremia, meetings, skipped, warnings, cancellationToken);
            if (window is null)
            {
                windowsRead++;
                continue;
            }
            (lastError, retryAfter) = (window.Error, window.RetryAfter);
            unread.Add(new DateInterval(from, to));
            warnings.Add(new($"periode {Day(from)} – {Day(to)} niet gelezen: {window.Error!.Nl}", $"period {Day(from)} – {Day(to)} not read: {window.Error!.En}"));
        }
        if (windowsRead == 0)
        {
            return FetchResult.Failed(lastError!, retryAfter);
        }
        var withAgendas = await AgendasAsync(meetings, today, titleField, warnings, cancellationToken);
        return FetchResult.Read(withAgendas) with { Skipped = skipped, Warnings = warnings, Unread = unread };
    }

    /// <summary>Reads one window's pages into the lists; null when it was read, else the failure that ended it.</summary>
    private async Task<SourceAnswer?> ReadWindowAsync(int id, LocalDate from, LocalDate to, long titleField, long placeField, IReadOnlyDictionary<long, string> gremia,
        List<FetchedMeeting> meetings, List<LocalizedText> skipped, List<LocalizedText> warnings, CancellationToken cancellationToken)
    {
        for (var page = 1; page <= MaxPagesPerWindow; page++)
        {
            var uri = Api($"/events?organisation_id={id}&date_from={Uri.EscapeDataString(Day(from) + " 00:00:00")}&date_to={Uri.EscapeDataString(Day(to) + " 23:59:59")}&page={page}&format=json&version={Version}");
            var answer = await fetcher.GetAsync(uri, "", "", cancellationToken);
            if (answer.Status != FetchStatus.Fetched)
            {
                return answer;
            }
            NotubizJson.EventsPage? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<NotubizJson.EventsPage>(answer.Body!, NotubizJson.Options);
            }
            catch (JsonException)
            {
                return SourceAnswer.Failed(Unreadable(uri));
            }
            if (parsed?.Events is null)
            {
                return SourceAnswer.Failed(new($"{SourceText.Host(uri)}: het antwoord heeft geen lijst 'events'; is dit de events-API van Notubiz?",
                    $"{SourceText.Host(uri)}: the answer has no 'events' list; is this the Notubiz events API?"));
            }
            foreach (var e in parsed.Events)
            {
                if (Leave(e) is { } reason)
                {
                    skipped.Add(reason);
                    continue;
                }
                if (Read(e, titleField, placeField, gremia) is not { } meeting)
                {
                    skipped.Add(new("zonder leesbare begindatum (plannings[0].start_date)", "no readable start (plannings[0].start_date)"));
                    continue;
                }
                if (meeting.Title.Length == 0)
                {
                    warnings.Add(new("vergadering zonder titel; de naam van de commissie is gebruikt", "meeting without a title; the committee's name is used"));
                    meeting = meeting with { Title = meeting.Committee.Length > 0 ? meeting.Committee : "Vergadering" };
                }
                meetings.Add(meeting);
            }
            if (parsed.Pagination?.HasMorePages != true)
            {
                return null;
            }
        }
        return SourceAnswer.Failed(new($"meer dan {MaxPagesPerWindow} pagina's; een onvolledige lijst geldt niet als de hele periode",
            $"more than {MaxPagesPerWindow} pages; a partial list is not taken as the whole period"));
    }

    /// <summary>Why an event is left out: an assembly only groups meetings, a cancelled or non-public one is not a meeting to plan for.</summary>
    private static LocalizedText? Leave(NotubizJson.Event e) => e switch
    {
        { Type: "assembly" } => new("bundeling van vergaderingen (type assembly)", "container of meetings (type assembly)"),
        { Canceled: true } => new("geannuleerd (canceled)", "cancelled (canceled)"),
        { PermissionGroup: { } group } when group != "public" => new($"niet openbaar (permission_group {SourceText.Clean(group)})", $"not public (permission_group {SourceText.Clean(group)})"),
        _ => null,
    };

    private static FetchedMeeting? Read(NotubizJson.Event e, long titleField, long placeField, IReadOnlyDictionary<long, string> gremia)
    {
        if (e.Plannings is not [{ StartDate: { } startText }, ..] || !TryStart(startText, out var date, out var start))
        {
            return null;
        }
        var committee = e.Gremium is { } g && gremia.TryGetValue(g.Id, out var name) ? name : "";
        return new FetchedMeeting(e.Id.ToString(CultureInfo.InvariantCulture), Attribute(e.Attributes, titleField), committee, Attribute(e.Attributes, placeField),
            e.Url ?? "", date, start);
    }

    /// <summary>
    /// A start as Notubiz writes it: "2019-01-14 19:30:00" in the organisation's own (Dutch) time, or with an offset,
    /// "2025-01-14T19:30:00+01:00".
    /// </summary>
    internal static bool TryStart(string text, out LocalDate date, out Instant start)
    {
        date = default;
        start = default;
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var at = LocalDateTime.FromDateTime(local);
            date = at.Date;
            start = at.InZoneLeniently(ProductTime.Zone).ToInstant();
            return true;
        }
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
        {
            start = Instant.FromDateTimeOffset(offset);
            date = start.InZone(ProductTime.Zone).Date;
            return true;
        }
        return false;
    }

    private static string Attribute(IReadOnlyList<NotubizJson.Attribute>? attributes, long id) =>
        SourceText.Clean(attributes?.FirstOrDefault(a => a.Id == id)?.Value).Trim('\'', '"').Trim();

    /// <summary>The attribute ids the organisation labels as title and place; 1 and 50, Notubiz's usual ones, when its settings cannot be read.</summary>
    private async Task<(long Title, long Place)> FieldsAsync(int id, CancellationToken cancellationToken)
    {
        var answer = await fetcher.GetAsync(Api($"/organisations/{id}/entity_type_settings?format=json&version={Version}"), "", "", cancellationToken);
        var fields = Parse<NotubizJson.SettingsAnswer>(answer)?.EntityTypeSettings?.EventsSettings?.GremiumFieldSettings?
            .SelectMany(g => g.FieldsSettings ?? []).ToArray() ?? [];
        return (Field(fields, ["titel", "title", "naam"]) ?? 1, Field(fields, ["locatie", "location", "plaats", "place"]) ?? 50);
    }

    private static long? Field(IReadOnlyList<NotubizJson.FieldSetting> fields, string[] labels) =>
        fields.FirstOrDefault(f => labels.Contains(f.Label?.Trim().ToLowerInvariant() ?? ""))?.FieldId;

    /// <summary>The organisation's committees by id; empty when they cannot be read (meetings then have no committee).</summary>
    private async Task<IReadOnlyDictionary<long, string>> GremiaAsync(int id, CancellationToken cancellationToken)
    {
        var answer = await fetcher.GetAsync(Api($"/organisations/{id}/gremia?format=json&version={Version}"), "", "", cancellationToken);
        return (Parse<NotubizJson.GremiaAnswer>(answer)?.Gremia ?? [])
            .Where(g => !string.IsNullOrWhiteSpace(g.Title))
            .GroupBy(g => g.Id).ToDictionary(g => g.Key, g => SourceText.Clean(g.First().Title));
    }

    /// <summary>The meetings with the agenda item titles of those <see cref="AgendaReads"/> picks.</summary>
    private async Task<List<FetchedMeeting>> AgendasAsync(List<FetchedMeeting> meetings, LocalDate today, long titleField, List<LocalizedText> warnings, CancellationToken cancellationToken)
    {
        var options = fetcher.Options;
        var result = meetings.ToList();
        foreach (var index in AgendaReads.Wanted(meetings, today, options, warnings))
        {
            var meeting = meetings[index];
            var answer = await fetcher.GetAsync(Api($"/events/meetings/{meeting.ExternalId}?format=json&version={Version}"), "", "", cancellationToken);
            if (Parse<NotubizJson.MeetingAnswer>(answer)?.Meeting is not { } detail)
            {
                warnings.Add(new("agenda niet te lezen", "agenda cannot be read"));
                continue;
            }
            var titles = Flatten(detail.AgendaItems ?? [])
                .Where(item => item.PermissionGroup is null or "public" && item.TypeData is { Heading: false })
                .Select(item => Attribute(item.TypeData!.Attributes, titleField) is { Length: > 0 } t ? t : Attribute(item.TypeData!.Attributes, 1))
                .Where(t => t.Length > 0).ToList();
            result[index] = meeting with
            {
                AgendaItems = AgendaReads.Capped(titles, options, warnings),
                Url = meeting.Url.Length > 0 ? meeting.Url : detail.Url ?? "",
            };
        }
        return result;
    }

    private static IEnumerable<NotubizJson.AgendaItem> Flatten(IEnumerable<NotubizJson.AgendaItem> items) =>
        items.SelectMany(item => new[] { item }.Concat(Flatten(item.AgendaItems ?? [])));

    private static T? Parse<T>(SourceAnswer answer) where T : class
    {
        if (answer.Status != FetchStatus.Fetched)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(answer.Body!, NotubizJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Uri Api(string pathAndQuery) => new($"{fetcher.Options.NotubizBaseUrl.TrimEnd('/')}{pathAndQuery}");

    private static LocalizedText Unreadable(Uri uri) =>
        new($"{SourceText.Host(uri)}: het antwoord is geen JSON van de Notubiz-API.", $"{SourceText.Host(uri)}: the answer is not JSON of the Notubiz API.");

    private static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
