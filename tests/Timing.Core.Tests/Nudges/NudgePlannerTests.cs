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

    public static readonly TheoryData<string, string, string?> Municipalities = new()
    {
        // A large council, a small island, a council that merges on 1 January 2028 (a term of six years and a quarter),
        // and one that absorbs another on the regular election day.
        { "GM0344", "Utrecht", null },
        { "GM0088", "Schiermonnikoog", null },
        { "GM0537", "Katwijk", "2028-01-01" },
        { "GM0363", "Amsterdam", "2026-03-25" },
    };

    [Theory]
    [MemberData(nameof(Municipalities))]
    public void Plan_AFullTerm_NeverRemindsTheSamePersonOfTwoMomentsWithTheSameAdviceOrActionWithinTwoWeeks(string code, string name, string? merger)
    {
        var profile = new MunicipalityProfile(new Municipality(MunicipalityCode.Parse(code), name)) { MergerDate = merger is null ? null : Date(merger) };
        var from = Date("2025-06-01");
        var timeline = Planner.Plan(profile, new DateInterval(from, Date("2030-12-31")));
        var everyone = new Recipient(1, new HashSet<MunicipalityCode> { profile.Code }, new HashSet<string>(), Language.Nl, NudgeMode.Each);
        var byKey = timeline.Moments.ToDictionary(m => m.Key);
        var nudges = NudgePlanner.Plan([timeline], [everyone], from, horizonDays: 5 * 366)
            .Select(n => (n.Day, Moment: byKey[n.Moment])).OrderBy(n => n.Day).ToArray();
        Assert.True(nudges.Length > 150, $"only {nudges.Length} reminders planned");
        for (var i = 0; i < nudges.Length; i++)
        {
            for (var j = i + 1; j < nudges.Length && Period.DaysBetween(nudges[i].Day, nudges[j].Day) < 14; j++)
            {
                var (a, b) = (nudges[i].Moment, nudges[j].Moment);
                if (a.Key == b.Key)
                {
                    continue; // the same moment reminded again closer to its day
                }
                var why = $"{a.Key} on {nudges[i].Day:yyyy-MM-dd} and {b.Key} on {nudges[j].Day:yyyy-MM-dd}";
                Assert.False(a.Advice.Nl == b.Advice.Nl, $"same advice: {why}");
                Assert.False(ThisWeek.ActionOf(a).Nl == ThisWeek.ActionOf(b).Nl, $"same action: {why}");
            }
        }
    }

    [Fact]
    public void Plan_RegistrationAndSupportDeclarations_GiveNoReminders_AndInductionAsksInTheAutumnBefore()
    {
        var nudges = PlanFor(Person(1), today: "2025-06-01");
        // Nothing for a welfare director to do when a party registers its name or collects declarations.
        Assert.DoesNotContain(nudges, n => n.Moment.Kind is "registration-deadline" or "support-declarations");
        // The griffie sets the induction programme before the election: the first reminder comes in the autumn before.
        var induction = nudges.Where(n => n.Moment.ToString() == "GM0344/councillor-induction/2026").Min(n => n.Day);
        Assert.InRange(induction, Date("2025-10-01"), Date("2025-11-30"));
    }
}
