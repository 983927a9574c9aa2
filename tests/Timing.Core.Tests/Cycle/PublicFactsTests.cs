using Timing.Core.Cycle;

namespace Timing.Core.Tests.Cycle;

/// <summary>Precedence: an organisation's own date beats a public fact, a public fact beats the rules.</summary>
public class PublicFactsTests
{
    private static readonly DateInterval Year2027 = new(ShippedRules.Date("2027-01-01"), ShippedRules.Date("2027-12-31"));

    private static ActualDate Fact(string kind, string start, string end) =>
        new(kind, 2027, new DateInterval(ShippedRules.Date(start), ShippedRules.Date(end)), Basis.Local, "Begrotingsraad (https://raad.example.nl/1)");

    [Fact]
    public void PublicFact_BeatsTheRules_WithBasisLocalAndItsSource()
    {
        var profile = ShippedRules.Utrecht.WithPublicFacts([Fact(MomentKinds.BudgetDebate, "2027-11-04", "2027-11-11")]);
        var debate = ShippedRules.Planner.Plan(profile, Year2027).Find(MomentKinds.BudgetDebate, 2027)!;
        Assert.Equal((ShippedRules.Date("2027-11-04"), ShippedRules.Date("2027-11-11"), Basis.Local, "Begrotingsraad (https://raad.example.nl/1)"),
            (debate.Start, debate.End, debate.Basis, debate.Source));
    }

    [Fact]
    public void OwnEntry_BeatsThePublicFact()
    {
        var own = ShippedRules.Utrecht with { Actuals = [new ActualDate(MomentKinds.BudgetDebate, 2027, new DateInterval(ShippedRules.Date("2027-11-09"), ShippedRules.Date("2027-11-09")))] };
        var profile = own.WithPublicFacts([Fact(MomentKinds.BudgetDebate, "2027-11-04", "2027-11-11")]);
        var debate = ShippedRules.Planner.Plan(profile, Year2027).Find(MomentKinds.BudgetDebate, 2027)!;
        Assert.Equal((ShippedRules.Date("2027-11-09"), Basis.Actual), (debate.Start, debate.Basis));
    }

    [Fact]
    public void FactOfAnotherCycle_LeavesThisOneToTheRules()
    {
        var profile = ShippedRules.Utrecht.WithPublicFacts([Fact(MomentKinds.BudgetDebate, "2027-11-04", "2027-11-11")]);
        var debate = ShippedRules.Planner.Plan(profile, new DateInterval(ShippedRules.Date("2028-01-01"), ShippedRules.Date("2028-12-31"))).Find(MomentKinds.BudgetDebate, 2028)!;
        Assert.Equal(Basis.Typical, debate.Basis);
    }
}
