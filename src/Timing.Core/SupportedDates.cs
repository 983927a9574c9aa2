using Timing.Core.Cycle;

namespace Timing.Core;

/// <summary>
/// The years Timing plans. The rules are written for them, and every date derived from one of them
/// (a cycle three years on, a feed five years ahead) is still a valid calendar date.
/// </summary>
public static class SupportedDates
{
    public const int FirstYear = 1900;

    public const int LastYear = 2199;

    public static bool Contains(int year) => year is >= FirstYear and <= LastYear;

    public static bool Contains(LocalDate date) => Contains(date.Year);

    /// <summary>What a user reads when a date falls outside the supported years.</summary>
    public static LocalizedText Problem { get; } = new(
        $"Timing rekent met de jaren {FirstYear} tot en met {LastYear}; vul een datum in die daarbinnen valt.",
        $"Timing plans the years {FirstYear} through {LastYear}; enter a date within them.");
}
