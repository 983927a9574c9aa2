using System.Text.Json;

namespace Timing.Tests.Cli;

/// <summary>The command line as a user meets it: the real program in its own process, from another working directory.</summary>
public class PlanProcessTests
{
    [Fact]
    public async Task Timing_Plan_PrintsJsonFromAnyWorkingDirectory()
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(
            ["plan", "--municipality", "GM0344", "--from", "2025-01-01", "--to", "2031-12-31", "--format", "json"],
            environment: new Dictionary<string, string> { ["Timing__MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv });
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Utrecht", json.RootElement.GetProperty("municipality").GetProperty("name").GetString());
        var installation = json.RootElement.GetProperty("moments").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "GM0344/installation/2026");
        Assert.Equal("2026-04-01", installation.GetProperty("start").GetString());
    }

    [Fact]
    public async Task Timing_Plan_BadDate_ExitsWith2AndOneLine()
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(["plan", "--municipality", "GM0344", "--from", "18-03-2026"]);
        Assert.Equal((2, ""), (exit, output));
        Assert.Equal("timing plan: --from '18-03-2026' is not a valid date; expected YYYY-MM-DD, e.g. 2026-03-18.", error.TrimEnd());
    }

    [Fact]
    public async Task Timing_CheckConfig_ExitsWith1OnABrokenFile()
    {
        var dir = CheckConfigCommandTests.CopyConfig(c => c["moments"]![0]!["phase"] = "nowhere");
        var (exit, _, error) = await ProcessRunner.RunAsync(["check-config", "--config-dir", dir]);
        Assert.Equal(1, exit);
        Assert.Contains("moment 'party-preparation', field 'phase': 'nowhere' is not one of the phases", error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }
}
