using System.Text.Json.Nodes;

namespace Timing.Tests.Cli;

public class CheckConfigCommandTests
{
    [Fact]
    public void CheckConfig_ShippedConfig_IsOk()
    {
        var (exit, output, error) = CliRunner.Run("check-config", "--config-dir", TestPaths.ConfigDirectory);
        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("57 moments", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConfig_BrokenConfig_ListsEveryProblemWithFileMomentAndField()
    {
        var dir = CopyConfig(cycle =>
        {
            var moments = cycle["moments"]!.AsArray();
            moments[0]!["start"]!["offset"] = "P-18Q";
            moments[1]!["start"]!["from"] = "verkiezing";
            moments[2]!["name"]!.AsObject().Remove("nl");
        });
        var (exit, output, error) = CliRunner.Run("check-config", "--config-dir", dir);
        Assert.Equal((1, ""), (exit, output));
        var cycleFile = Path.Combine(dir, "cycle.json");
        Assert.Contains($"{cycleFile}: moment 'party-preparation', field 'start.offset': 'P-18Q' is not an ISO-8601 period", error, StringComparison.Ordinal);
        Assert.Contains($"{cycleFile}: moment 'programme-input', field 'start.from': 'verkiezing' is not a moment kind to derive from.", error, StringComparison.Ordinal);
        Assert.Contains($"{cycleFile}: moment 'lead-candidates', field 'name.nl': is missing.", error, StringComparison.Ordinal);
        Assert.Contains("3 problem(s)", error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void CheckConfig_WrongTypedValues_AreProblemsNotACrash()
    {
        var dir = CopyConfig(cycle =>
        {
            var moments = cycle["moments"]!.AsArray();
            moments[0]!["kind"] = 7;
            moments[1]!["start"] = new JsonArray();
            moments[2]!["end"]!["offset"] = "P-999999999Y";
        });
        var (exit, output, error) = CliRunner.Run("check-config", "--config-dir", dir);
        Assert.Equal((1, ""), (exit, output));
        var cycleFile = Path.Combine(dir, "cycle.json");
        Assert.Contains($"{cycleFile}: moment #1, field 'kind': must be a text, not a number.", error, StringComparison.Ordinal);
        Assert.Contains($"{cycleFile}: moment 'programme-input', field 'start': must be an object", error, StringComparison.Ordinal);
        Assert.Contains($"{cycleFile}: moment 'lead-candidates', field 'end.offset': 'P-999999999Y' is out of range", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void CheckConfig_MissingFolder_SaysWhatToSet()
    {
        var (exit, _, error) = CliRunner.Run("check-config", "--config-dir", "/nonexistent/timing-config");
        Assert.Equal(1, exit);
        Assert.Contains("/nonexistent/timing-config/cycle.json: the file: cannot be read", error, StringComparison.Ordinal);
        Assert.Contains("set Timing:ConfigDirectory (or --config-dir)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConfig_UsesTheConfigDirectorySetting()
    {
        var (exit, _, _) = CliRunner.Run(new Dictionary<string, string?> { ["Timing:ConfigDirectory"] = "/nonexistent/x" }, "check-config");
        Assert.Equal(1, exit);
    }

    internal static string CopyConfig(Action<JsonNode> change)
    {
        var dir = TestPaths.NewScratchDirectory();
        var cycle = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.ConfigDirectory, "cycle.json")))!;
        change(cycle);
        File.WriteAllText(Path.Combine(dir, "cycle.json"), cycle.ToJsonString());
        File.Copy(Path.Combine(TestPaths.ConfigDirectory, "elections.json"), Path.Combine(dir, "elections.json"));
        return dir;
    }
}
