using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Storage;

namespace Timing.Feeds;

/// <summary>
/// Versions for the command line: read from the service's database when it exists, never written. A SQLite
/// file is opened read-only and never created; without a record an event has SEQUENCE 0.
/// </summary>
public sealed class ReadOnlyFeedVersions(IOptions<StorageOptions> storage, IServiceScopeFactory scopes, IClock clock) : IFeedVersions
{
    public async Task<ScopeStamps> StampAsync(string scope, IReadOnlyCollection<(string Uid, string Fingerprint)> items, string texts, CancellationToken cancellationToken)
    {
        var options = storage.Value;
        if (options.Provider == StorageProvider.PostgreSql)
        {
            await using var services = scopes.CreateAsyncScope();
            return await ReadAsync(services.ServiceProvider.GetRequiredService<TimingDbContext>(), scope, cancellationToken);
        }
        var path = Path.GetFullPath(options.SqlitePath);
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
        await using var db = new SqliteTimingDbContext(new DbContextOptionsBuilder<SqliteTimingDbContext>().UseSqlite(connection).Options);
        return File.Exists(path) ? await ReadAsync(db, scope, cancellationToken) : await new FeedLedger(db, clock).EmptyAsync();
    }

    private async Task<ScopeStamps> ReadAsync(TimingDbContext db, string scope, CancellationToken cancellationToken)
    {
        try
        {
            return await new FeedLedger(db, clock).ReadAsync(scope, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // No server to read from: the feed is still printed, with SEQUENCE 0.
            return await new FeedLedger(db, clock).EmptyAsync();
        }
    }
}
