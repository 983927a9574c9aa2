using Timing.Storage;

namespace Timing.Feeds;

/// <summary>The service's versions: kept in the database, written when what a scope publishes changes.</summary>
public sealed class StoredFeedVersions(IServiceScopeFactory scopes, IClock clock) : IFeedVersions
{
    public async Task<ScopeStamps> StampAsync(string scope, IReadOnlyCollection<(string Uid, string Fingerprint)> items, string texts, CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        var ledger = new FeedLedger(services.ServiceProvider.GetRequiredService<TimingDbContext>(), clock);
        return await ledger.StampAsync(scope, items, texts, cancellationToken);
    }
}
