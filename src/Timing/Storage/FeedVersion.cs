namespace Timing.Storage;

/// <summary>
/// The last published state of one calendar event within one feed scope (the public feed of a
/// municipality, or one organisation's view): what it said, how often that changed (SEQUENCE) and when
/// (LAST-MODIFIED). Kept so a feed is byte-identical across renders and restarts while what it publishes is
/// unchanged, and so a moved date reaches Outlook as an update, not a new event. One row per (scope, event),
/// plus one row per scope (<see cref="SetUid"/>) for when the scope's set of events last changed.
/// Rows are a derived cache: losing them only restarts SEQUENCE at 0.
/// </summary>
public sealed class FeedVersion
{
    /// <summary>The <see cref="Uid"/> of the row that tracks the scope's set of events and calendar texts.</summary>
    public const string SetUid = "*";

    /// <summary>The feed scope, e.g. "public:GM0344" or "org:12".</summary>
    public required string Scope { get; set; }

    /// <summary>The event UID, e.g. "GM0344.coalition-agreement.2026@timing.example".</summary>
    public required string Uid { get; set; }

    /// <summary>A digest of what the event says in this scope; a different digest is a change.</summary>
    public required string Fingerprint { get; set; }

    public int Sequence { get; set; }

    /// <summary>When the event last changed, in whole seconds.</summary>
    public Instant Modified { get; set; }
}
