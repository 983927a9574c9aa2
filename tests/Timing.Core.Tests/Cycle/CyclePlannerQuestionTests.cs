using NodaTime.Testing;
using Timing.Core.Cycle;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Cycle;

/// <summary>An estimate whose expected date has passed without a real date becomes a question, narrowed to what is still possible.</summary>
public class CyclePlannerQuestionTests
{
    private static readonly DateInterval Term2026 = new(Date("2025-01-01"), Date("2031-12-31"));

    private static CyclePlanner On(string day) => new(Rules, new FakeClock(Date(day).AtStartOfDayInZone(ProductTime.Zone).ToInstant().Plus(Duration.FromHours(12))));

    [Theory]
    // Utrecht's 2026 agreement: election 18 March, latest plausible E + 120 = 16 July (see CyclePlannerTests).
    // 1 July: still possible until 16 July.
    [InlineData("2026-07-01", "2026-07-01", "2026-07-16")]
    // December, nothing entered: the p90 has passed too, so all that is left is today.
    [InlineData("2026-12-07", "2026-12-07", "2026-12-07")]
    public void Plan_PassedEstimate_NarrowsFromTodayToItsLatestDay_AndAsks(string today, string start, string end)
    {
        var agreement = On(today).Plan(Utrecht, Term2026).Find("coalition-agreement", 2026)!;
        Assert.True(agreement.AwaitsDate);
        Assert.Equal((Date(start), Date(end), Basis.Estimate), (agreement.Start, agreement.End, agreement.Basis));
        Assert.Equal(new DateInterval(Date(start), Date(end)), agreement.Estimate);
    }

    [Fact]
    public void Plan_EstimateStillAhead_IsNoQuestion()
    {
        var agreement = On("2026-05-01").Plan(Utrecht, Term2026).Find("coalition-agreement", 2026)!;
        Assert.Equal((false, Date("2026-05-29")), (agreement.AwaitsDate, agreement.Start));
    }

    [Fact]
    public void Plan_RealDateEntered_IsNoQuestion()
    {
        var profile = Utrecht with { Actuals = [new ActualDate("coalition-agreement", 2026, new DateInterval(Date("2026-06-12"), Date("2026-06-12")))] };
        var agreement = On("2026-12-07").Plan(profile, Term2026).Find("coalition-agreement", 2026)!;
        Assert.Equal((false, Date("2026-06-12"), Basis.Actual), (agreement.AwaitsDate, agreement.Start, agreement.Basis));
    }

    [Fact]
    public void Plan_ExpectedMoreThanAYearAgo_IsLeftAsPlanned()
    {
        // An earlier term is history: asking about it would bury this term's questions.
        var agreement = On("2027-12-01").Plan(Utrecht, Term2026).Find("coalition-agreement", 2026)!;
        Assert.Equal((false, Date("2026-05-29")), (agreement.AwaitsDate, agreement.Start));
    }

    [Fact]
    public void Plan_WithoutAClock_DoesNotDependOnTheDay()
    {
        var agreement = Planner.Plan(Utrecht, Term2026).Find("coalition-agreement", 2026)!;
        Assert.False(agreement.AwaitsDate);
    }

    [Fact]
    public void NudgePlanner_GivesNoRemindersForAQuestion()
    {
        var today = Date("2026-07-01");
        var timeline = On("2026-07-01").Plan(Utrecht, new DateInterval(today.PlusYears(-1), today.PlusDays(400)));
        var everyone = new Timing.Core.Nudges.Recipient(1, new HashSet<MunicipalityCode> { Utrecht.Municipality.Code }, new HashSet<string>(), Language.Nl, Timing.Core.Nudges.NudgeMode.Each);
        var planned = Timing.Core.Nudges.NudgePlanner.Plan([timeline], [everyone], today);
        Assert.DoesNotContain(planned, n => n.Moment.Kind == "coalition-agreement" && n.Moment.Cycle == 2026);
        Assert.Contains(timeline.Moments, m => m.AwaitsDate && m.Kind == "coalition-agreement");
    }
}
