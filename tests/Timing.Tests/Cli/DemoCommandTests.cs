using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Storage;

namespace Timing.Tests.Cli;

public class DemoCommandTests
{
    [Fact]
    public async Task Seed_FillsAThrowawayInstance_ThatTheServiceServes()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database, ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv };

        var (exit, output, error) = CliRunner.Run(settings, "demo", "seed", "--organisations", "3", "--people", "10", "--meetings", "4");

        Assert.True(exit == 0, error);
        Assert.Contains("3 organisations, 10 people with a feed each", output, StringComparison.Ordinal);
        Assert.Contains("1368 council meetings", output, StringComparison.Ordinal); // 342 municipalities × 4
        await using var factory = new TimingFactory(database);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        Assert.Equal(3, await db.People.CountAsync(p => p.Role == Roles.Director));
        Assert.Equal(10, await db.FeedTokens.CountAsync());
        // Demo people have accepted their invitation, so planning finds reminders to plan for them.
        Assert.Equal(10, await db.People.CountAsync(p => p.Accepted != null));
        await Timing.Tests.Worker.WorkerHarness.PlanAsync(factory);
        Assert.True(await db.Nudges.CountAsync() > 0, "planning the demo instance planned no reminder");
        Assert.True(await db.FollowedMunicipalities.CountAsync() >= 6, "every organisation follows at least two municipalities");
        Assert.Equal(342, await db.Meetings.Select(m => m.Code).Distinct().CountAsync());
    }

    [Fact]
    public void Seed_RefusesADatabaseWithRealOrganisations_UnlessForced()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database, ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv };
        Assert.Equal(0, CliRunner.Run(settings, "add-director", "--email", "d@zorg.nl", "--organisation", "Zorg Utrecht").Exit);

        var refused = CliRunner.Run(settings, "demo", "seed", "--organisations", "1", "--people", "1", "--meetings", "0");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("this database already holds real organisations (such as 'Zorg Utrecht')", refused.Error, StringComparison.Ordinal);

        var forced = CliRunner.Run(settings, "demo", "seed", "--organisations", "1", "--people", "1", "--meetings", "0", "--force");
        Assert.True(forced.Exit == 0, forced.Error);
    }

    [Fact]
    public void Plan_FillsTheOutboxOnce_AndASecondRunChangesNothing()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database, ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv };
        Assert.Equal(0, CliRunner.Run(settings, "demo", "seed", "--organisations", "2", "--people", "6", "--meetings", "0").Exit);

        var first = CliRunner.Run(settings, "demo", "plan");
        var second = CliRunner.Run(settings, "demo", "plan");

        Assert.True(first.Exit == 0, first.Error);
        Assert.Matches(@"^Gepland / planned: [1-9]\d* added, 0 retracted, 0 kept, 0 organisations unchanged in \d+[.,]\d s\.", first.Output);
        // A new process remembers no organisation's inputs: it plans everyone once more, and finds every row in place.
        Assert.True(second.Exit == 0, second.Error);
        Assert.Matches(@"^Gepland / planned: 0 added, 0 retracted, [1-9]\d* kept, 0 organisations unchanged in ", second.Output);
    }

    [Fact]
    public void Plan_WithTwoRuns_LeavesEveryOrganisationAloneTheSecondTime()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database, ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv };
        Assert.Equal(0, CliRunner.Run(settings, "demo", "seed", "--organisations", "2", "--people", "6", "--meetings", "0").Exit);

        var (exit, output, error) = CliRunner.Run(settings, "demo", "plan", "--runs", "2");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^Gepland / planned: [1-9]\d* added, 0 retracted, 0 kept, 0 organisations unchanged in ", lines[0]);
        Assert.Matches(@"^Gepland / planned: 0 added, 0 retracted, 0 kept, 2 organisations unchanged in ", lines[1]);
    }
}
