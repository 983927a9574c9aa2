namespace Timing.Core;

/// <summary>The product's time zone and "today": Timing plans Dutch municipal life in Europe/Amsterdam.</summary>
public static class ProductTime
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    /// <summary>Today's date in Amsterdam according to <paramref name="clock"/>.</summary>
    public static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InZone(Zone).Date;
}
