using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Timing.Storage;

/// <summary>
/// Healthy only when the database takes a write: a statement that writes nothing, in a transaction that
/// is rolled back, still needs the write lock (SQLite) or a writable transaction (PostgreSQL). A probe
/// waits at most <see cref="Limit"/> for that lock, so a database held by another writer answers in time.
/// </summary>
public sealed class DatabaseWritableCheck(TimingDbContext db, IOptions<StorageOptions> options) : IHealthCheck
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            db.Database.SetCommandTimeout(Limit);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Organisations.Where(o => o.Id == -1).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, o => o.Name), cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"the database cannot be written ({StorageServiceCollectionExtensions.Describe(options.Value)}): {e.Message}");
        }
    }
}
