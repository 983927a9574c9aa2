using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Timing.Feeds;

/// <summary>
/// The feeds kept in memory, within a byte budget (Feeds:CacheBytes): each entry counts its bytes, and the
/// least recently used go first when the budget is full. Only the service's own memory, never the database.
/// </summary>
public sealed class FeedCache(IOptions<FeedOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = options.Value.CacheBytes,
        TrackStatistics = true,
        // When full, make room for a quarter of the budget at once rather than one entry at a time.
        CompactionPercentage = 0.25,
    });

    /// <summary>The bytes the entries count now; never more than the budget.</summary>
    public long Bytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Count => _cache.Count;

    public bool TryGet<T>(string key, out T? value) => _cache.TryGetValue(key, out value);

    public void Set<T>(string key, T value, long bytes, bool keepLonger = false) =>
        _cache.Set(key, value, new MemoryCacheEntryOptions
        {
            Size = bytes,
            SlidingExpiration = TimeSpan.FromDays(2),
            Priority = keepLonger ? CacheItemPriority.High : CacheItemPriority.Normal,
        });

    public void Dispose() => _cache.Dispose();
}
