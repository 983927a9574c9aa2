using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Core.Nudges;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Nudges;

public class ThisWeekTests
{
    private static readonly MunicipalityCode UtrechtCode = MunicipalityCode.Parse("GM0344");

    private static Recipient Person(params string[] audiences) =>
        new(1, new HashSet<MunicipalityCode> { UtrechtCode }, audiences.ToHashSet(), Language.Nl, NudgeMode.Each);

    private static IReadOnlyList<ThisWeekItem> On(string today, Recipient person, params CommitteeMeeting[] meetings)
    {
        var day = Date(today);
        var timeline = Planner.Plan(Utrecht, new DateInterval(day.PlusDays(-400), day.PlusDays(60)));
        return ThisWeek.For([timeline], person, day, meetings);
    }

    /// <summary>The committee that discusses the 2028 budget on Thursday 28 October 2027.</summary>
    private static readonly CommitteeMeeting BudgetCommittee = new(7, UtrechtCode, "budget-debate", Date("2027-10-28"), "Commissie Mens en Samenleving");

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

    [Fact]
    public void For_CommitteeMeetingOnAFollowedMoment_IsALineToRegisterToSpeak_UntilTheLastWorkingDayBefore()
    {
        // Monday 18 October 2027: the committee meets in ten days; registering usually closes on Wednesday 27 October.
        var item = Assert.Single(On("2027-10-18", Person("finance"), BudgetCommittee), i => i.Meeting is not null);
        Assert.Equal((Date("2027-10-27"), true, "budget-debate", 2027), (item.UrgentBy, item.IsOpen, item.Moment.Kind, item.Moment.Cycle));
        Assert.Equal("Inspreken: Commissie Mens en Samenleving", item.Title(Language.Nl));
        Assert.Equal("Speaking at the committee: Commissie Mens en Samenleving", item.Title(Language.En));
        Assert.Equal("Meld u uiterlijk wo 27 okt 2027 bij de griffie aan om in te spreken over Programmabegroting 2028 in de raad; de commissie vergadert do 28 okt 2027.", item.Action.Nl);
        Assert.Equal("Register with the griffie by Wed 27 Oct 2027 to speak on Budget 2028 in the council; the committee meets Thu 28 Oct 2027.", item.Action.En);
    }

    [Theory]
    [InlineData("2027-10-18", "parties")] // the budget is not for those who approach the parties, as with its nudges
    [InlineData("2027-09-30", "finance")] // four weeks ahead end on 27 October: the meeting is not in this week's list yet
    [InlineData("2027-10-28", "finance")] // the meeting day itself: registering has closed
    public void For_CommitteeMeeting_IsLeftOut_WhenNotWantedNotSoonOrTooLate(string today, string audience)
    {
        Assert.DoesNotContain(On(today, Person(audience), BudgetCommittee), i => i.Meeting is not null);
    }
}
