using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Timing.Storage;

/// <summary>Registers the database for the configured provider and applies migrations at start-up.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => o.Provider != StorageProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.PostgreSqlConnectionString),
                "Storage:PostgreSqlConnectionString is empty; it is required when Storage:Provider is PostgreSql (e.g. Host=127.0.0.1;Database=timing;Username=timing;Password=…).")
            .Validate(o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.SqlitePath),
                "Storage:SqlitePath is empty; give a file path such as data/timing.db.")
            .ValidateOnStart();

        // Queries that include several small collections (a municipality's actual dates and events) stay one
        // query: said explicitly, so EF Core does not warn about it at every start.
        services.AddDbContext<SqliteTimingDbContext>((sp, o) => o.UseSqlite(SqliteConnectionString(sp.GetRequiredService<IOptions<StorageOptions>>().Value), x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        services.AddDbContext<PostgresTimingDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.PostgreSqlConnectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        services.AddScoped<TimingDbContext>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.PostgreSql
            ? sp.GetRequiredService<PostgresTimingDbContext>()
            : sp.GetRequiredService<SqliteTimingDbContext>());
        services.AddSingleton<Facts.PublicFactStore>();
        services.AddHostedService<MigrateOnStart>();
        return services;
    }

    /// <summary>The SQLite connection: the file (and its folder) are created on first use.</summary>
    public static string SqliteConnectionString(StorageOptions options)
    {
        var path = Path.GetFullPath(options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Shared, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Brings the schema up to date, and sets SQLite to write-ahead logging so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(TimingDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    private sealed class MigrateOnStart(IServiceScopeFactory scopes) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await MigrateAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
