using Hangfire;

namespace Timing.Meetings;

/// <summary>The recurring job that reads every due meeting source. Safe to run twice: the sources' next-fetch times decide.</summary>
public sealed class MeetingJobs(MeetingSync sync)
{
    public const string Fetch = "fetch-meetings";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public Task FetchAsync(CancellationToken cancellationToken) => Metrics.TimingMetrics.TimeAsync(Fetch, () => sync.RunAsync(cancellationToken));
}
