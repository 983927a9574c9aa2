namespace Timing.Core.Meetings;

/// <summary>
/// One rule of config/meetings.json: meeting titles that contain one of <paramref name="Titles"/> (and none of
/// <paramref name="Except"/>) are about the moment <paramref name="Kind"/>. An uncertain rule always asks a person to confirm.
/// </summary>
public sealed record MomentTitleRule(string Kind, IReadOnlyList<string> Titles, IReadOnlyList<string> Except, bool Certain);
