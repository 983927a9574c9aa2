using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Storage;

namespace Timing.Web.Sessions;

/// <summary>
/// The current security stamp of each signed-in person, read from the database and kept for at most
/// Web:SessionCheckSeconds. The database is the source of truth, so a change made on one node ends the
/// sessions on every node within that time; on the node that made the change, at once.
/// </summary>
public sealed class SessionStamps(IServiceScopeFactory scopes, IClock clock, IOptions<WebOptions> options)
{
    // One entry per person who signed in recently: bounded by the number of people, not by requests.
    private readonly ConcurrentDictionary<int, (string? Stamp, Instant ReadAt)> _cache = new();

    /// <summary>The stamp stored for the person, or null when the person no longer exists.</summary>
    public async Task<string?> CurrentAsync(int personId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var maxAge = Duration.FromSeconds(options.Value.SessionCheckSeconds);
        if (_cache.TryGetValue(personId, out var cached) && now - cached.ReadAt < maxAge && now >= cached.ReadAt)
        {
            return cached.Stamp;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var stamp = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        if (maxAge > Duration.Zero)
        {
            _cache[personId] = (stamp, now);
        }
        return stamp;
    }

    /// <summary>Forgets what this node knows of a person, so their next request reads the database.</summary>
    public void Forget(int personId) => _cache.TryRemove(personId, out _);
}
