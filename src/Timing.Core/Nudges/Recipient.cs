using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>How a person wants to be nudged.</summary>
public enum NudgeMode
{
    /// <summary>Each nudge in its own message (default).</summary>
    Each,

    /// <summary>Only the Monday digest.</summary>
    Digest,

    /// <summary>Each nudge and the digest.</summary>
    Both,

    /// <summary>No mail (unsubscribed).</summary>
    None,
}

/// <summary>A person as the nudge planner sees them: an id, what they follow and how they want mail.</summary>
/// <param name="Id">The person's id.</param>
/// <param name="Municipalities">The codes they follow.</param>
/// <param name="Audiences">The audiences they care about; empty means all.</param>
/// <param name="Language">Their language.</param>
/// <param name="Mode">Each, digest, both or none.</param>
public sealed record Recipient(int Id, IReadOnlySet<MunicipalityCode> Municipalities, IReadOnlySet<string> Audiences, Language Language, NudgeMode Mode)
{
    public bool Wants(Moment moment) =>
        Municipalities.Contains(moment.Key.Municipality)
        && (Audiences.Count == 0 || moment.Audiences.Any(Audiences.Contains));
}
