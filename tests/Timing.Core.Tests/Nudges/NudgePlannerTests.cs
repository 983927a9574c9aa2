using Timing.Core.Cycle;
using Timing.Core.Nudges;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Nudges;

public class NudgePlannerTests
{
    private static readonly MunicipalityCode Utrecht = MunicipalityCode.Parse("GM0344");

    private static IReadOnlyList<PlannedNudge> PlanFor(Recipient recipient, string today = "2025-11-01") =>
        NudgePlanner.Plan([Planner.Plan(ShippedRules.Utrecht, new DateInterval(Date(today), Date(today).PlusDays(430)))], [recipient], Date(today));

    private static Recipient Person(int id, NudgeMode mode = NudgeMode.Each, params string[] audiences) =>
        new(id, new HashSet<MunicipalityCode> { Utrecht }, audiences.ToHashSet(), Language.Nl, mode);

    [Fact]
    public void Plan_PointMoment_14And2DaysBefore_At0830Amsterdam()
    {
        var nomination = PlanFor(Person(1)).Where(n => n.Moment.ToString() == "GM0344/nomination/2026").ToArray();
        // Nomination day Monday 2 February 2026: 14 days before is Monday 19 January, 2 days before is Saturday 31 January → Monday 2 February.
        Assert.Equal([Date("2026-01-19"), Date("2026-02-02")], nomination.Select(n => n.Day).Order());
        var first = nomination.OrderBy(n => n.Day).First();
        Assert.Equal(Instant.FromUtc(2026, 1, 19, 7, 30), first.SendAt); // 08:30 CET
    }

    [Fact]
    public void Plan_Window_BeforeOpening_OnOpening_AndBeforeClosing()
    {
        var debate = PlanFor(Person(1)).Where(n => n.Moment.ToString() == "GM0344/budget-debate/2026").OrderBy(n => n.Day).ToArray();
        // 1 October – 14 November 2026; the 14th is a Saturday, so the window ends Friday 13 November:
        // 17 September, 1 October, 6 November.
        Assert.Equal([Date("2026-09-17"), Date("2026-10-01"), Date("2026-11-06")], debate.Select(n => n.Day));
        Assert.Equal(["start-P14D", "start-P0D", "end-P7D"], debate.Select(n => n.Lead.Id));
        // In summer the same 08:30 is 06:30 UTC.
        Assert.Equal(Instant.FromUtc(2026, 10, 1, 6, 30), debate[1].SendAt);
    }

    [Fact]
    public void Plan_OnlyTheRecipientsAudiences()
    {
        var finance = PlanFor(Person(1, NudgeMode.Each, "finance"));
        Assert.NotEmpty(finance);
        Assert.All(finance, n => Assert.Contains("finance", Rules.Moment(n.Moment.Kind).Audiences));
        Assert.DoesNotContain(finance, n => n.Moment.Kind == MomentKinds.Nomination);
    }

    [Fact]
    public void Plan_NothingInThePast_AndNothingForDigestOnlyOrUnsubscribed()
    {
        Assert.All(PlanFor(Person(1), "2026-03-01"), n => Assert.True(n.Day >= Date("2026-03-01")));
        Assert.Empty(PlanFor(Person(1, NudgeMode.Digest)));
        Assert.Empty(PlanFor(Person(1, NudgeMode.None)));
    }

    [Fact]
    public void Plan_OnTheMondayAfterAWeekendTarget_StillHasTheMovedNudge()
    {
        // Regression: Prinsjesdag 15 September 2026 minus two days is Sunday 13 September. Planning on Monday
        // the 14th must keep the nudge for that Monday, not drop it because its target day has passed.
        var planned = PlanFor(Person(1, NudgeMode.Each, "finance"), "2026-09-14");
        Assert.Contains(planned, n => n.Moment.ToString() == "GM0344/budget-day/2026" && n.Day == Date("2026-09-14"));
    }

    [Fact]
    public void Plan_KeysAreUniquePerPersonMomentLeadAndDay()
    {
        var planned = PlanFor(Person(1));
        Assert.Equal(planned.Count, planned.Select(n => n.Key).Distinct().Count());
    }

    [Fact]
    public void NextDigest_IsMonday0730Amsterdam()
    {
        // Sunday 22 November 2026 10:00 UTC → Monday 23 November 07:30 CET = 06:30 UTC.
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 6, 30), NudgePlanner.NextDigest(Instant.FromUtc(2026, 11, 22, 10, 0)));
    }
}
