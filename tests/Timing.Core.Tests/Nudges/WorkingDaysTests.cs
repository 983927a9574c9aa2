using Timing.Core.Nudges;

namespace Timing.Core.Tests.Nudges;

public class WorkingDaysTests
{
    [Theory]
    // Easter Sunday dates as published: the algorithm must agree for years around Timing's use.
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2030, "2030-04-21")]
    public void EasterSunday_MatchesTheCalendar(int year, string expected) =>
        Assert.Equal(ShippedRules.Date(expected), WorkingDays.EasterSunday(year));

    [Theory]
    [InlineData("2026-01-01")] // Nieuwjaarsdag
    [InlineData("2026-04-06")] // tweede Paasdag
    [InlineData("2026-04-27")] // Koningsdag
    [InlineData("2026-05-05")] // Bevrijdingsdag
    [InlineData("2026-05-14")] // Hemelvaartsdag
    [InlineData("2026-05-25")] // tweede Pinksterdag
    [InlineData("2026-12-25")]
    [InlineData("2026-12-26")]
    [InlineData("2025-04-26")] // 27 April 2025 is a Sunday: King's Day moves to Saturday 26 April
    public void IsPublicHoliday_KnowsTheDutchHolidays(string day) => Assert.True(WorkingDays.IsPublicHoliday(ShippedRules.Date(day)));

    [Theory]
    // Saturday → Monday.
    [InlineData("2026-09-12", "2026-09-14")]
    // King's Day on Monday 27 April 2026 → Tuesday.
    [InlineData("2026-04-27", "2026-04-28")]
    // Christmas on Friday 25 December 2026 → Saturday, Sunday → Monday 28th (26th is also a holiday).
    [InlineData("2026-12-25", "2026-12-28")]
    // A working day stays.
    [InlineData("2026-03-18", "2026-03-18")]
    public void OnOrAfter_MovesToTheNextWorkingDay(string day, string expected) =>
        Assert.Equal(ShippedRules.Date(expected), WorkingDays.OnOrAfter(ShippedRules.Date(day)));
}
