namespace Timing.Core.Meetings;

/// <summary>
/// What the meeting rules made of one meeting: its category, the moment kind it is about (or null), whether
/// that match is certain enough to date the moment without a person confirming it, and why.
/// </summary>
public sealed record MeetingMatch(MeetingCategory Category, string? Kind, bool Certain, bool SocialDomain, string Reason)
{
    /// <summary>Whether the meeting is about a moment of the cycle.</summary>
    public bool IsMatched => Kind is not null;
}
