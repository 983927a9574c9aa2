using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Timing.Rules;

namespace Timing.Storage;

/// <summary>Registers the database for the configured provider and applies migrations at start-up.</summary>
public static partial class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StorageOptions>(configuration, StorageOptions.Section)
            .Validate(o => o.Provider != StorageProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.PostgreSqlConnectionString),
                "Storage:PostgreSqlConnectionString is empty; it is required when Storage:Provider is PostgreSql (e.g. Host=127.0.0.1;Database=timing;Username=timing;Password=…).")
            .Validate(o => o.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(o.SqlitePath),
                "Storage:SqlitePath is empty; give a file path such as data/timing.db.")
            .ValidateOnStart();

        // Queries that include several small collections (a municipality's actual dates and events) stay one
        // query: said explicitly, so EF Core does not warn about it at every start.
        // Interceptors other parts register (the web part forgets cached session stamps of changed people).
        services.AddDbContext<SqliteTimingDbContext>((sp, o) => o.UseSqlite(SqliteConnectionString(sp.GetRequiredService<IOptions<StorageOptions>>().Value), x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddDbContext<PostgresTimingDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.PostgreSqlConnectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped<TimingDbContext>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.PostgreSql
            ? sp.GetRequiredService<PostgresTimingDbContext>()
            : sp.GetRequiredService<SqliteTimingDbContext>());
        services.AddSingleton<Facts.IPublicFactReader, Facts.StoredPublicFactReader>();
        services.AddSingleton<Facts.PublicFactStore>();
        services.AddSingleton<Timelines.TimelineCache>();
        services.AddScoped<Timelines.TimelineLoader>();
        services.AddHostedService<MigrateOnStart>();
        services.AddHostedService<ServiceLock>();
        return services;
    }

    /// <summary>
    /// The SQLite connection. The folder (mode 0700) and the file (mode 0600) are created on first use,
    /// readable by the service's own user only (see <see cref="PrivateFiles"/>).
    /// </summary>
    public static string SqliteConnectionString(StorageOptions options)
    {
        var path = Path.GetFullPath(options.SqlitePath);
        PrivateFiles.Prepare(path);
        // A private cache per connection: with a shared cache every connection of the process takes turns on one
        // cache and its table locks, so concurrent readers (feeds, pages) wait on each other and on the planner.
        return new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
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

    /// <summary>Where the configured database is, in words for a log line that names the setting.</summary>
    public static string Describe(StorageOptions options) => options.Provider == StorageProvider.PostgreSql
        ? "the PostgreSQL database of Storage:PostgreSqlConnectionString"
        : $"{Path.GetFullPath(options.SqlitePath)} (Storage:SqlitePath)";

    /// <summary>Opens and migrates the database, or says in one line which database failed and which setting to fix.</summary>
    public static async Task MigrateOrExplainAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(services.GetRequiredService<TimingDbContext>(), cancellationToken);
        }
        catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
        {
            throw StorageUnavailableException.For(services.GetRequiredService<IOptions<StorageOptions>>().Value, e);
        }
    }

    private sealed partial class MigrateOnStart(IServiceScopeFactory scopes, IOptions<StorageOptions> options, ILogger<MigrateOnStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
            bool empty;
            try
            {
                empty = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            }
            catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
            {
                throw StorageUnavailableException.For(options.Value, e);
            }
            await MigrateOrExplainAsync(scope.ServiceProvider, cancellationToken);
            if (empty)
            {
                NewDatabase(logger, Describe(options.Value));
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Created a new, empty database at {Where}. If you expected existing data, point the setting at it.")]
        private static partial void NewDatabase(ILogger logger, string where);
    }
}
