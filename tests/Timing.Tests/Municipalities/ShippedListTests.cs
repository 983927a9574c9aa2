namespace Timing.Tests.Municipalities;

/// <summary>The CBS list of 2026 ships with the program: names appear without an import, and an import wins.</summary>
public class ShippedListTests
{
    [Fact]
    public void ShippedList_IsInTheRepositoryAndBesideTheProgram_WithTheCbsCredit()
    {
        Assert.True(File.Exists(TestPaths.MunicipalitiesCsv), TestPaths.MunicipalitiesCsv);
        Assert.Equal(File.ReadAllText(TestPaths.MunicipalitiesCsv), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "gemeenten-2026.csv")));
        Assert.Contains("CBS", File.ReadAllText(Path.Combine(TestPaths.ConfigDirectory, "README.md")), StringComparison.Ordinal);
        Assert.Contains("CBS", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_RealProgram_WithoutAnyListSetting_ShowsTheCbsName()
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(["plan", "--municipality", "GM0014", "--from", "2026-03-18", "--to", "2026-03-18"]);
        Assert.True(exit == 0, error);
        Assert.StartsWith("Gemeente Groningen (GM0014)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_WithoutAnyListSetting_NamesFromTheShippedList_AndTheDatabaseCopyWins()
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        var renamed = Path.Combine(dir, "renamed.csv");
        await File.WriteAllTextAsync(renamed, "code,name\nGM0344,Utrecht (stad)\n");
        var import = await ProcessRunner.RunAsync(["municipalities", "import", renamed], dir, new Dictionary<string, string> { ["Storage__SqlitePath"] = database });
        Assert.True(import.Exit == 0, import.Error);

        await using var factory = new TimingFactory(database, settings: new() { ["Timing:MunicipalitiesFile"] = null });
        var client = factory.CreateClient();
        Assert.Contains("X-WR-CALNAME:Politieke kalender – Gemeente Groningen", await client.GetStringAsync(new Uri("/feeds/GM0014.ics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Politieke kalender – Gemeente Utrecht (stad)", await client.GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative)), StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }
}
