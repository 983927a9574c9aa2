using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Core.Nudges;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Meetings;

public class SpeakingRightsTests
{
    private static readonly MunicipalityCode Utrecht = MunicipalityCode.Parse("GM0344");

    private static Recipient Person(int id, NudgeMode mode = NudgeMode.Each, params string[] audiences) =>
        new(id, new HashSet<MunicipalityCode> { Utrecht }, audiences.ToHashSet(), Language.Nl, mode);

    private static IReadOnlyList<string> AudiencesOf(string kind) => Rules.Find(kind)?.Audiences ?? [];

    private static IReadOnlyList<SpeakingNudge> Plan(CommitteeMeeting meeting, Recipient recipient, string today) =>
        SpeakingRights.Plan([meeting], [recipient], AudiencesOf, Date(today));

    [Fact]
    public void Plan_AWeekBefore_AndTheLastWorkingDayBefore_At0830Amsterdam()
    {
        // Committee on the budget, Thursday 28 October 2027: Thursday 21 October and Wednesday 27 October.
        var nudges = Plan(new CommitteeMeeting(7, Utrecht, "budget-debate", Date("2027-10-28")), Person(1), "2027-10-01");
        Assert.Equal([(Date("2027-10-21"), SpeakingLead.WeekBefore), (Date("2027-10-27"), SpeakingLead.LastWorkingDay)],
            nudges.Select(n => (n.Day, n.Lead)).OrderBy(n => n.Day));
        Assert.Equal(Instant.FromUtc(2027, 10, 21, 6, 30), nudges.Single(n => n.Lead == SpeakingLead.WeekBefore).SendAt);
        Assert.Equal(["speak-P7D", "speak-last"], new[] { SpeakingLead.WeekBefore, SpeakingLead.LastWorkingDay }.Select(SpeakingRights.LeadId));
    }

    [Fact]
    public void Plan_HolidaysAndWeekends_MoveTheNudgeEarlier_NeverLater()
    {
        // Wednesday 6 May 2026: the day before is Liberation Day (Tuesday 5 May), so the last working day is Monday 4 May.
        var liberation = Plan(new CommitteeMeeting(1, Utrecht, "framework-note", Date("2026-05-06")), Person(1), "2026-04-01");
        Assert.Equal([Date("2026-04-29"), Date("2026-05-04")], liberation.Select(n => n.Day).Order());
        // Monday 7 June 2027: a week before is Monday 31 May; the last working day before it is Friday 4 June.
        var monday = Plan(new CommitteeMeeting(2, Utrecht, "framework-note", Date("2027-06-07")), Person(1), "2027-04-01");
        Assert.Equal([Date("2027-05-31"), Date("2027-06-04")], monday.Select(n => n.Day).Order());
        // Nothing falls on a weekend or a public holiday.
        Assert.All(monday.Concat(liberation), n => Assert.True(WorkingDays.IsWorkingDay(n.Day)));
    }

    [Fact]
    public void Plan_OnlyForTheAudiencesOfTheMoment_AndOnlyForPeopleWhoWantEachNudge()
    {
        var meeting = new CommitteeMeeting(3, Utrecht, "budget-debate", Date("2027-10-28"));
        Assert.Equal(2, Plan(meeting, Person(1, NudgeMode.Each, "finance"), "2027-10-01").Count);
        Assert.Equal(2, Plan(meeting, Person(1, NudgeMode.Both), "2027-10-01").Count);
        Assert.Empty(Plan(meeting, Person(1, NudgeMode.Each, "parties"), "2027-10-01"));
        Assert.Empty(Plan(meeting, Person(1, NudgeMode.Digest), "2027-10-01"));
        Assert.Empty(Plan(meeting, Person(1, NudgeMode.None), "2027-10-01"));
        var elsewhere = new Recipient(1, new HashSet<MunicipalityCode> { MunicipalityCode.Parse("GM0363") }, new HashSet<string>(), Language.Nl, NudgeMode.Each);
        Assert.Empty(SpeakingRights.Plan([meeting], [elsewhere], AudiencesOf, Date("2027-10-01")));
        Assert.Empty(Plan(meeting with { Kind = "no-such-kind" }, Person(1), "2027-10-01"));
    }

    [Fact]
    public void Plan_NothingInThePast_AndOnlyTheLastDayWhenTheMeetingIsNear()
    {
        var meeting = new CommitteeMeeting(4, Utrecht, "budget-debate", Date("2027-10-28"));
        Assert.Equal([SpeakingLead.LastWorkingDay], Plan(meeting, Person(1), "2027-10-25").Select(n => n.Lead));
        Assert.Empty(Plan(meeting, Person(1), "2027-10-28"));
        Assert.Empty(Plan(meeting, Person(1), "2027-11-01"));
    }
}
