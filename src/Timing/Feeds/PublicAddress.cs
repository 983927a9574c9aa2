using System.Net;

namespace Timing.Feeds;

/// <summary>
/// The address people see in mail and feeds when Feeds:BaseUrl is not set: the one the service listens on
/// (--urls, ASPNETCORE_URLS), so a service run on port 5150 does not send links to port 5000.
/// </summary>
public static partial class PublicAddress
{
    /// <summary>Kestrel's own default when nothing says where to listen.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>
    /// The address the service listens on that links should use, from Kestrel:Endpoints or else the "urls" setting;
    /// Kestrel's default without either. Links are for other people: of several addresses, the first that others can reach comes before one only this
    /// machine can follow ("http://127.0.0.1:5150;http://0.0.0.0:5151" links to port 5151).
    /// </summary>
    public static string Listening(IConfiguration configuration)
    {
        // Endpoints under Kestrel:Endpoints replace the "urls" setting when Kestrel starts, so they are where it listens.
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToArray();
        var all = endpoints.Length > 0 ? endpoints : (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return all.FirstOrDefault(a => !IsLoopback(a)) ?? all.FirstOrDefault() ?? KestrelDefault;
    }

    /// <summary>
    /// A listening address as a link people can follow: a wildcard host (*, +, 0.0.0.0, [::]) becomes this machine's
    /// name, and the trailing slash goes.
    /// </summary>
    public static string AsLink(string listening)
    {
        var wildcard = Wildcard().Match(listening);
        var address = wildcard.Success ? $"{wildcard.Groups[1].Value}{Dns.GetHostName().ToLowerInvariant()}{wildcard.Groups[3].Value}{wildcard.Groups[4].Value}" : listening;
        return address.TrimEnd('/');
    }

    /// <summary>Whether an address listens on every interface (*, +, 0.0.0.0, [::]): its link then carries a guessed name.</summary>
    public static bool IsWildcard(string listening) => Wildcard().IsMatch(listening);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(https?://)(\*|\+|0\.0\.0\.0|\[::\])(:\d+)?(/.*)?$")]
    private static partial System.Text.RegularExpressions.Regex Wildcard();

    /// <summary>Whether an address names this machine only (localhost, 127.0.0.0/8, ::1), so nobody else can follow it.</summary>
    public static bool IsLoopback(string address) =>
        Uri.TryCreate(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether Feeds:BaseUrl is set at all (an empty value counts as not set).</summary>
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[$"{FeedOptions.Section}:{nameof(FeedOptions.BaseUrl)}"]);
}

/// <summary>Says once, at start-up, which address links use when it is not set, and warns about one that only this machine can follow.</summary>
public sealed partial class PublicAddressLog(IConfiguration configuration, Microsoft.Extensions.Options.IOptions<FeedOptions> options, ILogger<PublicAddressLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var listening = PublicAddress.Listening(configuration);
        if (!PublicAddress.IsConfigured(configuration) && PublicAddress.IsWildcard(listening))
        {
            // The machine's own name is a guess: recipients elsewhere may not be able to resolve it.
            GuessedName(logger, options.Value.BaseUrl, listening);
        }
        else if (!PublicAddress.IsConfigured(configuration))
        {
            NotSet(logger, options.Value.BaseUrl);
        }
        else if (PublicAddress.IsLoopback(options.Value.BaseUrl) && !PublicAddress.IsLoopback(listening))
        {
            OnlyThisMachine(logger, options.Value.BaseUrl, listening);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information,
        Message = "Feeds:BaseUrl is not set: links in mail and feeds use {Address}, the address the service listens on. Set Feeds:BaseUrl to the address people use if it differs.")]
    private static partial void NotSet(ILogger logger, string address);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning,
        Message = "Feeds:BaseUrl is not set and the service listens on every interface ({Listening}): links in mail and feeds use {Address}, this machine's name, which people elsewhere may not reach. Set Feeds:BaseUrl to the address people use.")]
    private static partial void GuessedName(ILogger logger, string address, string listening);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning,
        Message = "Feeds:BaseUrl is {BaseUrl}, an address only this machine can follow, while the service listens on {Listening}: links in mail and feeds will not work for others. Set Feeds:BaseUrl to the address people use.")]
    private static partial void OnlyThisMachine(ILogger logger, string baseUrl, string listening);
}
