namespace Timing.Meetings;

/// <summary>Settings of the meeting calendars ("Meetings" section).</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    /// <summary>Run the fetch job (Amsterdam time); by default every hour at minute 17.</summary>
    public string FetchCron { get; set; } = "17 * * * *";

    /// <summary>Hours between two reads of one source when it works.</summary>
    public int IntervalHours { get; set; } = 6;

    /// <summary>At least this many milliseconds between two requests to the same host (OpenBesluitvorming allows 60 a minute).</summary>
    public int MinRequestSpacingMs { get; set; } = 1000;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Days a source may fail before the directors following its municipality get one mail.</summary>
    public int FailureDaysBeforeMail { get; set; } = 3;

    /// <summary>The Notubiz API (events of an organisation).</summary>
    public string NotubizBaseUrl { get; set; } = "https://api.notubiz.nl";

    /// <summary>The OpenBesluitvorming API (/api/search and /api/status live under this address).</summary>
    public string OpenBesluitvormingBaseUrl { get; set; } = "https://openbesluitvorming.nl";
}
