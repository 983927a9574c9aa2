namespace Timing.Meetings;

/// <summary>The kinds of meeting source an operator can configure.</summary>
public static class MeetingSourceKinds
{
    public const string Ical = "ical";
    public const string Notubiz = "notubiz";
    public const string OpenBesluitvorming = "openbesluitvorming";
}
