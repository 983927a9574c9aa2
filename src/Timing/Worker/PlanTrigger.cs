using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Timing.Worker;

/// <summary>Asks for a planning run right after a date or a person changed, so nudges follow within seconds.</summary>
public sealed class PlanTrigger(IServiceProvider services, IOptions<WorkerOptions> options, ILogger<PlanTrigger> logger)
{
    public void PlanSoon()
    {
        if (options.Value.Enabled)
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<NudgeJobs>(j => j.PlanAsync(CancellationToken.None));
        }
    }

    /// <summary>
    /// Re-plans one organisation's nudges now, so the page can say what followed from a change. When a planning
    /// run elsewhere gets in the way, the run is left to the background (null: the counts are not known).
    /// </summary>
    public async Task<NudgeOutbox.Result?> PlanNowAsync(int organisationId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NudgeOutbox>().PlanOrganisationAsync(organisationId, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Planning for organisation {Organisation} met a concurrent run; planning again in the background", organisationId);
            PlanSoon();
            return null;
        }
    }
}
