namespace Timing.Storage;

/// <summary>
/// The last published state of one calendar event: what its dates were, how often they changed
/// (SEQUENCE) and when (LAST-MODIFIED). Kept so a feed is byte-identical across renders and restarts
/// while its data is unchanged, and so a moved date reaches Outlook as an update, not a new event.
/// </summary>
public sealed class FeedVersion
{
    /// <summary>The event UID, e.g. "GM0344.coalition-agreement.2026@timing.example".</summary>
    public required string Uid { get; set; }

    /// <summary>A digest of what the event says; a different digest is a change.</summary>
    public required string Fingerprint { get; set; }

    public int Sequence { get; set; }

    /// <summary>When the event last changed, as Unix milliseconds.</summary>
    public long ModifiedUnixMs { get; set; }
}
