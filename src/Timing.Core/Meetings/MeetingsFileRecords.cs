namespace Timing.Core.Meetings;

// config/meetings.json as written, read only after its schema has accepted it: the shape is the schema's word, so
// these records carry no checks of their own.

internal sealed record MeetingsRecord(
    string[] Committees,
    string[] Information,
    string[] SocialDomain,
    MomentRuleRecord[] Moments,
    string[]? Cancelled,
    string[]? NotCouncil,
    string[]? Hearings);

internal sealed record MomentRuleRecord(string Kind, string[] Titles, string[]? Except, bool Certain = true, bool DatesEnd = false);
