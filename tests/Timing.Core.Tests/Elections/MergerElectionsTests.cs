using Timing.Core.Elections;

namespace Timing.Core.Tests.Elections;

public class MergerElectionsTests
{
    public static TheoryData<int> MergerYears()
    {
        var data = new TheoryData<int>();
        for (var year = 1991; year <= 2100; year++)
        {
            data.Add(year);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MergerYears))]
    public void ElectionDay_IsWednesdayBetween18And24NovemberBeforeTheMerger(int year)
    {
        var merger = new LocalDate(year, 1, 1);
        var k = MergerElections.NominationDay(merger);
        var e = MergerElections.ElectionDay(merger);
        Assert.Equal(IsoDayOfWeek.Monday, k.DayOfWeek);
        Assert.InRange(k, new LocalDate(year - 1, 10, 5), new LocalDate(year - 1, 10, 11));
        Assert.Equal(IsoDayOfWeek.Wednesday, e.DayOfWeek);
        Assert.InRange(e, new LocalDate(year - 1, 11, 18), new LocalDate(year - 1, 11, 24));
    }

    [Theory]
    [MemberData(nameof(MergerYears))]
    public void Installation_IsFirstWorkingDayOfTheMergerYear(int year)
    {
        var installation = MergerElections.Installation(new LocalDate(year, 1, 1));
        Assert.NotEqual(IsoDayOfWeek.Saturday, installation.DayOfWeek);
        Assert.NotEqual(IsoDayOfWeek.Sunday, installation.DayOfWeek);
        Assert.InRange(installation, new LocalDate(year, 1, 2), new LocalDate(year, 1, 4));
    }

    [Theory]
    // The practice the 2014 amendment of the Wet arhi wrote down (memorie van toelichting 33 889):
    // merger 2017 → the 2018 regular election is skipped, first term 5 years 3 months, next regular 2022.
    [InlineData(2017, 2018)]
    // merger 2018 → merger election Nov 2017, the March 2018 regular election is skipped.
    [InlineData(2018, 2018)]
    // merger 2019 → the old councils sit until the merger, skipping March 2018; the new council joins 2022.
    [InlineData(2019, 2018)]
    // merger 2020 (halfway the term) → the amendment's one change: skip 2022, a first term of 6 years 3 months.
    [InlineData(2020, 2022)]
    // Voorne aan Zee (2023): no regular election in March 2022, a merger election in November 2022, joins 2026.
    [InlineData(2023, 2022)]
    [InlineData(2027, 2026)]
    public void SkippedRegularYear_FollowsTheWetArhi(int mergerYear, int skipped) =>
        Assert.Equal(skipped, MergerElections.SkippedRegularYear(new LocalDate(mergerYear, 1, 1)));

    [Fact]
    public void NominationDay_RejectsADateOtherThanFirstOfJanuary()
    {
        var error = Assert.Throws<ArgumentException>(() => MergerElections.NominationDay(new LocalDate(2027, 3, 1)));
        Assert.StartsWith("A November merger election leads to a merger on 1 January; 2027-03-01 is not a 1 January.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_ForMerger2027()
    {
        // 5 October 2026 is a Monday; E = K + 44 = 18 November; 1 January 2027 is a Friday, so the council meets Monday 4 January.
        var merger = new LocalDate(2027, 1, 1);
        Assert.Equal(new LocalDate(2026, 10, 5), MergerElections.NominationDay(merger));
        Assert.Equal(new LocalDate(2026, 11, 18), MergerElections.ElectionDay(merger));
        Assert.Equal(new LocalDate(2027, 1, 4), MergerElections.Installation(merger));
    }
}
