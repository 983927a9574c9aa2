namespace Timing.Meetings;

/// <summary>Settings of the meeting calendars ("Meetings" section).</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    /// <summary>Run the fetch job (Amsterdam time); by default every hour at minute 17.</summary>
    public string FetchCron { get; set; } = "17 * * * *";

    /// <summary>Hours between two reads of one source when it works.</summary>
    public int IntervalHours { get; set; } = 6;

    /// <summary>
    /// Request units one host gets a minute. An ordinary request is one unit; an OpenBesluitvorming search page of
    /// 100 results is five, as that API counts it (it allows 60 units a minute).
    /// </summary>
    public int HostUnitsPerMinute { get; set; } = 60;

    /// <summary>Seconds one request may take, each try.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Days a source may fail before the directors following its municipality get one mail.</summary>
    public int FailureDaysBeforeMail { get; set; } = 3;

    /// <summary>Most bytes of one answer as sent (compressed or not); a longer answer fails the read.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most bytes of one answer after decompression; a gzip that unpacks to more fails the read.</summary>
    public long MaxDecompressedBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most meetings kept from one read of one source; the rest are counted and shown as left out.</summary>
    public int MaxMeetingsPerRead { get; set; } = 2000;

    /// <summary>Most agenda items kept per meeting; the rest are counted as left out.</summary>
    public int MaxAgendaItemsPerMeeting { get; set; } = 100;

    /// <summary>Most agendas read from one source in one read (one request each), so a read stays short and polite.</summary>
    public int MaxAgendaReadsPerRead { get; set; } = 40;

    /// <summary>Agendas are read for meetings up to this many days ahead: the months the plan looks at.</summary>
    public int AgendaHorizonDays { get; set; } = 200;

    /// <summary>
    /// Whether a source may redirect to a loopback or private address. Off in production: a council's calendar has no
    /// business sending Timing into the operator's own network. Tests that serve from loopback turn it on.
    /// </summary>
    public bool AllowPrivateRedirects { get; set; }

    /// <summary>The Notubiz API (events of an organisation).</summary>
    public string NotubizBaseUrl { get; set; } = "https://api.notubiz.nl";

    /// <summary>The OpenBesluitvorming API (/api/search and /api/status live under this address).</summary>
    public string OpenBesluitvormingBaseUrl { get; set; } = "https://openbesluitvorming.nl";
}
