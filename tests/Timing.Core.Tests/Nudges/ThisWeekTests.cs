using Timing.Core.Cycle;
using Timing.Core.Nudges;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Nudges;

public class ThisWeekTests
{
    private static readonly MunicipalityCode UtrechtCode = MunicipalityCode.Parse("GM0344");

    private static Recipient Person(params string[] audiences) =>
        new(1, new HashSet<MunicipalityCode> { UtrechtCode }, audiences.ToHashSet(), Language.Nl, NudgeMode.Each);

    private static IReadOnlyList<ThisWeekItem> On(string today, Recipient person)
    {
        var day = Date(today);
        var timeline = Planner.Plan(Utrecht, new DateInterval(day.PlusDays(-400), day.PlusDays(60)));
        return ThisWeek.For([timeline], person, day);
    }

    [Fact]
    public void For_WeekBeforeElection2026_PutsElectionDayBeforeTheOpenInputWindows()
    {
        // Wednesday 11 March 2026: election day (18 March) is a week away; the campaign is open until 17 March.
        var items = On("2026-03-11", Person());
        Assert.Equal(items.OrderBy(i => i.UrgentBy).Select(i => i.UrgentBy), items.Select(i => i.UrgentBy));
        Assert.Equal("campaign", items[0].Moment.Kind);
        Assert.True(items[0].IsOpen);
        var election = Assert.Single(items, i => i.Moment.Kind == "election");
        Assert.Equal((Date("2026-03-18"), false), (election.UrgentBy, election.IsOpen));
        // Four weeks ahead reaches the installation of 1 April, not the estimated coalition agreement of 29 May.
        Assert.Contains(items, i => i.Moment.Kind == "installation");
        Assert.DoesNotContain(items, i => i.Moment.Kind == "coalition-agreement");
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Action.Nl)));
    }

    [Fact]
    public void For_OnlyTheGroupsThePersonApproaches()
    {
        // Around Prinsjesdag 15 September 2026, someone who approaches finance sees the budget moments only.
        var items = On("2026-09-07", Person("finance"));
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Contains("finance", i.Moment.Audiences));
        Assert.Equal("Zet op een rij wat de rijksplannen voor uw werk betekenen.",
            Assert.Single(items, i => i.Moment.Kind == "budget-day").Action.Nl);
    }

    [Fact]
    public void For_MunicipalitiesThePersonDoesNotFollow_AreLeftOut()
    {
        var stranger = new Recipient(2, new HashSet<MunicipalityCode> { MunicipalityCode.Parse("GM0363") }, new HashSet<string>(), Language.Nl, NudgeMode.Each);
        Assert.Empty(On("2026-03-11", stranger));
    }
}
