using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Timing.Storage;

namespace Timing.Health;

/// <summary>
/// Healthy only when the database takes a write within <see cref="HealthLimits.Probe"/>. A statement that writes
/// nothing, in a transaction that is rolled back, still needs the write lock (SQLite) or a writable transaction
/// (PostgreSQL). Such a write touches no disk, so for SQLite the file must also still be there (a deleted file
/// stays writable through the connections that hold it open, and is lost at the next start) and its file system
/// must have room (<see cref="MinimumFreeBytes"/>), or the next real write fails with "database or disk is full".
/// </summary>
public sealed partial class DatabaseWritableCheck(IServiceScopeFactory scopes, IOptions<StorageOptions> options, ILogger<DatabaseWritableCheck> logger) : IHealthCheck
{
    /// <summary>Below this much room a write may fail: a transaction, its write-ahead log and a checkpoint need a few pages each.</summary>
    public const long MinimumFreeBytes = 1024 * 1024;

    private readonly SingleProbe _probe = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = options.Value;
        var where = StorageServiceCollectionExtensions.Describe(storage);
        if (storage.Provider == StorageProvider.Sqlite)
        {
            var path = Path.GetFullPath(storage.SqlitePath);
            if (!File.Exists(path))
            {
                return Fail(where, Gone, Gone);
            }
            var free = new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace;
            if (free < MinimumFreeBytes)
            {
                return Fail(where, $"its disk is full ({free} bytes free)", "the database's disk is full", new Dictionary<string, object> { ["freeBytes"] = free });
            }
        }
        var outcome = await _probe.RunAsync(ProbeAsync, cancellationToken);
        return outcome switch
        {
            null => HealthCheckResult.Healthy("the database takes writes"),
            _ when outcome == SingleProbe.NoAnswer => Fail(where, outcome, $"the database took no write within {HealthLimits.Probe.TotalSeconds:0} s"),
            _ when outcome.StartsWith(Gone, StringComparison.Ordinal) => Fail(where, outcome, Gone),
            _ => Fail(where, outcome, "the database cannot be written"),
        };
    }

    private const string Gone = "the database file is gone";

    private async Task<string?> ProbeAsync()
    {
        try
        {
            if (options.Value.Provider == StorageProvider.Sqlite)
            {
                return FileProblem(Path.GetFullPath(options.Value.SqlitePath)) ?? await SqliteWriteLockAsync(Path.GetFullPath(options.Value.SqlitePath));
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
            // Longer than the limit, so a held lock ends in the limit's answer, and the stuck probe ends soon after.
            db.Database.SetCommandTimeout(HealthLimits.Probe * 2);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Organisations.Where(o => o.Id == -1).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, o => o.Name));
            await transaction.RollbackAsync();
            return null;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The write lock, taken and given back at once: plain SQL on the service's own pool, so even the first probe
    /// after a start answers without waiting for a query to be compiled. Never creates the file.
    /// </summary>
    private static async Task<string?> SqliteWriteLockAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite,
            Cache = Microsoft.Data.Sqlite.SqliteCacheMode.Shared,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Longer than the limit, so a held lock ends in the limit's answer, and the stuck probe ends soon after.
        command.CommandTimeout = (int)(HealthLimits.Probe * 2).TotalSeconds;
        command.CommandText = "BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "ROLLBACK;";
        await command.ExecuteNonQueryAsync();
        return null;
    }

    /// <summary>
    /// The file at the path, opened afresh: the service's pooled connections still write to a deleted file, and any new
    /// connection makes an empty one in its place, so only the file's own tables tell whether it is the database.
    /// </summary>
    private static string? FileProblem(string path)
    {
        try
        {
            using var fresh = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            fresh.Open();
            using var tables = fresh.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory';";
            return Convert.ToInt64(tables.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1 ? null : $"{Gone}: an empty file is in its place";
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (!File.Exists(path))
        {
            return $"{Gone} ({e.Message})";
        }
    }

    // The description goes to anonymous callers of /health, so it names no path; the log line does.
    private HealthCheckResult Fail(string where, string why, string description, IReadOnlyDictionary<string, object>? data = null)
    {
        CannotWrite(logger, where, why);
        return HealthCheckResult.Unhealthy(description, data: data);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "The database {Where} cannot be written: {Why}")]
    private static partial void CannotWrite(ILogger logger, string where, string why);
}
