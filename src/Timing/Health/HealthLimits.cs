namespace Timing.Health;

/// <summary>How long /health waits for any one part.</summary>
public static class HealthLimits
{
    /// <summary>
    /// A monitor that asks every few seconds must get its answer before it asks again: a part that has not answered
    /// by then counts as failing, even though the probe itself (a database waiting for a lock) may go on a while.
    /// </summary>
    public static readonly TimeSpan Probe = TimeSpan.FromSeconds(5);
}
