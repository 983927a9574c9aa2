using System.Globalization;
using System.Text.Json;
using Timing.Core;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads an organisation's meetings from the Notubiz events API (format=json, version=1.17.0): the list
/// <c>GET /events?organisation_id=…&amp;date_from=…&amp;date_to=…&amp;page=…</c>, pages while
/// <c>pagination.has_more_pages</c>. Public events only; cancelled ones are left out, and an event that cannot be read is
/// skipped and counted with the reason.
/// </summary>
public sealed class NotubizReader(MeetingFetcher fetcher)
{
    public const string Version = "1.17.0";

    /// <summary>Most pages read in one run, so a broken pagination cannot loop.</summary>
    private const int MaxPages = 20;

    public async Task<FetchResult> FetchAsync(string organisationId, Instant now, CancellationToken cancellationToken)
    {
        if (!int.TryParse(organisationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return FetchResult.Failed($"Notubiz-organisatienummer '{organisationId}' is geen getal.", $"Notubiz organisation id '{organisationId}' is not a number.");
        }
        var today = now.InZone(ProductTime.Zone).Date;
        var from = today.PlusMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.PlusMonths(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var meetings = new List<FetchedMeeting>();
        var skipped = new List<LocalizedText>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var uri = new Uri($"{fetcher.Options.NotubizBaseUrl.TrimEnd('/')}/events?organisation_id={id}&date_from={Uri.EscapeDataString(from + " 00:00:00")}&date_to={Uri.EscapeDataString(to + " 23:59:59")}&page={page}&format=json&version={Version}");
            var (status, body, _, _, retry, error) = await fetcher.GetAsync(uri, "", "", cancellationToken);
            if (status != FetchStatus.Fetched)
            {
                return FetchResult.Failed(error!, retry);
            }
            try
            {
                using var json = JsonDocument.Parse(body!);
                if (!json.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                {
                    return FetchResult.Failed($"{uri}: het antwoord heeft geen lijst 'events'; is dit de events-API van Notubiz?",
                        $"{uri}: the answer has no 'events' list; is this the Notubiz events API?");
                }
                foreach (var e in events.EnumerateArray())
                {
                    try
                    {
                        if (Read(e) is { } meeting)
                        {
                            meetings.Add(meeting);
                        }
                    }
                    catch (Exception x) when (x is InvalidOperationException or FormatException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException)
                    {
                        skipped.Add(new($"niet te lezen als Notubiz-evenement ({x.Message})", $"cannot be read as a Notubiz event ({x.Message})"));
                    }
                }
                var more = json.RootElement.TryGetProperty("pagination", out var p) && p.TryGetProperty("has_more_pages", out var m) && m.ValueKind == JsonValueKind.True;
                if (!more)
                {
                    return FetchResult.Read(meetings) with { Skipped = skipped };
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                return FetchResult.Unreadable(uri, e);
            }
        }
        return FetchResult.Failed($"Notubiz-organisatie {id}: meer dan {MaxPages} pagina's; een onvolledige lijst geldt niet als de hele kalender.",
            $"Notubiz organisation {id}: more than {MaxPages} pages; refusing to read a partial list as complete.");
    }

    private static FetchedMeeting? Read(JsonElement e)
    {
        if (e.TryGetProperty("permission_group", out var permission) && permission.GetString() != "public")
        {
            return null;
        }
        if (e.TryGetProperty("canceled", out var canceled) && canceled.ValueKind == JsonValueKind.True)
        {
            return null;
        }
        var planning = e.GetProperty("plannings")[0];
        var local = LocalDateTime.FromDateTime(DateTime.ParseExact(planning.GetProperty("start_date").GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var start = local.InZoneLeniently(ProductTime.Zone).ToInstant();
        var committee = e.TryGetProperty("gremium", out var g) && g.ValueKind == JsonValueKind.Object && g.TryGetProperty("title", out var gt) ? gt.GetString() ?? "" : "";
        var title = e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String && t.GetString()!.Trim().Length > 0 ? t.GetString()!.Trim() : committee;
        var id = e.GetProperty("id").ToString();
        var url = e.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "";
        var location = e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "";
        return new FetchedMeeting(id, title.Length == 0 ? "Vergadering" : title, committee == title ? "" : committee, location, url, local.Date, start);
    }
}
