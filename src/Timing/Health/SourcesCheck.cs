using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timing.Storage;

namespace Timing.Health;

/// <summary>
/// How the meeting sources read: degraded while any fails, never unhealthy, as a failing council system is
/// outside the instance and the other sources still serve. Counts and municipality codes only: a source's
/// address may carry a key.
/// </summary>
public sealed class SourcesCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
            db.Database.SetCommandTimeout(HealthLimits.Probe);
            var sources = await db.MeetingSources.AsNoTracking().Select(s => new { s.Code, Failing = s.FailingSince != null }).ToListAsync(cancellationToken);
            var failing = sources.Where(s => s.Failing).Select(s => s.Code).Order(StringComparer.Ordinal).ToArray();
            var data = new Dictionary<string, object> { ["sources"] = sources.Count, ["failing"] = failing.Length, ["failingMunicipalities"] = failing };
            return failing.Length == 0
                ? HealthCheckResult.Healthy("every meeting source reads", data)
                : HealthCheckResult.Degraded($"{failing.Length} of {sources.Count} meeting sources fail", data: data);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Degraded("the meeting sources cannot be read from the database");
        }
    }
}
