using Timing.Core.Cycle;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Cycle;

public class CyclePlannerTests
{
    private static readonly DateInterval Term2026 = new(Date("2025-01-01"), Date("2031-12-31"));

    [Theory]
    // cycle.md §2, the 2026 municipal election: every statutory date exactly.
    [InlineData("registration-deadline", "2025-12-22", "2025-12-22", Basis.Law)]
    [InlineData("support-declarations", "2026-01-19", "2026-02-02", Basis.Law)]
    [InlineData("nomination", "2026-02-02", "2026-02-02", Basis.Law)]
    [InlineData("lists-final", "2026-02-06", "2026-02-06", Basis.Law)]
    [InlineData("election", "2026-03-18", "2026-03-18", Basis.Law)]
    [InlineData("result", "2026-03-26", "2026-03-26", Basis.Typical)]
    [InlineData("installation", "2026-04-01", "2026-04-01", Basis.Law)]
    // The programme-input window E−15m → E−6m from cycle.md §4.
    [InlineData("programme-input", "2024-12-18", "2025-09-18", Basis.Typical)]
    public void Plan_Utrecht2026_HasTheStatutoryDates(string kind, string start, string end, Basis basis)
    {
        var moment = Planner.Plan(Utrecht, Term2026).Find(kind, 2026);
        Assert.NotNull(moment);
        Assert.Equal((Date(start), Date(end), basis), (moment.Start, moment.End, moment.Basis));
        Assert.Equal($"GM0344/{kind}/2026", moment.Key.ToString());
    }

    [Fact]
    public void Plan_CoalitionAgreement_IsAnEstimateWithItsRange()
    {
        // Agreement: median E+65, p10 E+20, p90 E+130 after 18 March 2026.
        var agreement = Planner.Plan(Utrecht, Term2026).Find("coalition-agreement", 2026)!;
        Assert.Equal(Basis.Estimate, agreement.Basis);
        Assert.Equal(Date("2026-05-22"), agreement.Start);
        Assert.Equal(new DateInterval(Date("2026-04-07"), Date("2026-07-26")), agreement.Estimate);
    }

    [Fact]
    public void Plan_ActualAgreement_MovesEverythingDerivedFromIt()
    {
        var actual = new ActualDate("coalition-agreement", 2026, new DateInterval(Date("2026-06-10"), Date("2026-06-10")));
        var timeline = Planner.Plan(Utrecht with { Actuals = [actual] }, Term2026);

        var agreement = timeline.Find("coalition-agreement", 2026)!;
        Assert.Equal((Date("2026-06-10"), Basis.Actual, (DateInterval?)null), (agreement.Start, agreement.Basis, agreement.Estimate));
        // Negotiations now end the day before the real agreement.
        Assert.Equal(Date("2026-06-09"), timeline.Find("negotiation", 2026)!.End);
        // Wethouders: still an estimate (0–14 days), but now measured from the real date.
        var college = timeline.Find("college-appointed", 2026)!;
        Assert.Equal((Date("2026-06-17"), Basis.Estimate), (college.Start, college.Basis));
        Assert.Equal(new DateInterval(Date("2026-06-10"), Date("2026-06-24")), college.Estimate);
        // The college programme follows the appointment.
        Assert.Equal(Date("2026-06-18"), timeline.Find("college-programme", 2026)!.Start);
    }

    [Fact]
    public void Plan_ActualCollegeDate_MakesItsProgrammeCertain()
    {
        var timeline = Planner.Plan(Utrecht with
        {
            Actuals =
            [
                new ActualDate("coalition-agreement", 2026, Day("2026-06-10")),
                new ActualDate("college-appointed", 2026, Day("2026-06-12")),
            ],
        }, Term2026);
        var programme = timeline.Find("college-programme", 2026)!;
        Assert.Equal((Date("2026-06-13"), Date("2026-12-12"), Basis.Typical), (programme.Start, programme.End, programme.Basis));
        Assert.Null(programme.Estimate);
    }

    [Fact]
    public void Plan_ActualElectionDay_MovesTheWindowsBeforeIt()
    {
        // Not a real scenario, but it shows that dependants follow any actual date, including a statutory one.
        var timeline = Planner.Plan(Utrecht with { Actuals = [new ActualDate("election", 2026, Day("2026-03-25"))] }, Term2026);
        Assert.Equal(Date("2024-12-25"), timeline.Find("programme-input", 2026)!.Start);
        Assert.Equal(Basis.Actual, timeline.Find("election", 2026)!.Basis);
    }

    [Fact]
    public void Plan_AgreementBeforeInstallation_ShrinksNegotiationsInsteadOfReversingThem()
    {
        var timeline = Planner.Plan(Utrecht with { Actuals = [new ActualDate("coalition-agreement", 2026, Day("2026-03-30"))] }, Term2026);
        var negotiation = timeline.Find("negotiation", 2026)!;
        Assert.True(negotiation.End >= negotiation.Start);
        Assert.Equal(Date("2026-03-29"), negotiation.End);
    }

    [Fact]
    public void Plan_2022_UsesTheCovidExceptionFromConfig()
    {
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2021-06-01"), Date("2022-12-31")));
        var installation = timeline.Find("installation", 2022)!;
        Assert.Equal(Date("2022-03-30"), installation.Start);
        Assert.Contains("covid", installation.Source, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new DateInterval(Date("2022-01-03"), Date("2022-01-31")), timeline.Find("support-declarations", 2022)!.Dates);
    }

    [Fact]
    public void Plan_ReturnsOnlyOverlappingMomentsInDateOrder()
    {
        var range = new DateInterval(Date("2026-03-01"), Date("2026-04-30"));
        var timeline = Planner.Plan(Utrecht, range);
        Assert.NotEmpty(timeline.Moments);
        Assert.All(timeline.Moments, m => Assert.True(m.Start <= range.End && m.End >= range.Start, m.Key.ToString()));
        Assert.Equal(timeline.Moments.OrderBy(m => m.Start).ThenBy(m => m.End).Select(m => m.Start), timeline.Moments.Select(m => m.Start));
        // A window that began before the range is still there (the campaign started in December).
        Assert.NotNull(timeline.Find("campaign", 2026));
    }

    [Fact]
    public void Plan_EveryCanonicalKindAppearsOverAFullTerm()
    {
        var kinds = Planner.Plan(Utrecht, new DateInterval(Date("2025-01-01"), Date("2028-12-31"))).Moments.Select(m => m.Kind).ToHashSet();
        Assert.Equal(MomentKinds.All.OrderBy(k => k), kinds.OrderBy(k => k));
    }

    [Fact]
    public void Plan_YearlyMoments_BelongToTheirCalendarYear()
    {
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2027-01-01"), Date("2027-12-31")));
        var budgetDay = timeline.Find("budget-day", 2027)!;
        Assert.Equal((Date("2027-09-21"), Basis.Law), (budgetDay.Start, budgetDay.Basis));
        Assert.Equal(Date("2027-11-15"), timeline.Find("budget-deadline", 2027)!.Start);
        Assert.Equal(Date("2027-07-15"), timeline.Find("annual-accounts-deadline", 2027)!.Start);
    }

    [Fact]
    public void Plan_SummerRecess_FollowsTheSchoolRegionWhenKnown()
    {
        var range = new DateInterval(Date("2026-01-01"), Date("2026-12-31"));
        var zuid = Planner.Plan(Utrecht with { Region = SchoolRegion.Zuid }, range).Find("summer-recess", 2026)!;
        Assert.Equal((Date("2026-07-11"), Date("2026-08-23"), Basis.Local), (zuid.Start, zuid.End, zuid.Basis));
        var unknown = Planner.Plan(Utrecht, range).Find("summer-recess", 2026)!;
        Assert.Equal(Basis.Typical, unknown.Basis);
    }

    [Fact]
    public void Plan_Merger2027_HoldsANovemberElectionAndSkipsMarch2026()
    {
        var merged = Utrecht with { MergerDate = Date("2027-01-01") };
        var timeline = Planner.Plan(merged, new DateInterval(Date("2025-01-01"), Date("2031-12-31")));
        var elections = timeline.Moments.Where(m => m.Kind == "election").Select(m => m.Start).ToArray();
        // The regular March 2026 election falls away; the merger election is on 18 November 2026; 2030 is regular.
        Assert.Equal([Date("2026-11-18"), Date("2030-03-20")], elections);
        var installation = timeline.Find("installation", 2026)!;
        Assert.Equal((Date("2027-01-04"), Basis.Law), (installation.Start, installation.Basis));
        // In a merger the wethouders are appointed at the first meeting, so the agreement comes before it.
        Assert.True(timeline.Find("coalition-agreement", 2026)!.Start <= installation.Start);
        Assert.Equal(installation.Start, timeline.Find("college-appointed", 2026)!.Start);
    }

    [Fact]
    public void Plan_Merger2026_SkipsMarch2026AndVotesAgainIn2030()
    {
        var timeline = Planner.Plan(Utrecht with { MergerDate = Date("2026-01-01") }, new DateInterval(Date("2025-01-01"), Date("2030-12-31")));
        var elections = timeline.Moments.Where(m => m.Kind == "election").Select(m => m.Start).ToArray();
        Assert.Equal([Date("2025-11-19"), Date("2030-03-20")], elections);
    }

    [Fact]
    public void Plan_LocalEvent_AppearsWithLocalBasis()
    {
        var crisis = new LocalEvent("crisis-1", "Coalitiecrisis", Day("2027-02-10"), "Mini-formatie");
        var timeline = Planner.Plan(Utrecht with { Events = [crisis] }, new DateInterval(Date("2027-01-01"), Date("2027-03-01")));
        var moment = Assert.Single(timeline.Moments, m => m.Kind == MomentKinds.LocalEvent);
        Assert.Equal(("GM0344/local-event/2027/crisis-1", Basis.Local, "Coalitiecrisis"), (moment.Key.ToString(), moment.Basis, moment.Title(Language.Nl)));
    }

    [Theory]
    // The agreement signed in June belongs to the 2026 cycle; one in January 2031 would be late for 2030.
    [InlineData("coalition-agreement", "2026-06-10", 2026)]
    [InlineData("coalition-agreement", "2030-09-01", 2030)]
    // Programme input in autumn 2029 is for the 2030 election.
    [InlineData("programme-input", "2029-03-01", 2030)]
    // Yearly moments belong to their calendar year.
    [InlineData("budget-debate", "2026-11-06", 2026)]
    public void CycleOf_AssignsAnActualDateToTheNearestCycle(string kind, string date, int cycle) =>
        Assert.Equal(cycle, Planner.CycleOf(Utrecht, kind, Date(date)));

    [Fact]
    public void Plan_IsAPureFunction_SameInputSameTimeline()
    {
        var first = Planner.Plan(Utrecht, Term2026);
        var second = Planner.Plan(Utrecht, Term2026);
        Assert.Equal(first.Moments.Select(m => (m.Key, m.Start, m.End, m.Basis)), second.Moments.Select(m => (m.Key, m.Start, m.End, m.Basis)));
    }

    private static DateInterval Day(string iso) => new(Date(iso), Date(iso));
}
