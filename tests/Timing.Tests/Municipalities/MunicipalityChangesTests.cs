using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;
using Timing.Tests.Web;

namespace Timing.Tests.Municipalities;

/// <summary>A director's change stores what it should with its audit line, or nothing at all, whoever calls it.</summary>
public class MunicipalityChangesTests
{
    [Fact]
    public async Task SetActual_StoresTheDateWithItsAuditLine_AndConfirmsInBothLanguages()
    {
        await using var factory = new TimingFactory();
        var (who, _) = await DirectorFollowingUtrechtAsync(factory);
        using var scope = factory.Services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<MunicipalityChanges>()
            .SetActualAsync(who, "gm0344", new("coalition-agreement", "2026-06-10", null), CancellationToken.None);

        Assert.Empty(outcome.Problems);
        Assert.Equal("GM0344", outcome.Code);
        Assert.StartsWith("Werkelijke datum opgeslagen: ", outcome.Confirmation!.Nl, StringComparison.Ordinal);
        Assert.StartsWith("Actual date saved: ", outcome.Confirmation.En, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var stored = Assert.Single(await db.ActualDates.AsNoTracking().ToListAsync());
        Assert.Equal(new LocalDate(2026, 6, 10), stored.Start);
        var audit = Assert.Single(await db.DateChanges.AsNoTracking().ToListAsync());
        Assert.Equal($"coalition-agreement/{stored.Cycle}", audit.Subject);
    }

    [Fact]
    public async Task SetActual_RefusesAYearOutsideTheSupportedRange_AndStoresNothing()
    {
        await using var factory = new TimingFactory();
        var (who, _) = await DirectorFollowingUtrechtAsync(factory);
        using var scope = factory.Services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<MunicipalityChanges>()
            .SetActualAsync(who, "GM0344", new("coalition-agreement", "2300-06-10", null), CancellationToken.None);

        Assert.True(outcome.IsRefused);
        Assert.Null(outcome.Confirmation);
        Assert.Equal(SupportedDates.Problem, outcome.Problems["Date"]);
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        Assert.Empty(await db.ActualDates.AsNoTracking().ToListAsync());
        Assert.Empty(await db.DateChanges.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task AnotherOrganisationsMunicipality_IsMissing_AndKeepsItsSchedule()
    {
        await using var factory = new TimingFactory();
        var (_, utrecht) = await DirectorFollowingUtrechtAsync(factory);
        var other = await factory.CreateDirectorAsync("d@elders.nl", "Elders");
        using var scope = factory.Services.CreateScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<MunicipalityChanges>()
            .SetScheduleAsync(new(other.OrganisationId, other.Id, Language.Nl), "GM0344", new("2027-01-01", "zuid"), CancellationToken.None);

        Assert.True(outcome.IsMissing);
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var row = await db.FollowedMunicipalities.AsNoTracking().SingleAsync(m => m.Id == utrecht);
        Assert.Null(row.MergerDate);
        Assert.Equal("", row.SchoolRegion);
    }

    private static async Task<(MunicipalityChanges.Director Who, int Utrecht)> DirectorFollowingUtrechtAsync(TimingFactory factory)
    {
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var row = new FollowedMunicipality { OrganisationId = director.OrganisationId, Code = "GM0344", Name = "Utrecht" };
        db.FollowedMunicipalities.Add(row);
        await db.SaveChangesAsync();
        return (new(director.OrganisationId, director.Id, Language.Nl), row.Id);
    }
}
