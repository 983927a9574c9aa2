using System.Text;
using Ical.Net;
using Timing.Core;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads a council's iCalendar export (RFC 5545) with Ical.Net, one VEVENT at a time: an event that cannot be read
/// (31 February) is skipped and counted without rejecting the calendar, and after
/// <see cref="MeetingsOptions.MaxMeetingsPerRead"/> events the rest are only counted, so a calendar of 200,000 events
/// costs no more than one of the cap. Committee from CATEGORIES, else the calendar's name (X-WR-CALNAME). Only the
/// first occurrence of a repeating event is read. Cancelled events are left out; events without a start or a title
/// are skipped and counted with the reason.
/// </summary>
public static class IcsMeetingReader
{
    /// <summary>The meetings in <paramref name="text"/>, or why it is not a calendar (<paramref name="where"/> names the file or host).</summary>
    public static FetchResult Read(string text, string where, MeetingsOptions? options = null)
    {
        var cap = (options ?? new MeetingsOptions()).MaxMeetingsPerRead;
        if (!text.AsSpan().TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return FetchResult.Failed($"{where}: het antwoord is geen iCalendar-bestand (het begint niet met BEGIN:VCALENDAR).",
                $"{where}: the answer is not an iCalendar file (it does not start with BEGIN:VCALENDAR).");
        }
        var (rawFrame, events) = Split(text);
        var frame = SourceText.CleanLines(rawFrame);
        Calendar? header;
        try
        {
            header = Calendar.Load(frame + "END:VCALENDAR\r\n");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FetchResult.Failed($"{where}: het iCalendar-bestand is niet te lezen.", $"{where}: the iCalendar file cannot be read.");
        }
        var calendarName = SourceText.Clean(header?.Properties.FirstOrDefault(p => p.Name == "X-WR-CALNAME")?.Value?.ToString());
        var meetings = new List<FetchedMeeting>();
        var skipped = new List<LocalizedText>();
        var warnings = new List<LocalizedText>();
        var beyond = 0;
        foreach (var (start, length) in events)
        {
            if (meetings.Count >= cap)
            {
                beyond++;
                continue;
            }
            Ical.Net.CalendarComponents.CalendarEvent? e;
            try
            {
                // Control and bidi characters go before parsing: the parser refuses some, and none belongs in a page.
                e = Calendar.Load(frame + SourceText.CleanLines(text.Substring(start, length)) + "END:VCALENDAR\r\n")?.Events.FirstOrDefault();
            }
            catch (Exception x) when (x is not OutOfMemoryException)
            {
                skipped.Add(new("niet te lezen (bijvoorbeeld een onmogelijke datum)", "cannot be read (an impossible date, for instance)"));
                continue;
            }
            if (e is null || string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var summary = SourceText.Clean(e.Summary);
            if (e.DtStart is null || summary.Length == 0)
            {
                skipped.Add(e.DtStart is null ? new("zonder begindatum (DTSTART)", "no start date (DTSTART)") : new("zonder titel (SUMMARY)", "no title (SUMMARY)"));
                continue;
            }
            LocalDate date;
            Instant? at;
            try
            {
                (date, at) = Start(e.DtStart);
            }
            catch (Exception x) when (x is not OutOfMemoryException)
            {
                skipped.Add(new("begindatum niet te lezen", "start date cannot be read"));
                continue;
            }
            var uid = string.IsNullOrWhiteSpace(e.Uid) ? $"{date:yyyy-MM-dd}/{summary}" : SourceText.Clean(e.Uid);
            var categories = SourceText.Clean(string.Join(", ", e.Categories ?? []));
            meetings.Add(new FetchedMeeting(uid, summary, categories.Length > 0 ? categories : calendarName, SourceText.Clean(e.Location),
                e.Url?.ToString() ?? "", date, at));
        }
        if (beyond > 0)
        {
            warnings.Add(Beyond(beyond, cap));
        }
        return FetchResult.Read(meetings) with { Skipped = skipped, Warnings = warnings };
    }

    /// <summary>"N meetings beyond the cap left out", for every reader that stops at the cap.</summary>
    public static LocalizedText Beyond(int count, int cap) => new(
        $"{count} vergaderingen boven het maximum van {cap} per lezing weggelaten (Meetings:MaxMeetingsPerRead)",
        $"{count} meetings beyond the cap of {cap} per read left out (Meetings:MaxMeetingsPerRead)");

    /// <summary>
    /// The calendar without its events (properties, time zones), and where each VEVENT starts and how long it is,
    /// found line by line without copying the text.
    /// </summary>
    private static (string Frame, List<(int Start, int Length)> Events) Split(string text)
    {
        var frame = new StringBuilder();
        var events = new List<(int, int)>();
        var eventStart = -1;
        var depth = 0;
        var position = 0;
        while (position < text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var next = newline < 0 ? text.Length : newline + 1;
            var line = text.AsSpan(position, next - position).TrimEnd("\r\n");
            if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase) && eventStart < 0)
            {
                eventStart = position;
            }
            if (eventStart >= 0)
            {
                depth += line.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase) ? 1 : line.StartsWith("END:", StringComparison.OrdinalIgnoreCase) ? -1 : 0;
                if (depth == 0)
                {
                    events.Add((eventStart, next - eventStart));
                    eventStart = -1;
                }
            }
            else if (!line.Equals("END:VCALENDAR", StringComparison.OrdinalIgnoreCase))
            {
                frame.Append(line).Append("\r\n");
            }
            position = next;
        }
        return (frame.ToString(), events);
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
