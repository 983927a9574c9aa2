using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Feeds;

/// <summary>The published version of an event or a feed: its SEQUENCE and when it last changed.</summary>
public readonly record struct FeedStamp(int Sequence, Instant Modified);

/// <summary>
/// Remembers what each event (and each feed as a whole) looked like when it was last published.
/// An unchanged fingerprint keeps its stamp, so output stays byte-identical across renders and restarts;
/// a changed one gets SEQUENCE + 1 and a new LAST-MODIFIED. The database decides, so two nodes agree.
/// </summary>
public sealed class FeedLedger(TimingDbContext db, IClock clock)
{
    public async Task<IReadOnlyDictionary<string, FeedStamp>> StampAsync(IEnumerable<(string Uid, string Fingerprint)> items, CancellationToken cancellationToken)
    {
        var wanted = items.DistinctBy(i => i.Uid).ToList();
        var uids = wanted.Select(i => i.Uid).ToList();
        var known = await Read(uids, cancellationToken);
        var stale = wanted.Where(i => !known.TryGetValue(i.Uid, out var v) || v.Fingerprint != i.Fingerprint).ToList();
        if (stale.Count > 0)
        {
            var now = clock.GetCurrentInstant().ToUnixTimeSeconds() * 1000;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (uid, fingerprint) in stale)
            {
                // Insert-if-absent and update-if-different are single statements, so concurrent renders on two nodes cannot double-count.
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO feed_versions ("Uid", "Fingerprint", "Sequence", "ModifiedUnixMs") VALUES ({uid}, {fingerprint}, 0, {now}) ON CONFLICT ("Uid") DO NOTHING""",
                    cancellationToken);
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE feed_versions SET "Fingerprint" = {fingerprint}, "Sequence" = "Sequence" + 1, "ModifiedUnixMs" = {now} WHERE "Uid" = {uid} AND "Fingerprint" <> {fingerprint}""",
                    cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            known = await Read(uids, cancellationToken);
        }
        return known.ToDictionary(k => k.Key, k => new FeedStamp(k.Value.Sequence, Instant.FromUnixTimeMilliseconds(k.Value.ModifiedUnixMs)));
    }

    private async Task<Dictionary<string, FeedVersion>> Read(List<string> uids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, FeedVersion>(StringComparer.Ordinal);
        foreach (var chunk in uids.Chunk(500))
        {
            var rows = await db.FeedVersions.AsNoTracking().Where(v => chunk.Contains(v.Uid)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[row.Uid] = row;
            }
        }
        return result;
    }
}
