using Hangfire;

namespace Timing.Worker;

/// <summary>
/// The recurring jobs. They take no data and may run twice or on two nodes at once: the outbox in the
/// database decides what is planned and sent; Hangfire only triggers and retries.
/// </summary>
public sealed class NudgeJobs(NudgeOutbox outbox, NudgeDispatcher dispatcher)
{
    public const string Plan = "plan-nudges";
    public const string Dispatch = "dispatch-nudges";
    public const string Digest = "weekly-digest";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public Task PlanAsync(CancellationToken cancellationToken) => Metrics.TimingMetrics.TimeAsync(Plan, () => outbox.PlanAsync(cancellationToken));

    [AutomaticRetry(Attempts = 0)]
    public Task DispatchAsync(CancellationToken cancellationToken) => Metrics.TimingMetrics.TimeAsync(Dispatch, () => dispatcher.DispatchAsync(cancellationToken));

    [AutomaticRetry(Attempts = 3)]
    public Task DigestAsync(CancellationToken cancellationToken) => Metrics.TimingMetrics.TimeAsync(Digest, async () =>
    {
        await outbox.PlanDigestsAsync(cancellationToken);
        await dispatcher.DispatchAsync(cancellationToken);
    });
}
