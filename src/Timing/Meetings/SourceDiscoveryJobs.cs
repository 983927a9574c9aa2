using Hangfire;
using Microsoft.Extensions.Options;
using Timing.Storage;
using Timing.Worker;

namespace Timing.Meetings;

/// <summary>
/// The background search for meeting sources: right after an organisation follows a municipality without one, and every
/// hour for municipalities still without one. A found source is read by the fetch job, queued at once.
/// </summary>
public sealed class SourceDiscoveryJobs(SourceDiscovery discovery, IBackgroundJobClient jobs, IOptions<WorkerOptions> worker)
{
    public const string Recurring = "discover-meeting-sources";

    /// <param name="code">One municipality (after a follow), or null for every one that is due.</param>
    /// <remarks>One method for both, so Hangfire's lock keeps a follow and the hourly search from looking for the same municipality at once.</remarks>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task DiscoverAsync(string? code, CancellationToken cancellationToken)
    {
        var found = code is null
            ? await discovery.RunAsync(cancellationToken)
            : (await discovery.DiscoverAsync(code, cancellationToken))?.State == MeetingSourceDiscovery.Found ? 1 : 0;
        if (found > 0 && worker.Value.Enabled)
        {
            jobs.Enqueue<MeetingJobs>(j => j.FetchAsync(CancellationToken.None));
        }
    }
}
