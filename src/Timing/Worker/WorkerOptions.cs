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
}
