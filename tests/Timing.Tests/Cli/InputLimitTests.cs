namespace Timing.Tests.Cli;

/// <summary>Free text and numbers on the command line: the same limits as the pages, refused in one line before anything is stored.</summary>
public class InputLimitTests
{
    [Theory]
    [InlineData("--organisation", "Welzijn\u001B[31m", "--organisation bevat het stuurteken U+001B; alleen gewone tekst op één regel / --organisation contains the control character U+001B; expected plain text on one line.")]
    [InlineData("--name", "Directeur\u0007", "--name bevat het stuurteken U+0007; alleen gewone tekst op één regel / --name contains the control character U+0007; expected plain text on one line.")]
    [InlineData("--name", "1000", "--name heeft 1000 tekens, hoogstens 200 / --name has 1000 characters; at most 200 are allowed.")]
    [InlineData("--organisation", "   ", "--organisation is leeg; vul een naam in / --organisation is empty; expected a name.")]
    public void AddDirector_NameOutsideTheLimits_IsRefusedAndNothingIsStored(string option, string value, string message)
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        var text = value == "1000" ? new string('a', 1000) : value;
        string[] args = option == "--organisation"
            ? ["add-director", "--email", "d@welzijn.nl", "--organisation", text]
            : ["add-director", "--email", "d@welzijn.nl", "--organisation", "Welzijn", option, text];
        var (exit, output, error) = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = database }, args);
        Assert.Equal((2, "", $"timing add-director: {message}"), (exit, output, error.TrimEnd()));
        Assert.False(File.Exists(database), "the database is not even opened");
        Directory.Delete(dir, true);
    }

    [Fact]
    public void AddDirector_NameOfTwoHundredCharacters_IsAccepted()
    {
        var dir = TestPaths.NewScratchDirectory();
        var (exit, _, error) = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db") },
            "add-director", "--email", "d@welzijn.nl", "--organisation", "Welzijn", "--name", new string('a', 200));
        Assert.True(exit == 0, error);
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("x\u001B", "--by bevat het stuurteken U+001B; alleen gewone tekst op één regel / --by contains the control character U+001B; expected plain text on one line.")]
    [InlineData("201", "--by heeft 201 tekens, hoogstens 200 / --by has 201 characters; at most 200 are allowed.")]
    public void FactsRevert_ByOutsideTheLimits_IsRefused(string by, string message)
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        var (exit, output, error) = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = database },
            "facts", "revert", "--municipality", "GM0344", "--kind", "budget-debate", "--cycle", "2026", "--by", by == "201" ? new string('b', 201) : by);
        Assert.Equal((2, "", $"timing facts revert: {message}"), (exit, output, error.TrimEnd()));
        Assert.False(File.Exists(database));
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("+686")]
    public void MeetingsSource_NotubizIdThatIsNotAPositiveNumber_IsRefused(string id)
    {
        var dir = TestPaths.NewScratchDirectory();
        var (exit, output, error) = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db") },
            "meetings", "source", "--municipality", "GM0344", $"--notubiz={id}");
        Assert.Equal((2, "", $"timing meetings source: --notubiz '{id}' is not a Notubiz organisation id; expected a whole number above 0, e.g. 686."),
            (exit, output, error.TrimEnd()));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void MeetingsSource_RemoveWhenNothingIsConnected_SaysNothingChanged()
    {
        var dir = TestPaths.NewScratchDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db") };
        var (exit, output, error) = CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0344", "--remove");
        Assert.Equal((1, "", "GM0344: geen vergaderkalender gekoppeld; er is niets veranderd / no meeting source was connected; nothing changed."),
            (exit, output, error.TrimEnd()));

        Assert.Equal(0, CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0344", "--notubiz", "686").Exit);
        var removed = CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0344", "--remove");
        Assert.Equal(0, removed.Exit);
        Assert.Contains("meeting source removed", removed.Output, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void MunicipalitiesImport_TruncatedGeoJson_SaysLineAndColumnInPlainWords()
    {
        var dir = TestPaths.NewScratchDirectory();
        var file = Path.Combine(dir, "gemeenten.geojson");
        File.WriteAllText(file, "{\"type\":\"FeatureCollection\",");
        var (exit, _, error) = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db") },
            "municipalities", "import", file);
        Assert.Equal((2, $"timing municipalities import: {file}: not valid JSON at line 1, column 28: the text ends before every {{, [ and \" is closed."),
            (exit, error.TrimEnd()));
        Directory.Delete(dir, true);
    }
}
