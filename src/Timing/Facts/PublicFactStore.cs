using System.Collections.Concurrent;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Facts;

/// <summary>
/// The public facts of each municipality as the planner reads them, kept in memory for a few seconds so a
/// feed request does not ask the database each time. A change made in this process is seen at once; a
/// change made by another node or by the command line within <see cref="Freshness"/>.
/// </summary>
public sealed class PublicFactStore(IPublicFactReader reader, IClock clock)
{
    /// <summary>How long a read stays in memory.</summary>
    public static readonly Duration Freshness = Duration.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Snapshot> _cache = new(StringComparer.Ordinal);

    /// <summary>The facts of one municipality, and a version that changes whenever they do.</summary>
    public sealed record Snapshot(IReadOnlyList<ActualDate> Facts, string Version, Instant ReadAt);

    public async Task<Snapshot> GetAsync(string code, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_cache.TryGetValue(code, out var cached) && now - cached.ReadAt < Freshness && now >= cached.ReadAt)
        {
            return cached;
        }
        var all = await GetManyAsync([code], cancellationToken);
        return all[code];
    }

    /// <summary>The facts of several municipalities with one query.</summary>
    public async Task<IReadOnlyDictionary<string, Snapshot>> GetManyAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var rows = await reader.CurrentAsync(codes, cancellationToken);
        var result = new Dictionary<string, Snapshot>(StringComparer.Ordinal);
        foreach (var code in codes.Distinct())
        {
            var mine = rows.Where(r => r.Code == code).ToArray();
            var version = string.Join(',', mine.Select(r => r.Id));
            var snapshot = new Snapshot(mine.Select(PublicFactRows.ToActual).ToArray(), version, now);
            _cache[code] = snapshot;
            result[code] = snapshot;
        }
        return result;
    }

    /// <summary>The profile with the municipality's public facts beneath its own entries.</summary>
    public async Task<MunicipalityProfile> WithFactsAsync(MunicipalityProfile profile, CancellationToken cancellationToken) =>
        profile.WithPublicFacts((await GetAsync(profile.Code.Value, cancellationToken)).Facts);

    /// <summary>Forgets what was read, after a change in this process.</summary>
    public void Invalidate(string code) => _cache.TryRemove(code, out _);
}
