namespace Timing.Web;

/// <summary>Settings under "Web": who operates the instance, which reverse proxies are trusted, how sessions are checked.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// E-mail addresses of the instance's operators (besides people marked with <c>timing add-operator</c>).
    /// Only operators open the background-job dashboard. The address must have an account to sign in.
    /// </summary>
    public List<string> Operators { get; set; } = [];

    /// <summary>
    /// IP addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed.
    /// Empty: forwarded headers are ignored and the connection's address counts.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>How long a node may trust a person's security stamp before reading it from the database again, in seconds (0–60).</summary>
    public int SessionCheckSeconds { get; set; } = 5;
}
