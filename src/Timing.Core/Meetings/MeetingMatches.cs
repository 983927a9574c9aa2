namespace Timing.Core.Meetings;

/// <summary>
/// What the meeting rules made of one meeting: what kind of gathering it is, whether it was cancelled, every
/// moment it is about (a meeting on "Jaarstukken 2026 en Voorjaarsnota 2028" is about two), and the steps that
/// led there, so a person can see which rule matched which text and why another did not.
/// </summary>
public sealed record MeetingMatches(MeetingCategory Category, bool SocialDomain, bool Cancelled, bool Hearing,
    IReadOnlyList<MeetingMatch> Moments, IReadOnlyList<string> Steps)
{
    /// <summary>The first moment, the one a stored meeting shows and a director confirms; null when none.</summary>
    public MeetingMatch? Primary => Moments.Count > 0 ? Moments[0] : null;

    public bool IsMatched => Moments.Count > 0;

    /// <summary>The moment kinds this meeting dates without a person confirming.</summary>
    public IEnumerable<string> CertainKinds => Moments.Where(m => m.Certain).Select(m => m.Kind);
}
