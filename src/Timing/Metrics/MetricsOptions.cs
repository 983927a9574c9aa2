namespace Timing.Metrics;

/// <summary>Settings under "Metrics": where Prometheus scrapes the service's measurements.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The port of the scrape address; 0 (the default) serves no metrics.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The address the scrape port listens on: loopback by default, so only the machine itself (a local Prometheus or
    /// agent) reaches it; a private network address for a scraper elsewhere. Never the public site's port.
    /// </summary>
    public string Address { get; set; } = "127.0.0.1";
}
