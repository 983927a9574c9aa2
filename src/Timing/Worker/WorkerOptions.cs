namespace Timing.Worker;

/// <summary>Settings under "Worker": the background jobs that plan and send nudges.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Run Hangfire's server and the recurring jobs in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Names this node in claims and in Hangfire; empty: the machine name and process id.</summary>
    public string NodeName { get; set; } = "";

    public string ResolvedNodeName => NodeName.Length > 0 ? NodeName : $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How long a claimed nudge may stay unfinished before another run takes it back.</summary>
    public int ClaimLeaseSeconds { get; set; } = 120;

    /// <summary>How many nudges one connection to the mail server sends.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Cron of the dispatch job (default every minute).</summary>
    public string DispatchCron { get; set; } = "* * * * *";

    /// <summary>Cron of the planning job (default hourly).</summary>
    public string PlanCron { get; set; } = "0 * * * *";

    /// <summary>
    /// How many weeks of reminders stand in the outbox (default 8). Each hourly planning run adds the days that come
    /// into reach; a shorter reach keeps planning quick with many people, a longer one only makes the outbox bigger.
    /// </summary>
    public int PlanWeeks { get; set; } = 8;

    /// <summary>Where Hangfire keeps its jobs; Auto follows Storage:Provider.</summary>
    public HangfireStorageKind HangfireStorage { get; set; } = HangfireStorageKind.Auto;

    /// <summary>Hangfire's SQLite file; empty: beside Storage:SqlitePath, named after it (data/timing.hangfire.db).</summary>
    public string HangfireSqlitePath { get; set; } = "";

    /// <summary>How often an idle Hangfire worker looks for a queued job, in milliseconds.</summary>
    public int QueuePollMilliseconds { get; set; } = 1000;

    /// <summary>The storage Hangfire uses under these settings and Timing's storage settings.</summary>
    public HangfireStorageKind ResolvedHangfireStorage(Storage.StorageOptions storage) => HangfireStorage != HangfireStorageKind.Auto
        ? HangfireStorage
        : storage.Provider == Storage.StorageProvider.PostgreSql ? HangfireStorageKind.PostgreSql : HangfireStorageKind.Sqlite;

    /// <summary>The full path of Hangfire's SQLite file: the setting, or Timing's database file with ".hangfire" before its extension.</summary>
    public string ResolvedHangfireSqlitePath(Storage.StorageOptions storage)
    {
        if (HangfireSqlitePath.Length > 0)
        {
            return Path.GetFullPath(HangfireSqlitePath);
        }
        var main = Path.GetFullPath(storage.SqlitePath);
        return Path.Combine(Path.GetDirectoryName(main)!, Path.GetFileNameWithoutExtension(main) + ".hangfire" + Path.GetExtension(main));
    }
}
