namespace Timing.Core.Meetings;

/// <summary>
/// One rule of config/meetings.json: meeting titles or agenda items that contain one of <paramref name="Titles"/>
/// (and none of <paramref name="Except"/>) are about the moment <paramref name="Kind"/>. An uncertain rule always
/// asks a person to confirm. With <paramref name="DatesEnd"/> the moment is a window (kadernota, accounts) whose
/// meeting is its last step: the meeting dates the window's end and the window keeps its start.
/// </summary>
public sealed record MomentTitleRule(string Kind, IReadOnlyList<string> Titles, IReadOnlyList<string> Except, bool Certain, bool DatesEnd = false);
