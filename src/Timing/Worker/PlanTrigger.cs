using Hangfire;
using Microsoft.Extensions.Options;

namespace Timing.Worker;

/// <summary>Asks for a planning run right after a date or a person changed, so nudges follow within seconds.</summary>
public sealed class PlanTrigger(IServiceProvider services, IOptions<WorkerOptions> options)
{
    public void PlanSoon()
    {
        if (options.Value.Enabled)
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<NudgeJobs>(j => j.PlanAsync(CancellationToken.None));
        }
    }
}
