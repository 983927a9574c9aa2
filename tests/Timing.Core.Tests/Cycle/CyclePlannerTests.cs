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
        // Agreement: median E+72, p10 E+32, p90 E+120 after 18 March 2026 (2022 calibration: about one in seven councils
        // still had no college after three and a half months). E+72 is Friday 29 May; E+32 is Sunday 19 April, shown as
        // Monday 20 April; E+120 is Thursday 16 July.
        var agreement = Planner.Plan(Utrecht, Term2026).Find("coalition-agreement", 2026)!;
        Assert.Equal(Basis.Estimate, agreement.Basis);
        Assert.Equal(Date("2026-05-29"), agreement.Start);
        Assert.Equal(new DateInterval(Date("2026-04-20"), Date("2026-07-16")), agreement.Estimate);
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
        // 13 June and 12 December 2026 are Saturdays: the window runs from Monday 15 June to Friday 11 December.
        Assert.Equal((Date("2026-06-15"), Date("2026-12-11"), Basis.Typical), (programme.Start, programme.End, programme.Basis));
        Assert.Null(programme.Estimate);
    }

    [Fact]
    public void Plan_ActualElectionDay_MovesTheWindowsBeforeIt()
    {
        // Not a real scenario, but it shows that dependants follow any actual date, including a statutory one.
        var timeline = Planner.Plan(Utrecht with { Actuals = [new ActualDate("election", 2026, Day("2026-03-25"))] }, Term2026);
        // E − 15 months is Christmas Day 2024; the window opens on the next working day, Friday 27 December.
        Assert.Equal(Date("2024-12-27"), timeline.Find("programme-input", 2026)!.Start);
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
        // 2025–2029 holds a full council term, a provincial election (2027) and a European one (2029).
        var kinds = Planner.Plan(Utrecht, new DateInterval(Date("2025-01-01"), Date("2029-12-31"))).Moments.Select(m => m.Kind).ToHashSet();
        // Entered kinds (a wethouder leaving, a coalition break…) only appear when a director enters one.
        Assert.Equal(Rules.Moments.Where(m => !m.IsEntered).Select(m => m.Kind).OrderBy(k => k), kinds.OrderBy(k => k));
    }

    [Fact]
    public void Plan_YearlyMoments_BelongToTheirCalendarYear()
    {
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2027-01-01"), Date("2027-12-31")));
        var budgetDay = timeline.Find("budget-day", 2027)!;
        Assert.Equal((Date("2027-09-21"), Basis.Law), (budgetDay.Start, budgetDay.Basis));
        // "Vóór 15 november" / "vóór 15 juli" (Gemeentewet art. 191 lid 2, art. 200): the 14th is the last day.
        var budget = timeline.Find("budget-deadline", 2027)!;
        Assert.Equal((Date("2027-11-14"), Basis.Law, "Gemeentewet art. 191 lid 2"), (budget.Start, budget.Basis, budget.Source));
        Assert.Equal(Date("2027-07-14"), timeline.Find("annual-accounts-deadline", 2027)!.Start);
        // Named by the budget year it concerns, and the Sunday gets the Friday before as the last working day.
        Assert.Equal("Uiterste datum begroting 2028 aan gedeputeerde staten", budget.Title(Language.Nl));
        Assert.Equal("Deze dag valt in het weekend; de laatste werkdag ervoor is vr 12 nov 2027.", budget.Note!.Nl);
        Assert.Contains("191", budget.Definition.Advice.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_KadernotaSteps_KeepTheirDistanceToTheRealCouncilVote()
    {
        var range = new DateInterval(Date("2027-01-01"), Date("2027-12-31"));
        string Dates(Timeline t, string kind) => $"{t.Find(kind, 2027)!.Start:yyyy-MM-dd}/{t.Find(kind, 2027)!.End:yyyy-MM-dd}";
        // Without a local date: the usual steps before a vote by the end of the window (Wednesday 14 July 2027).
        var usual = Planner.Plan(Utrecht, range);
        Assert.Equal("2027-05-20/2027-05-20", Dates(usual, "framework-note-college"));
        Assert.Equal("2027-05-27/2027-05-27", Dates(usual, "framework-note-publication"));
        Assert.Equal("2027-06-17/2027-06-30", Dates(usual, "framework-note-committee"));
        // The recorded Utrecht calendar votes on 24 June 2027, twenty days earlier: information session 20 May and
        // committee 10 June. The steps move along, the committee window now ends on the committee day, and they say why.
        var vote = new ActualDate("framework-note", 2027, new DateInterval(Date("2027-06-24"), Date("2027-06-24")), Basis.Local, "raadsvergadering");
        var local = Planner.Plan(Utrecht with { Actuals = [vote] }, range);
        Assert.Equal("2027-04-30/2027-04-30", Dates(local, "framework-note-college"));
        Assert.Equal("2027-05-07/2027-05-07", Dates(local, "framework-note-publication"));
        Assert.Equal("2027-05-28/2027-06-10", Dates(local, "framework-note-committee"));
        Assert.Equal(Basis.Typical, local.Find("framework-note-committee", 2027)!.Basis);
        Assert.Contains("Kadernota 2028 op 24 juni 2027", local.Find("framework-note-publication", 2027)!.Note!.Nl, StringComparison.Ordinal);
        // The preparation window is not a step towards the vote: it keeps its own dates.
        Assert.Equal(Dates(usual, "framework-note-preparation"), Dates(local, "framework-note-preparation"));
        // A step of its own with a real date wins over the moved one.
        var own = new ActualDate("framework-note-publication", 2027, new DateInterval(Date("2027-05-12"), Date("2027-05-12")));
        Assert.Equal("2027-05-12/2027-05-12", Dates(Planner.Plan(Utrecht with { Actuals = [vote, own] }, range), "framework-note-publication"));
    }

    [Fact]
    public void Plan_SubsidyCalendar_HasDefaultsNamedByTheGrantYear_ThatAMunicipalitysOwnDatesReplace()
    {
        var range = new DateInterval(Date("2027-01-01"), Date("2027-12-31"));
        var timeline = Planner.Plan(Utrecht, range);
        // Applications in the autumn for next year, the ceiling with the budget, the decision before the year turns,
        // and the accounting for last year in spring.
        Assert.Equal(("2027-09-30", "Uiterste aanvraagdatum subsidie 2028"), Day(timeline, "subsidy-application"));
        Assert.Equal(("2027-11-15", "Subsidieplafond 2028"), Day(timeline, "subsidy-ceiling"));
        Assert.Equal(("2027-12-15", "Subsidiebeschikking 2028"), Day(timeline, "subsidy-decision"));
        Assert.Equal(("2027-05-31", "Verantwoording subsidie 2026"), Day(timeline, "subsidy-settlement"));
        Assert.All(new[] { "subsidy-application", "subsidy-ceiling", "subsidy-decision", "subsidy-settlement" },
            k => Assert.Equal(Basis.Typical, timeline.Find(k, 2027)!.Basis));
        // A usual day on a weekend is met the working day before: Sunday 31 May 2026 becomes Friday 29 May.
        Assert.Equal(Date("2026-05-29"), Planner.Plan(Utrecht, new DateInterval(Date("2026-01-01"), Date("2026-12-31"))).Find("subsidy-settlement", 2026)!.Start);
        // A municipality whose regulation asks applications before 1 April: its own date, for that year.
        var own = new ActualDate("subsidy-application", 2027, new DateInterval(Date("2027-03-31"), Date("2027-03-31")));
        var moved = Planner.Plan(Utrecht with { Actuals = [own] }, range).Find("subsidy-application", 2027)!;
        Assert.Equal((Date("2027-03-31"), Basis.Actual), (moved.Start, moved.Basis));

        static (string, string) Day(Timeline t, string kind) => (t.Find(kind, 2027)!.Start.ToString("yyyy-MM-dd", null), t.Find(kind, 2027)!.Title(Language.Nl));
    }

    [Fact]
    public void Plan_AutumnReport_IsNamedByTheYearItReportsOn()
    {
        var report = Planner.Plan(Utrecht, new DateInterval(Date("2027-01-01"), Date("2027-12-31"))).Find("autumn-report", 2027)!;
        Assert.Equal(("Najaarsnota 2027", Date("2027-11-01"), Date("2027-12-15")), (report.Title(Language.Nl), report.Start, report.End));
    }

    [Theory]
    // Regular term: installed Wednesday 1 April 2026, spokespersons a week later for five weeks.
    [InlineData(null, "2026-04-08", "2026-05-13")]
    // Merger on 1 January 2027: installed Monday 4 January 2027.
    [InlineData("2027-01-01", "2027-01-11", "2027-02-15")]
    public void Plan_Spokespersons_FollowTheInstallation(string? merger, string start, string end)
    {
        var profile = merger is null ? Utrecht : Utrecht with { MergerDate = Date(merger) };
        var moment = Planner.Plan(profile, new DateInterval(Date("2026-01-01"), Date("2027-12-31"))).Moments.Single(m => m.Kind == "spokespersons");
        Assert.Equal((Date(start), Date(end)), (moment.Start, moment.End));
    }

    [Fact]
    public void Plan_ProvincialAgreementAndSenateElection_AreContextAfterTheProvincialElection()
    {
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2027-01-01"), Date("2027-12-31")));
        var agreement = timeline.Find("provincial-agreement", 2027)!;
        // Staten installed 31 March 2027; agreements usually follow in the months after.
        Assert.Equal((Date("2027-05-12"), Date("2027-07-21"), Basis.Typical), (agreement.Start, agreement.End, agreement.Basis));
        var senate = timeline.Find("senate-election", 2027)!;
        // End of May, as in 2011–2023 (23, 26, 27 and 30 May); Sunday 23 May 2027 moves to Monday 24 May.
        Assert.Equal((Date("2027-05-24"), Date("2027-05-31"), Basis.Typical), (senate.Start, senate.End, senate.Basis));
        Assert.Empty(senate.Definition.Nudges);
        Assert.True(senate.Definition.IsArena && agreement.Definition.IsArena);
    }

    [Fact]
    public void Plan_SummerRecess_FollowsTheSchoolRegionWhenKnown()
    {
        var range = new DateInterval(Date("2026-01-01"), Date("2026-12-31"));
        var zuid = Planner.Plan(Utrecht with { Region = "zuid" }, range).Find("summer-recess", 2026)!;
        Assert.Equal((Date("2026-07-11"), Date("2026-08-23"), Basis.Local), (zuid.Start, zuid.End, zuid.Basis));
        // Utrecht is in region midden by the public division, so without a choice of its own it follows midden.
        var preset = Planner.Plan(Utrecht, range).Find("summer-recess", 2026)!;
        Assert.Equal((Date("2026-07-18"), Date("2026-08-30"), Basis.Local), (preset.Start, preset.End, preset.Basis));
        // Tiel is not in the shipped division (its region follows a line inside Gelderland), so the usual period applies.
        var tiel = new MunicipalityProfile(new Municipality(MunicipalityCode.Parse("GM0281"), "Tiel"));
        Assert.Equal(Basis.Typical, Planner.Plan(tiel, range).Find("summer-recess", 2026)!.Basis);
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
    // Provincial and water-board elections (years ≡ 3 mod 4) follow the council's Kieswet rules. Published:
    // 2019 K 4 February, E 20 March, Staten installed Thursday 28 March; 2023 E 15 March, installed Wednesday 29 March.
    // Computed: 2027 K 1 February, E 17 March, installed 31 March; 2031 K 3 February, E 19 March, installed 2 April.
    [InlineData(2019, "2019-02-04", "2019-03-20", "2019-03-28")]
    [InlineData(2023, "2023-01-30", "2023-03-15", "2023-03-29")]
    [InlineData(2027, "2027-02-01", "2027-03-17", "2027-03-31")]
    [InlineData(2031, "2031-02-03", "2031-03-19", "2031-04-02")]
    public void Plan_ProvincialAndWaterBoardElections_FollowTheKieswet(int year, string nomination, string election, string installation)
    {
        var timeline = Planner.Plan(Utrecht, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));
        Assert.Equal(Date(nomination), timeline.Find("provincial-nomination", year)!.Start);
        Assert.Equal(Date(election), timeline.Find("provincial-election", year)!.Start);
        Assert.Equal(Date(election), timeline.Find("water-board-election", year)!.Start);
        var installed = timeline.Find("provincial-installation", year)!;
        Assert.Equal((Date(installation), Basis.Law), (installed.Start, installed.Basis));
        Assert.All(Rules.ArenaMoments.Select(m => timeline.Find(m.Kind, year)).OfType<Moment>(),
            m => Assert.Equal(["parties"], m.Audiences));
    }

    [Fact]
    public void Plan_NationalAndEuropeanElections_ComeFromTheElectionCalendar()
    {
        // Tweede Kamer 29 October 2025 (fixed after the dissolution); European Parliament 2029 not fixed yet: an estimate.
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2025-01-01"), Date("2029-12-31")));
        var national = timeline.Find("national-election", 2025)!;
        Assert.Equal((Date("2025-10-29"), Basis.Law), (national.Start, national.Basis));
        var european = timeline.Find("european-election", 2029)!;
        Assert.Equal(Basis.Estimate, european.Basis);
        Assert.NotNull(european.Estimate);
        Assert.True(european.Definition.IsArena);
        Assert.False(Rules.Moment("election").IsArena);
    }

    [Fact]
    public void Plan_NewCollegeMoments_FollowTheElectionOf18March2026()
    {
        var timeline = Planner.Plan(Utrecht, Term2026);
        // The first budget: the draft budget and debate of autumn 2026, Friday 18 September (E + 6 months) to
        // Wednesday 11 November (E + 8 months − 7 days, before the 14 November deadline for any election day).
        var budget = timeline.Find("first-budget", 2026)!;
        Assert.Equal((Date("2026-09-18"), Date("2026-11-11")), (budget.Start, budget.End));
        // The first hundred days run from the day after the (estimated) appointment of the wethouders.
        var college = timeline.Find("college-appointed", 2026)!;
        var hundred = timeline.Find("first-hundred-days", 2026)!;
        Assert.Equal(Timing.Core.Nudges.WorkingDays.OnOrAfter(college.Start.PlusDays(1)), hundred.Start);
        // The kadernota is prepared in January–April, before the council sees it.
        var preparation = timeline.Find("framework-note-preparation", 2027)!;
        Assert.Equal((Date("2027-01-11"), Date("2027-04-15")), (preparation.Start, preparation.End));
    }

    [Fact]
    public void Plan_EnteredCoalitionBreak_UsesItsKindsNameAdviceAndReminders()
    {
        var crisis = new LocalEvent("7", "Breuk over de begroting", Day("2027-02-10"), Kind: MomentKinds.CoalitionBreak);
        var timeline = Planner.Plan(Utrecht with { Events = [crisis] }, new DateInterval(Date("2027-01-01"), Date("2027-03-01")));
        var moment = Assert.Single(timeline.Moments, m => m.Kind == MomentKinds.CoalitionBreak);
        Assert.Equal(("GM0344/coalition-break/2027/7", Basis.Local), (moment.Key.ToString(), moment.Basis));
        Assert.Equal("Coalitie valt", moment.Title(Language.Nl));
        Assert.Equal("Breuk over de begroting", moment.Note!.Nl);
        // A break need not mean a new formation: a minority college or one new partner is as common.
        Assert.Contains("minderheidscollege", moment.Definition.Advice.Nl, StringComparison.Ordinal);
        Assert.NotEmpty(moment.Definition.Nudges);
    }

    [Theory]
    // Utrecht votes on 18 March 2026 and 20 March 2030: 2026 is the election year, 2027 the first year of the
    // new college, 2028 the middle, 2029 the year before the next election.
    [InlineData(2026, TermYear.Election, "beleidsarm")]
    [InlineData(2027, TermYear.First, "coalitieakkoord")]
    [InlineData(2028, TermYear.Midterm, "Halverwege")]
    [InlineData(2029, TermYear.BeforeElection, "laatste kadernota")]
    public void Plan_FrameworkNote_GetsTheAdviceOfItsYearInTheTerm(int year, TermYear expected, string phrase)
    {
        var note = Planner.Plan(Utrecht, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31))).Find("framework-note", year)!;
        Assert.Equal(expected, note.TermYear);
        Assert.Contains(phrase, note.Advice.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void TermYearOf_AMergerTermOfFiveYears_HasTwoMiddleYears()
    {
        // A merger on 1 January 2027: merger election November 2026, next regular election 2030 (skipping none in between).
        int[] elections = [2026, 2030];
        Assert.Equal(
            [TermYear.Election, TermYear.First, TermYear.Midterm, TermYear.BeforeElection, TermYear.Election],
            Enumerable.Range(2026, 5).Select(y => CyclePlanner.TermYearOf(y, elections)!.Value));
    }

    [Theory]
    // Official results as published: 2026 Thursday 26 March (E+8, since 2023); 2022 Monday 21 March (three
    // polling days under the covid act, from config); 2018 Friday 23 March (E+2, before 2023).
    [InlineData(2026, "2026-03-26", Basis.Typical)]
    [InlineData(2022, "2022-03-21", Basis.Law)]
    [InlineData(2018, "2018-03-23", Basis.Typical)]
    public void Plan_OfficialResult_FollowsTheRuleOfItsYear(int year, string expected, Basis basis)
    {
        var timeline = Planner.Plan(Utrecht, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));
        var result = timeline.Find("result", year)!;
        Assert.Equal((Date(expected), basis), (result.Start, result.Basis));
    }

    [Fact]
    public void Plan_ListsFinal_CitesTheArticlesOnValidityAndNumbering()
    {
        // 2026: nomination Monday 2 February, lists validated and numbered Friday 6 February (Kieswet art. I 4, I 14).
        var lists = Planner.Plan(Utrecht, Term2026).Find("lists-final", 2026)!;
        Assert.Equal(Date("2026-02-06"), lists.Start);
        Assert.Contains("I 4", lists.Source, StringComparison.Ordinal);
        Assert.Contains("I 14", lists.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Induction_StartsTheDayAfterElectionDay()
    {
        // The griffie plans the induction before the election; it starts right after 18 March 2026.
        var induction = Planner.Plan(Utrecht, Term2026).Find("councillor-induction", 2026)!;
        Assert.Equal(Date("2026-03-19"), induction.Start);
        Assert.Contains("griffie", induction.Definition.Advice.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_EstimatedDays_NeverFallOnAWeekendOrPublicHoliday()
    {
        for (var year = 2026; year <= 2050; year += 4)
        {
            var timeline = Planner.Plan(Utrecht, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));
            foreach (var kind in new[] { "coalition-agreement", "college-appointed" })
            {
                var moment = timeline.Find(kind, year)!;
                Assert.True(Timing.Core.Nudges.WorkingDays.IsWorkingDay(moment.Start), $"{kind} {year}: {moment.Start}");
                Assert.True(Timing.Core.Nudges.WorkingDays.IsWorkingDay(moment.Estimate!.Start) && Timing.Core.Nudges.WorkingDays.IsWorkingDay(moment.Estimate.End), $"{kind} {year}");
            }
        }
    }

    [Fact]
    public void Plan_TypicalWindowEndingOnAWeekend_EndsOnTheWorkingDayBefore()
    {
        // The budget debate runs to 14 November; in 2026 that is a Saturday, so the window ends Friday 13 November.
        // The December circular of 2028 would end on Sunday 31 December: shown as Friday 29 December.
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2026-01-01"), Date("2028-12-31")));
        Assert.Equal(Date("2026-11-13"), timeline.Find("budget-debate", 2026)!.End);
        Assert.Equal(Date("2028-12-29"), timeline.Find("december-circular", 2028)!.End);
    }

    [Fact]
    public void Plan_MergerOutsideFirstOfJanuary_KeepsTheRegularElections()
    {
        // Weesp joined Amsterdam on 24 March 2022 without a merger election; Amsterdam voted 16 March 2022 and 18 March 2026.
        var amsterdam = new MunicipalityProfile(new Municipality(MunicipalityCode.Parse("GM0363"), "Amsterdam"), Date("2022-03-24"));
        var elections = Planner.Plan(amsterdam, new DateInterval(Date("2021-01-01"), Date("2026-12-31"))).Moments
            .Where(m => m.Kind == "election").Select(m => m.Start).ToArray();
        Assert.Equal([Date("2022-03-16"), Date("2026-03-18")], elections);
    }

    [Theory]
    // The regions take turns in a six-year rotation (2017 = 2023: midden, zuid, noord; 2018 = 2024: zuid, midden, noord; …).
    // 2027 repeats 2021 (noord, midden, zuid), as schools' published 2026–2027 rosters confirm for noord and midden;
    // 2028 repeats 2022 (midden, noord, zuid).
    [InlineData("noord", "2027-07-10", "2027-08-22")]
    [InlineData("midden", "2027-07-17", "2027-08-29")]
    [InlineData("zuid", "2027-07-24", "2027-09-05")]
    [InlineData("midden", "2028-07-08", "2028-08-20")]
    [InlineData("noord", "2028-07-15", "2028-08-27")]
    [InlineData("zuid", "2028-07-22", "2028-09-03")]
    public void Plan_SummerRecess_FollowsTheRegionsTurnIn2027And2028(string region, string start, string end)
    {
        var year = int.Parse(start[..4], System.Globalization.CultureInfo.InvariantCulture);
        var recess = Planner.Plan(Utrecht with { Region = region }, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31))).Find("summer-recess", year)!;
        Assert.Equal((Date(start), Date(end), Basis.Local), (recess.Start, recess.End, recess.Basis));
    }

    [Fact]
    public void Plan_SummerRecess_UsesSchoolHolidaysThrough2028AndSaysWhenItFallsBack()
    {
        var zuid = Utrecht with { Region = "zuid" };
        var known = Planner.Plan(zuid, new DateInterval(Date("2028-01-01"), Date("2028-12-31"))).Find("summer-recess", 2028)!;
        Assert.Equal((Basis.Local, (LocalizedText?)null), (known.Basis, known.Note));
        var later = Planner.Plan(zuid, new DateInterval(Date("2029-01-01"), Date("2029-12-31"))).Find("summer-recess", 2029)!;
        Assert.Equal(Basis.Typical, later.Basis);
        Assert.Contains("2029", later.Note!.Nl, StringComparison.Ordinal);
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

    [Fact]
    public void Plan_NationalElection2030_FollowsKieswetC3_InMay()
    {
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2030-01-01"), Date("2030-12-31")));
        var national = timeline.Find("national-election", 2030)!;
        Assert.Equal((Date("2030-05-15"), Basis.Law, "Kieswet art. C 3"), (national.Start, national.Basis, national.Source));
        // It falls inside the local formation, and the advice for a council-election year says so.
        Assert.True(national.Start > timeline.Find("installation", 2030)!.Start);
        Assert.Contains("vorming van het nieuwe college", national.Advice.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SpringMerger_Weesp2022_MakesMarchTheMergerElectionAndInstallsOnTheMergerDate()
    {
        // Weesp joined Amsterdam on Thursday 24 March 2022; the act chose that day so that the regular vote of 16 March
        // was the merger election, and the new council was installed on the merger date.
        var amsterdam = new MunicipalityProfile(new Municipality(MunicipalityCode.Parse("GM0363"), "Amsterdam"), MergerDate: Date("2022-03-24"));
        var timeline = Planner.Plan(amsterdam, new DateInterval(Date("2022-01-01"), Date("2022-12-31")));
        var election = timeline.Find("election", 2022)!;
        Assert.Equal(Date("2022-03-16"), election.Start);
        Assert.Contains("herindelingsverkiezing", election.Note!.Nl, StringComparison.Ordinal);
        var installation = timeline.Find("installation", 2022)!;
        Assert.Equal((Date("2022-03-24"), Basis.Law), (installation.Start, installation.Basis));
        // The covid-act result day still applies to the regular vote.
        Assert.Equal(Date("2022-03-21"), timeline.Find("result", 2022)!.Start);
    }

    [Theory]
    // A 1 January 2028 merger: the council elected in 2026 sits 21 months, so it has no midterm; the merged council
    // sits January 2028 – April 2034, so its midterm is around February 2031, not 21 months in.
    [InlineData("2028-01-01", 2026, null)]
    [InlineData("2028-01-01", 2027, "2031-02-19")]
    // A 1 January 2029 merger: term January 2029 – April 2034, middle about August 2031.
    [InlineData("2029-01-01", 2028, "2031-08-18")]
    // No merger: the middle of April 2026 – April 2030.
    [InlineData(null, 2026, "2028-04-01")]
    public void Plan_MidtermReview_IsAnchoredOnTheMiddleOfTheActualTerm(string? merger, int cycle, string? middle)
    {
        var profile = Utrecht with { MergerDate = merger is null ? null : Date(merger) };
        var review = Planner.Plan(profile, new DateInterval(Date("2025-01-01"), Date("2035-12-31"))).Find("midterm-review", cycle);
        if (middle is null)
        {
            Assert.Null(review);
            return;
        }
        Assert.NotNull(review);
        Assert.InRange(Date(middle), review.Start, review.End);
        Assert.InRange(Period.DaysBetween(review.Start, review.End), 110, 130);
    }

    [Fact]
    public void Plan_AutumnBeforeAJanuaryMerger_IsNotTheNewCollegesFirstBudget()
    {
        // With a 1 January 2027 merger the November 2026 vote elects a council that starts on 4 January 2027; the
        // autumn-2026 budget belongs to the outgoing colleges, so 2026 is the year before the term, not its first.
        var timeline = Planner.Plan(Utrecht with { MergerDate = Date("2027-01-01") }, new DateInterval(Date("2026-01-01"), Date("2027-12-31")));
        Assert.Equal(TermYear.BeforeElection, timeline.Find("budget-debate", 2026)!.TermYear);
        Assert.Equal(TermYear.Election, timeline.Find("budget-debate", 2027)!.TermYear);
        Assert.DoesNotContain("eerste begroting", timeline.Find("budget-debate", 2026)!.Advice.Nl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Plan_Formation_ExplorationEndsWhereNegotiationsBegin()
    {
        var timeline = Planner.Plan(Utrecht, Term2026);
        var exploration = timeline.Find("exploration", 2026)!;
        var negotiation = timeline.Find("negotiation", 2026)!;
        Assert.True(exploration.End < negotiation.Start, $"{exploration.End} should be before {negotiation.Start}");
        var merged = Planner.Plan(Utrecht with { MergerDate = Date("2027-01-01") }, Term2026);
        Assert.True(merged.Find("exploration", 2026)!.End < merged.Find("negotiation", 2026)!.Start);
    }

    [Fact]
    public void Plan_MergerAgreement_IsAboutThreeWeeksBeforeInstallation()
    {
        // Merger coalitions present in early or mid December, so the first meeting can appoint the wethouders.
        var timeline = Planner.Plan(Utrecht with { MergerDate = Date("2027-01-01") }, Term2026);
        var agreement = timeline.Find("coalition-agreement", 2026)!;
        Assert.Equal(Date("2026-12-14"), agreement.Start);
        Assert.True(agreement.Estimate!.End < Date("2026-12-31"));
    }

    [Fact]
    public void Plan_FirstBudget_MovesToTheNextFrameworkNote_WhenTheCollegeStartsAfterSeptember()
    {
        var late = new ActualDate("college-appointed", 2026, new DateInterval(Date("2026-09-24"), Date("2026-09-24")));
        var first = Planner.Plan(Utrecht with { Actuals = [late] }, Term2026).Find("first-budget", 2026)!;
        Assert.Equal((Date("2027-06-01"), Date("2027-07-14")), (first.Start, first.End));
        Assert.Contains("kadernota", first.Note!.Nl, StringComparison.Ordinal);
        var onTime = Planner.Plan(Utrecht, Term2026).Find("first-budget", 2026)!;
        Assert.Equal(2026, onTime.Start.Year);
    }

    [Theory]
    // P&C documents carry the budget year they concern: in 2027 the council debates the Jaarstukken 2026,
    // the Kadernota 2028 and the Programmabegroting 2028. The key (and so the address) keeps the calendar year.
    [InlineData("annual-accounts", "Jaarstukken 2026")]
    [InlineData("framework-note", "Kadernota 2028")]
    [InlineData("draft-budget", "Ontwerpbegroting 2028")]
    [InlineData("budget-debate", "Programmabegroting 2028 in de raad")]
    [InlineData("framework-note-preparation", "Voorbereiding kadernota 2028")]
    public void Title_PlanningAndControlMoments_CarryTheBudgetYear(string kind, string title)
    {
        var moment = Planner.Plan(Utrecht, new DateInterval(Date("2027-01-01"), Date("2027-12-31"))).Find(kind, 2027)!;
        Assert.Equal((title, 2027), (moment.Title(Language.Nl), moment.Key.Cycle));
    }

    [Fact]
    public void Plan_WeekendDeadline_NamesTheLastWorkingDay()
    {
        // 14 July 2029 is a Saturday; 14 November 2028 a Tuesday, so only the first gets a note.
        var timeline = Planner.Plan(Utrecht, new DateInterval(Date("2028-01-01"), Date("2029-12-31")));
        Assert.Equal("This day falls in a weekend; the last working day before it is Fri 13 Jul 2029.", timeline.Find("annual-accounts-deadline", 2029)!.Note!.En);
        Assert.Null(timeline.Find("budget-deadline", 2028)!.Note);
    }
}
