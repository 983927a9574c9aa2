namespace Timing.Core.Meetings;

/// <summary>What kind of gathering a council meeting is, as far as its title and committee tell.</summary>
public enum MeetingCategory
{
    /// <summary>A plenary council meeting, where the council decides.</summary>
    Council,

    /// <summary>
    /// A committee meeting or a hearing, where the council prepares a decision and residents may speak (inspreken).
    /// </summary>
    Committee,

    /// <summary>
    /// A session where nothing is decided: a handover, presentation, preview, technical briefing, information
    /// session or a talk with the accountant.
    /// </summary>
    Information,

    /// <summary>Not a council meeting at all: a reception, festival, opening or outside event in the same calendar.</summary>
    Other,
}
