namespace Timing.Worker;

/// <summary>Where Hangfire keeps its queues, schedules and history (the outbox in Timing's database decides what is sent).</summary>
public enum HangfireStorageKind
{
    /// <summary>Follows Storage:Provider: an SQLite file beside Timing's database, or the PostgreSQL database.</summary>
    Auto,

    /// <summary>Its own SQLite file (<see cref="WorkerOptions.HangfireSqlitePath"/>); one node.</summary>
    Sqlite,

    /// <summary>Timing's PostgreSQL database (Storage:PostgreSqlConnectionString); several nodes share the jobs.</summary>
    PostgreSql,
}
