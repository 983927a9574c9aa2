using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;
using Timing.Tests.Web;
using Timing.Worker;

namespace Timing.Tests.Worker;

/// <summary>The hourly planning run leaves alone every organisation whose planning inputs did not change since it was last planned.</summary>
public class UnchangedPlanningTests
{
    private static readonly LocalDate Day = new(2026, 12, 7);

    private static TimingFactory NewFactory() => new(clock: new FakeClock(Day.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));

    private static async Task<(Person Welzijn, Person Zorg)> TwoOrganisationsPlannedAsync(TimingFactory factory)
    {
        var welzijn = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        var zorg = await factory.DirectorFollowingAsync("directeur@zorg.nl", "Zorg", ("GM0599", "Rotterdam"));
        var first = await factory.PlanAsync();
        Assert.True(first.Added > 0, "the first run planned nothing");
        Assert.Equal(0, first.Unchanged);
        return (welzijn, zorg);
    }

    private static Task<List<(long, string)>> OutboxAsync(TimingFactory factory) => factory.WithDbAsync(db =>
        db.Nudges.AsNoTracking().OrderBy(n => n.Id).Select(n => ValueTuple.Create(n.Id, n.State)).ToListAsync());

    [Fact]
    public async Task SecondRun_WithNothingChanged_TouchesNoOrganisation()
    {
        await using var factory = NewFactory();
        await TwoOrganisationsPlannedAsync(factory);
        var before = await OutboxAsync(factory);

        var second = await factory.PlanAsync();

        Assert.Equal((0, 0, 0, 2), (second.Added, second.Retracted, second.Kept, second.Unchanged));
        Assert.Equal(before, await OutboxAsync(factory));
    }

    [Fact]
    public async Task AChangeInOneOrganisation_ReplansOnlyThatOne()
    {
        await using var factory = NewFactory();
        var (welzijn, zorg) = await TwoOrganisationsPlannedAsync(factory);
        var zorgRows = await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == zorg.Id && n.State == NudgeStates.Pending));
        await factory.WithDbAsync(async db =>
        {
            db.FollowedMunicipalities.Remove(await db.FollowedMunicipalities.SingleAsync(m => m.OrganisationId == welzijn.OrganisationId && m.Code == "GM0363"));
            return await db.SaveChangesAsync();
        });

        var run = await factory.PlanAsync();

        Assert.True(run.Retracted > 0, "Amsterdam's reminders were not retracted");
        Assert.Equal(1, run.Unchanged);
        Assert.Equal(zorgRows, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == zorg.Id && n.State == NudgeStates.Pending)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == welzijn.Id && n.Subject.StartsWith("GM0363") && n.State == NudgeStates.Pending)));
    }

    [Fact]
    public async Task AnOptOut_AChoiceAndAnEnteredDate_EachReplanTheirOrganisation()
    {
        await using var factory = NewFactory();
        var (welzijn, zorg) = await TwoOrganisationsPlannedAsync(factory);

        // An address on the opt-out list, though nothing retracted its rows yet: planning retracts them.
        await factory.WithDbAsync(db =>
        {
            db.MailOptOuts.Add(new MailOptOut { AddressHash = Timing.People.Consent.AddressHash("directeur@zorg.nl"), At = factory.Clock.GetCurrentInstant() });
            return db.SaveChangesAsync();
        });
        var optedOut = await factory.PlanAsync();
        Assert.Equal(1, optedOut.Unchanged);
        Assert.True(optedOut.Retracted > 0, "the opted-out address kept its reminders");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == zorg.Id && n.State == NudgeStates.Pending)));

        await factory.SetNudgeModeAsync("directeur@welzijn.nl", NudgeMode.None);
        var none = await factory.PlanAsync();
        Assert.Equal(1, none.Unchanged);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == welzijn.Id && n.State == NudgeStates.Pending)));

        await factory.SetNudgeModeAsync("directeur@welzijn.nl", NudgeMode.Each);
        await factory.WithDbAsync(async db =>
        {
            var utrecht = await db.FollowedMunicipalities.SingleAsync(m => m.OrganisationId == welzijn.OrganisationId && m.Code == "GM0344");
            db.ActualDates.Add(new ActualDateRow { FollowedMunicipalityId = utrecht.Id, Kind = MomentKinds.CoalitionAgreement, Cycle = 2026, Start = Day.PlusDays(20), End = Day.PlusDays(20) });
            return await db.SaveChangesAsync();
        });
        var entered = await factory.PlanAsync();
        Assert.Equal(1, entered.Unchanged);
        Assert.True(entered.Added > 0, "the reminders did not come back");
    }

    [Fact]
    public async Task AReminderRetractedElsewhere_IsPlannedAgain()
    {
        await using var factory = NewFactory();
        var (_, zorg) = await TwoOrganisationsPlannedAsync(factory);
        // As another node planning from other inputs would leave it: one of Zorg's pending reminders retracted.
        var id = await factory.WithDbAsync(db => db.Nudges.Where(n => n.PersonId == zorg.Id && n.State == NudgeStates.Pending).Select(n => n.Id).FirstAsync());
        await factory.WithDbAsync(db => db.Nudges.Where(n => n.Id == id).ExecuteUpdateAsync(u => u.SetProperty(n => n.State, NudgeStates.Retracted)));

        var run = await factory.PlanAsync();

        Assert.Equal((1, 0, 1), (run.Added, run.Retracted, run.Unchanged));
        Assert.Equal(NudgeStates.Pending, await factory.WithDbAsync(db => db.Nudges.Where(n => n.Id == id).Select(n => n.State).SingleAsync()));
    }

    [Fact]
    public async Task TheNextDay_EveryOrganisationIsPlannedAgain()
    {
        await using var factory = NewFactory();
        await TwoOrganisationsPlannedAsync(factory);
        factory.Clock.Reset(Day.PlusDays(1).At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());

        var run = await factory.PlanAsync();

        Assert.Equal(0, run.Unchanged);
        Assert.True(run.Kept > 0, "the next day's run confirmed no row");
    }

    [Fact]
    public async Task APageReplanningAnOrganisation_CountsForTheNextHourlyRun()
    {
        await using var factory = NewFactory();
        var (welzijn, _) = await TwoOrganisationsPlannedAsync(factory);
        await factory.SetNudgeModeAsync("directeur@welzijn.nl", NudgeMode.None);
        using (var scope = factory.Services.CreateScope())
        {
            var page = await scope.ServiceProvider.GetRequiredService<NudgeOutbox>().PlanOrganisationAsync(welzijn.OrganisationId, CancellationToken.None);
            Assert.True(page.Retracted > 0, "the page's run retracted nothing");
        }

        var hourly = await factory.PlanAsync();

        Assert.Equal(2, hourly.Unchanged);
    }
}
