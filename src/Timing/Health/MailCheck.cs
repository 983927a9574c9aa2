using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Timing.Mail;

namespace Timing.Health;

/// <summary>
/// The mail server accepts a connection (or the pickup folder exists). Degraded, not unhealthy, when it does not:
/// the outbox keeps every nudge and retries, so the site and its feeds still serve.
/// </summary>
public sealed partial class MailCheck(IOptions<MailOptions> options, ILogger<MailCheck> logger) : IHealthCheck
{
    private readonly SingleProbe _probe = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mail = options.Value;
        if (mail.Host.Length == 0)
        {
            var data = new Dictionary<string, object> { ["mode"] = "pickup" };
            return File.Exists(Path.GetFullPath(mail.PickupDirectory))
                ? HealthCheckResult.Degraded("the pickup folder is a file", data: data)
                : HealthCheckResult.Healthy("mail is written to the pickup folder", data);
        }
        var outcome = await _probe.RunAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(mail.Host, mail.Port);
                return null;
            }
            catch (SocketException e)
            {
                return e.Message;
            }
        }, cancellationToken);
        var smtp = new Dictionary<string, object> { ["mode"] = "smtp" };
        if (outcome is null)
        {
            return HealthCheckResult.Healthy("the mail server accepts connections", smtp);
        }
        Unreachable(logger, mail.Host, mail.Port, outcome);
        return HealthCheckResult.Degraded("the mail server accepts no connection; the outbox keeps the mail and retries", data: smtp);
    }

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "The mail server {Host}:{Port} accepts no connection: {Why}")]
    private static partial void Unreachable(ILogger logger, string host, int port, string why);
}
