using Hangfire;
using Microsoft.Extensions.Options;
using Timing.Worker;
using Timing.Rules;

namespace Timing.Meetings;

/// <summary>Registers the search for meeting sources (settings under Meetings:Discovery, validated at start-up) and its hourly job.</summary>
public static class SourceDiscoveryServiceCollectionExtensions
{
    public static IServiceCollection AddSourceDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SourceDiscoveryOptions>(configuration, SourceDiscoveryOptions.Section)
            .Validate(o => o.RetryHours is >= 1 and <= 720, "Meetings:Discovery:RetryHours must be 1–720 (default 24).")
            .ValidateOnStart();
        services.AddSingleton<NotubizOrganisations>();
        services.AddSingleton<SourceDiscoveryTrigger>();
        services.AddScoped<SourceDiscovery>();
        services.AddScoped<SourceDiscoveryJobs>();
        var worker = configuration.Read<WorkerOptions>(WorkerOptions.Section);
        if (worker.Enabled)
        {
            services.AddHostedService<RegisterJob>();
        }
        return services;
    }

    private sealed class RegisterJob(IRecurringJobManager recurring, IOptions<SourceDiscoveryOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Enabled)
            {
                var amsterdam = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
                recurring.AddOrUpdate<SourceDiscoveryJobs>(SourceDiscoveryJobs.Recurring, j => j.DiscoverAsync(null, CancellationToken.None), options.Value.Cron, amsterdam);
            }
            else
            {
                recurring.RemoveIfExists(SourceDiscoveryJobs.Recurring);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
