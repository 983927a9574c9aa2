using Timing.Core.Elections;

namespace Timing.Core.Tests.Elections;

public class KieswetTests
{
    public static TheoryData<int> Years1990To2100()
    {
        var data = new TheoryData<int>();
        for (var year = 1990; year <= 2100; year++)
        {
            data.Add(year);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Years1990To2100))]
    public void ElectionDay_IsWednesdayBetween15And21March_InEveryYear(int year)
    {
        // The whole calendar rests on this: K is a Monday, E = K + 44 lands on a Wednesday in 15–21 March.
        var e = Kieswet.ElectionDay(year);
        Assert.Equal(IsoDayOfWeek.Wednesday, e.DayOfWeek);
        Assert.Equal(3, e.Month);
        Assert.InRange(e.Day, 15, 21);
    }

    [Theory]
    [MemberData(nameof(Years1990To2100))]
    public void NominationDay_IsMondayInWindow_WithLeapYearShift(int year)
    {
        var k = Kieswet.NominationDay(year);
        var leap = CalendarSystem.Iso.IsLeapYear(year);
        var first = new LocalDate(year, 1, leap ? 31 : 30);
        Assert.Equal(IsoDayOfWeek.Monday, k.DayOfWeek);
        Assert.InRange(k, first, first.PlusDays(6));
        Assert.Equal(44, Period.DaysBetween(k, Kieswet.ElectionDay(k)));
    }

    [Theory]
    [MemberData(nameof(Years1990To2100))]
    public void IsRegularYear_MunicipalAndProvincial_FollowTheirFourYearRhythm(int year)
    {
        Assert.Equal(year % 4 == 2, Kieswet.IsRegularYear(ElectionBody.MunicipalCouncil, year));
        Assert.Equal(year % 4 == 3, Kieswet.IsRegularYear(ElectionBody.ProvincialAndWaterBoards, year));
    }

    [Theory]
    // 2026 gemeenteraad: the dates every user of the product will check first.
    [InlineData(2026, "2026-02-02", "2026-03-18", "2025-12-22", "2026-01-19", "2026-02-06")]
    // 2022 gemeenteraad: nomination on 31 January (not a leap year, but 30 Jan was a Sunday).
    [InlineData(2022, "2022-01-31", "2022-03-16", "2021-12-20", "2022-01-17", "2022-02-04")]
    // 2023 Provinciale Staten and waterschappen share the same rules.
    [InlineData(2023, "2023-01-30", "2023-03-15", "2022-12-19", "2023-01-16", "2023-02-03")]
    // 2024 is a leap year: the window moves to 31 Jan – 6 Feb (K would be 5 Feb).
    [InlineData(2024, "2024-02-05", "2024-03-20", "2023-12-25", "2024-01-22", "2024-02-09")]
    public void Calendar_MatchesPublishedDates(int year, string k, string e, string registration, string supportFrom, string listsFinal)
    {
        var nomination = Kieswet.NominationDay(year);
        Assert.Equal(Date(k), nomination);
        Assert.Equal(Date(e), Kieswet.ElectionDay(nomination));
        Assert.Equal(Date(registration), Kieswet.RegistrationDeadline(nomination));
        Assert.Equal(new DateInterval(Date(supportFrom), nomination), Kieswet.SupportDeclarations(nomination));
        Assert.Equal(Date(listsFinal), Kieswet.ListsFinal(nomination));
    }

    [Theory]
    [InlineData(2026, 2026)]
    [InlineData(2027, 2030)]
    [InlineData(2029, 2030)]
    public void NextRegularYear_FindsTheNextMunicipalElection(int year, int expected) =>
        Assert.Equal(expected, Kieswet.NextRegularYear(ElectionBody.MunicipalCouncil, year));

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;
}
