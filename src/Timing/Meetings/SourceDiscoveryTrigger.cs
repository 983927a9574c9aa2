using Hangfire;
using Microsoft.Extensions.Options;
using Timing.Worker;

namespace Timing.Meetings;

/// <summary>Asks the worker to look for a municipality's meeting source, without making the person who followed it wait for two APIs.</summary>
public sealed class SourceDiscoveryTrigger(IServiceProvider services, IOptions<WorkerOptions> worker, IOptions<SourceDiscoveryOptions> options)
{
    public void Soon(string code)
    {
        if (worker.Value.Enabled && options.Value.Enabled)
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<SourceDiscoveryJobs>(j => j.DiscoverAsync(code, CancellationToken.None));
        }
    }
}
