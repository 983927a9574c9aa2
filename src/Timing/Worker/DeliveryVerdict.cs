namespace Timing.Worker;

/// <summary>A classified delivery failure: what to do with the nudge, the reason stored for directors, and whether the connection is gone.</summary>
public sealed record DeliveryVerdict(DeliveryOutcome Outcome, string Reason, bool ConnectionLost);
