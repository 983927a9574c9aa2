namespace Timing.Worker;

/// <summary>What a failed delivery means for the nudge.</summary>
public enum DeliveryOutcome
{
    /// <summary>Certainly not delivered, and worth another try later (no connection, a 4xx answer, a refused login).</summary>
    Retry,

    /// <summary>Refused for good (a 5xx answer, a refused recipient): trying again would fail the same way.</summary>
    Failed,

    /// <summary>The connection broke after the message was handed over: it may have arrived, so it is not resent.</summary>
    Uncertain,
}
