namespace Timing.Feeds;

/// <summary>Settings under "Feeds": identity of the events and the period a feed covers.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>The domain part of event UIDs ("GM0344.election.2026@host"). Never change it once users subscribed.</summary>
    public string UidHost { get; set; } = "timing.local";

    /// <summary>
    /// The public address of the service, used for links to moment pages and feed URLs. Not set (empty), it is the
    /// address the service listens on (see <see cref="PublicAddress"/>).
    /// </summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How far back a feed reaches, in months (from 1 January of that month's year).</summary>
    public int MonthsBack { get; set; } = 12;

    /// <summary>How far ahead a feed reaches, in years (to 31 December of that year).</summary>
    public int YearsAhead { get; set; } = 5;

    /// <summary>How long HTTP caches may keep a feed before revalidating, in seconds.</summary>
    public int CacheSeconds { get; set; } = 900;

    /// <summary>The Cache-Control header of a public feed: shared caches may keep it.</summary>
    public string PublicCacheControl => $"public, max-age={CacheSeconds}";

    /// <summary>The Cache-Control header of a personal feed: only the subscriber's own client may keep it.</summary>
    public string PrivateCacheControl => $"private, max-age={CacheSeconds}";

    /// <summary>How many bytes of rendered feeds the service keeps in memory at most (default 64 MB).</summary>
    public long CacheBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The period a feed covers: whole calendar years around today, so a feed stays byte-identical from one
    /// day to the next and its content moves only when something in it changes (or once a year).
    /// </summary>
    public DateInterval Horizon(LocalDate today) =>
        new(new LocalDate(today.PlusMonths(-MonthsBack).Year, 1, 1), new LocalDate(today.PlusYears(YearsAhead).Year, 12, 31));
}
