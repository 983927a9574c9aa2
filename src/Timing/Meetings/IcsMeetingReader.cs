using Ical.Net;
using Timing.Core;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads a council's iCalendar export (RFC 5545) with Ical.Net: one meeting per VEVENT, its committee from
/// CATEGORIES. Only the first occurrence of a repeating event is read. Cancelled events are left out; events
/// without a start or a title, or whose start cannot be read, are skipped and counted with the reason.
/// </summary>
public static class IcsMeetingReader
{
    /// <summary>The meetings in <paramref name="text"/>, or why it is not a calendar (<paramref name="where"/> names the file or address).</summary>
    public static FetchResult Read(string text, string where)
    {
        if (!text.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return FetchResult.Failed($"{where}: het antwoord is geen iCalendar-bestand (het begint niet met BEGIN:VCALENDAR).",
                $"{where}: the answer is not an iCalendar file (it does not start with BEGIN:VCALENDAR).");
        }
        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FetchResult.Failed($"{where}: het iCalendar-bestand is niet te lezen: {e.Message}", $"{where}: the iCalendar file cannot be read: {e.Message}");
        }
        if (calendar is null)
        {
            return FetchResult.Failed($"{where}: het iCalendar-bestand bevat geen kalender.", $"{where}: the iCalendar file holds no calendar.");
        }
        var meetings = new List<FetchedMeeting>();
        var skipped = new List<LocalizedText>();
        foreach (var e in calendar.Events)
        {
            if (string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (e.DtStart is null || string.IsNullOrWhiteSpace(e.Summary))
            {
                skipped.Add(e.DtStart is null ? new("zonder begindatum (DTSTART)", "no start date (DTSTART)") : new("zonder titel (SUMMARY)", "no title (SUMMARY)"));
                continue;
            }
            LocalDate date;
            Instant? start = null;
            try
            {
                (date, start) = Start(e.DtStart);
            }
            catch (Exception x) when (x is not OutOfMemoryException)
            {
                skipped.Add(new($"begindatum niet te lezen ({x.Message})", $"start date cannot be read ({x.Message})"));
                continue;
            }
            var uid = string.IsNullOrWhiteSpace(e.Uid) ? $"{date:yyyy-MM-dd}/{e.Summary.Trim()}" : e.Uid.Trim();
            meetings.Add(new FetchedMeeting(uid, e.Summary.Trim(), string.Join(", ", e.Categories ?? []), e.Location?.Trim() ?? "",
                e.Url?.ToString() ?? "", date, start));
        }
        return FetchResult.Read(meetings) with { Skipped = skipped };
    }

    /// <summary>The day in Amsterdam, and the instant when the start has a time.</summary>
    private static (LocalDate Date, Instant? Start) Start(Ical.Net.DataTypes.CalDateTime dt)
    {
        if (!dt.HasTime)
        {
            return (LocalDate.FromDateOnly(dt.Date), null);
        }
        if (dt.IsFloating)
        {
            var local = LocalDateTime.FromDateTime(dt.Value);
            return (local.Date, local.InZoneLeniently(ProductTime.Zone).ToInstant());
        }
        var start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(dt.AsUtc, DateTimeKind.Utc));
        return (start.InZone(ProductTime.Zone).Date, start);
    }
}
