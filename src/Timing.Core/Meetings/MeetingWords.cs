namespace Timing.Core.Meetings;

/// <summary>
/// The word lists of config/meetings.json that say what a meeting is, apart from the moment it is about.
/// </summary>
/// <param name="Cancelled">Words in a title that mean the meeting will not take place ("geannuleerd").</param>
/// <param name="NotCouncil">Words in a title of a gathering that is no council meeting (a reception, a festival).</param>
/// <param name="Hearings">Words in a title of a hearing: residents speak, nothing is decided (inspraakavond).</param>
/// <param name="Information">Words in a title of a session where nothing is decided (a handover, preview, briefing).</param>
/// <param name="Committees">Words in a title or committee name of a committee stage (commissie, Meningsvorming).</param>
/// <param name="SocialDomain">Words of the social domain in a title, committee name or agenda item (Wmo, jeugd).</param>
public sealed record MeetingWords(
    IReadOnlyList<string> Cancelled,
    IReadOnlyList<string> NotCouncil,
    IReadOnlyList<string> Hearings,
    IReadOnlyList<string> Information,
    IReadOnlyList<string> Committees,
    IReadOnlyList<string> SocialDomain);
