using Ical.Net;
using Timing.Core;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads a council's iCalendar export (RFC 5545) with Ical.Net: one meeting per VEVENT, its committee from
/// CATEGORIES. Only the first occurrence of a repeating event is read.
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
        foreach (var e in calendar.Events)
        {
            if (e.DtStart is null || string.IsNullOrWhiteSpace(e.Summary) || string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            LocalDate date;
            Instant? start = null;
            var dt = e.DtStart;
            if (!dt.HasTime)
            {
                date = LocalDate.FromDateOnly(dt.Date);
            }
            else if (dt.IsFloating)
            {
                var local = LocalDateTime.FromDateTime(dt.Value);
                start = local.InZoneLeniently(ProductTime.Zone).ToInstant();
                date = local.Date;
            }
            else
            {
                start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(dt.AsUtc, DateTimeKind.Utc));
                date = start.Value.InZone(ProductTime.Zone).Date;
            }
            var uid = string.IsNullOrWhiteSpace(e.Uid) ? $"{date:yyyy-MM-dd}/{e.Summary.Trim()}" : e.Uid.Trim();
            meetings.Add(new FetchedMeeting(uid, e.Summary.Trim(), string.Join(", ", e.Categories ?? []), e.Location?.Trim() ?? "",
                e.Url?.ToString() ?? "", date, start));
        }
        return FetchResult.Read(meetings);
    }
}
