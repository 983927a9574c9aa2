namespace Timing.Feeds;

/// <summary>Settings under "Feeds": identity of the events and the period a feed covers.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>The domain part of event UIDs ("GM0344.election.2026@host"). Never change it once users subscribed.</summary>
    public string UidHost { get; set; } = "timing.local";

    /// <summary>The public address of the service, used for links to moment pages and feed URLs.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How far back a feed reaches, in months.</summary>
    public int MonthsBack { get; set; } = 12;

    /// <summary>How far ahead a feed reaches, in years.</summary>
    public int YearsAhead { get; set; } = 5;

    /// <summary>How long HTTP caches may keep a feed before revalidating, in seconds.</summary>
    public int CacheSeconds { get; set; } = 900;

    public DateInterval Horizon(LocalDate today) => new(today.PlusMonths(-MonthsBack), today.PlusYears(YearsAhead));
}
