namespace Timing.Meetings;

/// <summary>
/// Settings of the search for a followed municipality's meeting calendar ("Meetings:Discovery"). The addresses it asks
/// are those of the readers: Meetings:OpenBesluitvormingBaseUrl (/api/status) and Meetings:NotubizBaseUrl (/organisations).
/// </summary>
public sealed class SourceDiscoveryOptions
{
    public const string Section = "Meetings:Discovery";

    /// <summary>Look for a source by itself when an organisation follows a municipality without one. Off: only operators connect sources.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours before looking again for a municipality where nothing answered or matched.</summary>
    public int RetryHours { get; set; } = 24;

    /// <summary>When the worker looks again for municipalities still without a source (Amsterdam time); by default every hour at minute 47.</summary>
    public string Cron { get; set; } = "47 * * * *";
}
