using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Meetings;

/// <summary>Connecting and disconnecting a municipality's meeting source: the same for the command line, the operator page and the automatic search.</summary>
public static class MeetingSourceConnections
{
    /// <summary>Who connected a source the automatic search found (<see cref="MeetingSource.ConfiguredBy"/>).</summary>
    public const string Automatic = "automatic";

    /// <summary>
    /// Connects (or replaces) the source; the worker reads it at its next run. Saves. Returns the row.
    /// </summary>
    public static async Task<MeetingSource> ConnectAsync(TimingDbContext db, string code, string kind, string address, string by, Instant now, CancellationToken cancellationToken)
    {
        var row = await db.MeetingSources.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (row is null)
        {
            row = new MeetingSource { Code = code, Kind = kind, Address = address };
            db.MeetingSources.Add(row);
        }
        if (row.Kind != kind || row.Address != address)
        {
            // Another calendar: what the old one said about its failures and reach is not this one's.
            row.LastError = MeetingSource.NoError;
            row.LastWarnings = MeetingSource.NoError;
            row.FailingSince = null;
            row.FailureMailSent = null;
            row.SeesUntil = null;
            row.MeetingsSeen = 0;
            row.LastSuccess = null;
            row.LastAttempt = null;
        }
        row.Kind = kind;
        row.Address = address;
        row.ETag = "";
        row.LastModified = "";
        row.NextFetch = NodaConstants.UnixEpoch;
        row.ConfiguredBy = by;
        row.Configured = now;
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Stops reading the municipality's meetings (stored meetings and facts stay) and turns the automatic search off for
    /// it, so a source taken away on purpose does not come back by itself. False when none was connected.
    /// </summary>
    public static async Task<bool> DisconnectAsync(TimingDbContext db, string code, Instant now, CancellationToken cancellationToken)
    {
        var row = await db.MeetingSources.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (row is null)
        {
            return false;
        }
        db.MeetingSources.Remove(row);
        var discovery = await db.MeetingSourceDiscoveries.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (discovery is null)
        {
            discovery = new MeetingSourceDiscovery { Code = code };
            db.MeetingSourceDiscoveries.Add(discovery);
        }
        discovery.State = MeetingSourceDiscovery.Off;
        discovery.Note = new("Losgekoppeld door een beheerder; Timing zoekt niet zelf opnieuw.", "Disconnected by an operator; Timing does not search again by itself.");
        discovery.Tried = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
