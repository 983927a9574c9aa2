using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Facts;

/// <summary>
/// Reads a municipality's public facts from the configured database without changing it: no migration, no
/// file created, a read-only SQLite connection. For <c>timing plan</c>, which must never write.
/// </summary>
public static class ReadOnlyFacts
{
    /// <summary>The facts, and a note for standard error when the database could not be read (null when all is well).</summary>
    public static async Task<(IReadOnlyList<ActualDate> Facts, string? Note)> ReadAsync(IConfiguration settings, string code, CancellationToken cancellationToken)
    {
        var (rows, note) = await ReadRowsAsync(settings, [code], cancellationToken);
        return (rows.Where(r => r.Code == code).Select(PublicFactRows.ToActual).ToArray(), note);
    }

    /// <summary>The current facts of these municipalities, and a note for standard error when the database could not be read.</summary>
    public static async Task<(List<PublicFact> Rows, string? Note)> ReadRowsAsync(IConfiguration settings, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var options = settings.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        TimingDbContext db;
        if (options.Provider == StorageProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
            {
                return ([], "Storage:PostgreSqlConnectionString is empty; public facts were not read (rules only).");
            }
            db = new PostgresTimingDbContext(new DbContextOptionsBuilder<PostgresTimingDbContext>().UseNpgsql(options.PostgreSqlConnectionString).Options);
        }
        else
        {
            var path = Path.GetFullPath(options.SqlitePath);
            if (!File.Exists(path))
            {
                // No database yet: nothing was ever shared, and the rules are all there is.
                return ([], null);
            }
            var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
            db = new SqliteTimingDbContext(new DbContextOptionsBuilder<SqliteTimingDbContext>().UseSqlite(connection).Options);
        }
        await using (db)
        {
            try
            {
                return (await PublicFactRows.CurrentAsync(db, codes, cancellationToken), null);
            }
            catch (Exception e) when (e is SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                return ([], $"Openbare feiten niet gelezen / public facts not read ({e.Message.Split('\n')[0]}); run 'timing migrate' or use --rules-only. Showing the rules only.");
            }
        }
    }
}
