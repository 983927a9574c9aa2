using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Feeds;

/// <summary>The published version of an event: its SEQUENCE and when it last changed.</summary>
public readonly record struct FeedStamp(int Sequence, Instant Modified);

/// <summary>
/// Remembers what each event of one feed scope looked like when it was last published. An unchanged
/// fingerprint keeps its stamp, so output stays byte-identical across renders and restarts; a changed one
/// gets SEQUENCE + 1 and a new LAST-MODIFIED. Scopes never share rows, so nothing published in one scope
/// moves another. The database decides, so two nodes agree.
/// </summary>
public sealed class FeedLedger(TimingDbContext db, IClock clock)
{
    /// <summary>The fingerprint of an event that left its scope; no real fingerprint (a hex digest) looks like it.</summary>
    private const string Gone = "-";

    /// <summary>How long the row of an event that left its scope is kept (two years: longer than a feed looks back).</summary>
    private static readonly Duration ForgetAfter = Duration.FromDays(731);

    /// <summary>
    /// Records the complete current content of <paramref name="scope"/>: every event's fingerprint and a
    /// digest of the scope's calendar texts. An event that leaves the scope keeps its row, marked as gone, so
    /// that when it comes back (a window that was one day becomes two again) its SEQUENCE goes on rising from
    /// where it was instead of starting again at 0, which calendar clients would ignore; two years after it left,
    /// the row goes. Writes only what changed; a second call with the same content writes nothing.
    /// </summary>
    public async Task<ScopeStamps> StampAsync(string scope, IReadOnlyCollection<(string Uid, string Fingerprint)> items, string texts, CancellationToken cancellationToken)
    {
        var wanted = WithSetRow(items, texts);
        var known = await ReadRows(scope, cancellationToken);
        var stale = wanted.Where(i => !known.TryGetValue(i.Key, out var v) || v.Fingerprint != i.Value).ToList();
        var gone = known.Where(k => !wanted.ContainsKey(k.Key) && k.Value.Fingerprint != Gone).Select(k => k.Key).ToList();
        if (stale.Count > 0 || gone.Count > 0)
        {
            var now = WholeSeconds(clock.GetCurrentInstant());
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (uid, fingerprint) in stale)
            {
                await AtomicStatements.RecordFeedVersionAsync(db, scope, uid, fingerprint, now, cancellationToken);
            }
            if (gone.Count > 0)
            {
                await db.FeedVersions.Where(v => v.Scope == scope && gone.Contains(v.Uid))
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Fingerprint, Gone).SetProperty(v => v.Modified, now), cancellationToken);
            }
            // Events gone for longer than any horizon looks back are forgotten, so the table does not grow with the years.
            var forgotten = now - ForgetAfter;
            await db.FeedVersions.Where(v => v.Scope == scope && v.Fingerprint == Gone && v.Modified < forgotten).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            known = await ReadRows(scope, cancellationToken);
        }
        return ToStamps(known, fallback: clock.GetCurrentInstant());
    }

    /// <summary>
    /// Reads the stamps of a scope without writing anything: events without a row get SEQUENCE 0 and now.
    /// A database that does not exist yet, or has no version table, reads as empty.
    /// </summary>
    public async Task<ScopeStamps> ReadAsync(string scope, CancellationToken cancellationToken)
    {
        Dictionary<string, FeedVersion> known;
        try
        {
            known = await ReadRows(scope, cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            known = [];
        }
        return ToStamps(known, fallback: WholeSeconds(clock.GetCurrentInstant()));
    }

    /// <summary>No records at all: every event SEQUENCE 0, stamped now.</summary>
    public Task<ScopeStamps> EmptyAsync() =>
        Task.FromResult(ToStamps([], WholeSeconds(clock.GetCurrentInstant())));

    /// <summary>LAST-MODIFIED and DTSTAMP carry whole seconds, so a stamp is kept to whole seconds too.</summary>
    private static Instant WholeSeconds(Instant instant) => instant.InUtc().LocalDateTime.With(TimeAdjusters.TruncateToSecond).InUtc().ToInstant();

    /// <summary>The wanted rows: each event's, and one for the set of events together with the calendar texts (a removed event changes it).</summary>
    private static Dictionary<string, string> WithSetRow(IReadOnlyCollection<(string Uid, string Fingerprint)> items, string texts)
    {
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (uid, fingerprint) in items)
        {
            wanted.TryAdd(uid, fingerprint);
        }
        var set = texts + "\u001e" + string.Join('\u001f', wanted.Keys.Order(StringComparer.Ordinal));
        wanted[FeedVersion.SetUid] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(set)), 0, 16);
        return wanted;
    }

    private static ScopeStamps ToStamps(Dictionary<string, FeedVersion> rows, Instant fallback)
    {
        var events = rows.Where(r => r.Key != FeedVersion.SetUid)
            .ToDictionary(r => r.Key, r => new FeedStamp(r.Value.Sequence, r.Value.Modified), StringComparer.Ordinal);
        var set = rows.TryGetValue(FeedVersion.SetUid, out var row) ? row.Modified : fallback;
        return new ScopeStamps(events, set, fallback);
    }

    private async Task<Dictionary<string, FeedVersion>> ReadRows(string scope, CancellationToken cancellationToken) =>
        (await db.FeedVersions.AsNoTracking().Where(v => v.Scope == scope).ToListAsync(cancellationToken))
            .ToDictionary(v => v.Uid, StringComparer.Ordinal);
}

/// <summary>
/// The stamps of one scope: each known event's, and when the scope's set of events or calendar texts last
/// changed. An event without a stamp (only when reading without writing) gets SEQUENCE 0 at <see cref="Fallback"/>.
/// </summary>
public sealed record ScopeStamps(IReadOnlyDictionary<string, FeedStamp> Events, Instant SetModified, Instant Fallback)
{
    public FeedStamp For(string uid) => Events.TryGetValue(uid, out var stamp) ? stamp : new FeedStamp(0, Fallback);
}
