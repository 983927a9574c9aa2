namespace Timing.Health;

/// <summary>
/// One probe at a time, answered within <see cref="HealthLimits.Probe"/>. A probe stuck on a lock is not started
/// again by every monitor's request: they all wait for the one in flight, so a stuck database holds one
/// connection, not one per request.
/// </summary>
public sealed class SingleProbe
{
    /// <summary>What <see cref="RunAsync"/> answers when the probe did not finish in time.</summary>
    public static readonly string NoAnswer = $"no answer within {HealthLimits.Probe.TotalSeconds:0} s";

    private readonly Lock _gate = new();
    private Task<string?>? _running;

    /// <summary>Null when the probe succeeded, else why not (also when it did not finish in time).</summary>
    public async Task<string?> RunAsync(Func<Task<string?>> probe, CancellationToken cancellationToken)
    {
        Task<string?> running;
        lock (_gate)
        {
            if (_running is null || _running.IsCompleted)
            {
                _running = Task.Run(probe, CancellationToken.None);
            }
            running = _running;
        }
        try
        {
            return await running.WaitAsync(HealthLimits.Probe, cancellationToken);
        }
        catch (TimeoutException)
        {
            return NoAnswer;
        }
    }
}
