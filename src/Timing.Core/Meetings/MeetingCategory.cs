namespace Timing.Core.Meetings;

/// <summary>What kind of gathering a council meeting is, as far as its title and committee tell.</summary>
public enum MeetingCategory
{
    /// <summary>A plenary council meeting, where the council decides.</summary>
    Council,

    /// <summary>A committee meeting, where the council prepares a decision and residents may speak (inspreken).</summary>
    Committee,

    /// <summary>An information session for councillors (beeldvorming, technische sessie): nothing is decided.</summary>
    Information,
}
