using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Timing.Storage;
using Timing.Worker;

namespace Timing.Health;

/// <summary>Hangfire's storage answers: without it no job is planned, retried or sent. Its SQLite file must still be there.</summary>
public sealed partial class HangfireStorageCheck(JobStorage storage, IOptions<WorkerOptions> worker, IOptions<StorageOptions> database, ILogger<HangfireStorageCheck> logger) : IHealthCheck
{
    private readonly SingleProbe _probe = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var kind = worker.Value.ResolvedHangfireStorage(database.Value);
        var data = new Dictionary<string, object> { ["kind"] = kind.ToString() };
        if (storage is Hangfire.Storage.SQLite.SQLiteStorage && !File.Exists(worker.Value.ResolvedHangfireSqlitePath(database.Value)))
        {
            Failing(logger, worker.Value.ResolvedHangfireSqlitePath(database.Value), "the file is gone");
            return HealthCheckResult.Unhealthy("Hangfire's file is gone", data: data);
        }
        var servers = -1;
        var outcome = await _probe.RunAsync(() =>
        {
            try
            {
                servers = storage.GetMonitoringApi().Servers().Count;
                return Task.FromResult<string?>(null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Task.FromResult<string?>(e.Message);
            }
        }, cancellationToken);
        if (outcome is not null)
        {
            Failing(logger, kind.ToString(), outcome);
            return HealthCheckResult.Unhealthy(outcome == SingleProbe.NoAnswer ? $"Hangfire's storage did not answer within {HealthLimits.Probe.TotalSeconds:0} s" : "Hangfire's storage cannot be read", data: data);
        }
        data["servers"] = servers;
        return HealthCheckResult.Healthy("Hangfire's storage answers", data);
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Hangfire's storage {Where} fails: {Why}")]
    private static partial void Failing(ILogger logger, string where, string why);
}
