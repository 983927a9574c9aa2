using Microsoft.EntityFrameworkCore;
using Timing.Core;
using Timing.Storage;

namespace Timing.Meetings;

/// <summary>
/// The stored meetings a municipality's source still stands behind. Meetings are never deleted, but a meeting ahead
/// that the newest read of its source no longer showed may be cancelled or moved: it gets no nudge and no feed event.
/// A past meeting stays, since sources drop what has passed. When a source is connected, only its meetings count.
/// </summary>
public static class CurrentMeetings
{
    public static async Task<List<Meeting>> ListAsync(TimingDbContext db, IReadOnlyCollection<string> codes, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => codes.Contains(m.Code) && m.Date >= from && m.Date <= to)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }
        var connected = await db.MeetingSources.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Kind, cancellationToken);
        var newestRead = (await db.Meetings.AsNoTracking().Where(m => codes.Contains(m.Code))
                .GroupBy(m => new { m.Code, m.SourceKind }).Select(g => new { g.Key.Code, g.Key.SourceKind, Last = g.Max(m => m.LastSeen) })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Code, r.SourceKind), r => r.Last);
        return rows.Where(m => IsCurrent(m, connected, newestRead)).ToList();
    }

    private static bool IsCurrent(Meeting meeting, Dictionary<string, string> connected, Dictionary<(string, string), Instant> newestRead)
    {
        if (connected.TryGetValue(meeting.Code, out var kind) && kind != meeting.SourceKind)
        {
            return false;
        }
        var newest = newestRead.GetValueOrDefault((meeting.Code, meeting.SourceKind));
        if (meeting.LastSeen == newest)
        {
            return true;
        }
        var readDay = newest.InZone(ProductTime.Zone).Date;
        return meeting.Date < readDay;
    }
}
