using Timing.Core.Cycle;
using System.Text.Json;

namespace Timing.Tests.Cli;

public class PlanCommandTests
{
    private static readonly string[] Utrecht2025To2031 =
        ["plan", "--municipality", "GM0344", "--from", "2025-01-01", "--to", "2031-12-31", "--format", "json"];

    [Fact]
    public void Plan_Json_FollowsTheContract()
    {
        var (exit, output, error) = CliRunner.Run([.. Utrecht2025To2031, "--municipalities-file", TestPaths.MunicipalitiesCsv]);
        Assert.Equal((0, ""), (exit, error));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("GM0344", root.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal("Utrecht", root.GetProperty("municipality").GetProperty("name").GetString());
        Assert.Equal(("2025-01-01", "2031-12-31"), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));

        var moments = root.GetProperty("moments").EnumerateArray().ToArray();
        var election = moments.Single(m => m.GetProperty("key").GetString() == "GM0344/election/2026");
        Assert.Equal(
            """{"key":"GM0344/election/2026","kind":"election","cycle":2026,"start":"2026-03-18","end":"2026-03-18","basis":"law","estimate":null,"audiences":["parties","candidates"],"title":"Gemeenteraadsverkiezingen"}""",
            election.GetRawText());

        // Date order, inclusive ends, every moment overlapping the range.
        var starts = moments.Select(m => m.GetProperty("start").GetString()!).ToArray();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.All(moments, m => Assert.True(
            string.CompareOrdinal(m.GetProperty("end").GetString(), "2025-01-01") >= 0
            && string.CompareOrdinal(m.GetProperty("start").GetString(), "2031-12-31") <= 0));
        Assert.All(moments, m => Assert.Contains(m.GetProperty("basis").GetString(), new[] { "law", "typical", "estimate", "actual", "local" }));
    }

    [Fact]
    public void Plan_ShowsOtherArenas_UnlessOnlyTheMunicipalCycleIsAsked()
    {
        string[] utrecht2026To2031 = ["plan", "--municipality", "GM0344", "--from", "2026-01-01", "--to", "2031-12-31", "--format", "json"];
        var moments = Moments(CliRunner.Run(utrecht2026To2031).Output);
        string? Start(string kind, int cycle) => moments
            .SingleOrDefault(m => m.GetProperty("kind").GetString() == kind && m.GetProperty("cycle").GetInt32() == cycle)
            .GetProperty("start").GetString();
        // Provinciale Staten and waterschappen: 17 March 2027 and 19 March 2031, installed 31 March 2027 and 2 April 2031.
        Assert.Equal(("2027-03-17", "2027-03-17", "2027-03-31"), (Start("provincial-election", 2027), Start("water-board-election", 2027), Start("provincial-installation", 2027)));
        Assert.Equal(("2031-03-19", "2031-04-02"), (Start("provincial-election", 2031), Start("provincial-installation", 2031)));
        Assert.NotNull(Start("european-election", 2029));

        var municipal = Moments(CliRunner.Run([.. utrecht2026To2031, "--arena", "municipal"]).Output);
        Assert.DoesNotContain(municipal, m => TestPaths.Rules.Moment(m.GetProperty("kind").GetString()!).IsArena);
        Assert.Contains(municipal, m => m.GetProperty("kind").GetString() == "election");
    }

    [Theory]
    // cycle.md §2: the 2026 dates, exactly.
    [InlineData("registration-deadline", "2025-12-22", "2025-12-22")]
    [InlineData("support-declarations", "2026-01-19", "2026-02-02")]
    [InlineData("nomination", "2026-02-02", "2026-02-02")]
    [InlineData("lists-final", "2026-02-06", "2026-02-06")]
    [InlineData("election", "2026-03-18", "2026-03-18")]
    [InlineData("result", "2026-03-26", "2026-03-26")]
    [InlineData("installation", "2026-04-01", "2026-04-01")]
    public void Plan_Json_ShowsThe2026Dates(string kind, string start, string end)
    {
        var moment = Moments(CliRunner.Run(Utrecht2025To2031).Output).Single(m => m.GetProperty("key").GetString() == $"GM0344/{kind}/2026");
        Assert.Equal((start, end), (moment.GetProperty("start").GetString(), moment.GetProperty("end").GetString()));
    }

    [Fact]
    public void Plan_Json_EstimateCarriesItsRange()
    {
        var agreement = Moments(CliRunner.Run(Utrecht2025To2031).Output).Single(m => m.GetProperty("kind").GetString() == "coalition-agreement" && m.GetProperty("cycle").GetInt32() == 2026);
        Assert.Equal("estimate", agreement.GetProperty("basis").GetString());
        Assert.Equal("""{"earliest":"2026-04-20","latest":"2026-07-16"}""", agreement.GetProperty("estimate").GetRawText());
    }

    [Fact]
    public void Plan_Actual_ReplacesTheEstimateAndMovesDependants()
    {
        var moments = Moments(CliRunner.Run([.. Utrecht2025To2031, "--actual", "coalition-agreement=2026-06-10", "--actual", "college-appointed=2026-06-12"]).Output);
        var agreement = moments.Single(m => m.GetProperty("key").GetString() == "GM0344/coalition-agreement/2026");
        Assert.Equal(("2026-06-10", "actual", JsonValueKind.Null),
            (agreement.GetProperty("start").GetString(), agreement.GetProperty("basis").GetString(), agreement.GetProperty("estimate").ValueKind));
        var programme = moments.Single(m => m.GetProperty("key").GetString() == "GM0344/college-programme/2026");
        // 13 June 2026 is a Saturday: the window opens Monday 15 June.
        Assert.Equal(("2026-06-15", "typical"), (programme.GetProperty("start").GetString(), programme.GetProperty("basis").GetString()));
    }

    [Fact]
    public void Plan_MergerDate_AddsANovemberElectionAndSkipsTheRegularOne()
    {
        var elections = Moments(CliRunner.Run([.. Utrecht2025To2031, "--merger-date", "2027-01-01"]).Output)
            .Where(m => m.GetProperty("kind").GetString() == "election")
            .Select(m => m.GetProperty("start").GetString()!)
            .ToArray();
        Assert.Equal(["2026-11-18", "2030-03-20"], elections);
    }

    [Fact]
    public void Plan_Table_IsAlignedAndDutchByDefault()
    {
        var (exit, output, _) = CliRunner.Run("plan", "--municipality", "GM0344", "--from", "2026-03-01", "--to", "2026-04-30",
            "--municipalities-file", TestPaths.MunicipalitiesCsv);
        Assert.Equal(0, exit);
        var lines = output.Split(Environment.NewLine);
        Assert.Equal("Gemeente Utrecht (GM0344) · 1 maart 2026 t/m 30 april 2026", lines[0]);
        Assert.StartsWith("Begin ", lines[2], StringComparison.Ordinal);
        var election = Assert.Single(lines, l => l.Contains("Gemeenteraadsverkiezingen", StringComparison.Ordinal));
        Assert.StartsWith("wo 18 mrt 2026", election, StringComparison.Ordinal);
        // Columns line up: the title column starts at the same place on every row.
        var column = lines[2].IndexOf("Moment", StringComparison.Ordinal);
        Assert.Equal(column, election.IndexOf("Gemeenteraadsverkiezingen", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_2030_ShowsTheRegularTweedeKamerElectionInMay_FromTheKieswet()
    {
        // Derived from the 2025 result (7 November 2025): Kieswet C 2 gives spring 2030, C 3 moves it to May because
        // 2030 has council elections; election day is Wednesday 15 May, inside the local formation.
        var (exit, output, _) = CliRunner.Run("plan", "--municipality", "GM0344", "--from", "2030-01-01", "--to", "2030-12-31");
        Assert.Equal(0, exit);
        var national = Assert.Single(output.Split(Environment.NewLine), l => l.Contains("Tweede Kamerverkiezing", StringComparison.Ordinal));
        Assert.StartsWith("wo 15 mei 2030", national, StringComparison.Ordinal);
        Assert.EndsWith(" wet", national.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TableInEnglish_UsesEnglishTitlesAndDates()
    {
        var (_, output, _) = CliRunner.Run("plan", "--municipality", "GM0344", "--from", "2026-03-18", "--to", "2026-03-18", "--lang", "en");
        Assert.Contains("Wed 18 Mar 2026", output, StringComparison.Ordinal);
        Assert.Contains("Municipal council elections", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WithoutList_NamesFromTheShippedCbsList()
    {
        using var json = JsonDocument.Parse(CliRunner.Run(Utrecht2025To2031).Output);
        Assert.Equal("Utrecht", json.RootElement.GetProperty("municipality").GetProperty("name").GetString());
    }

    [Fact]
    public void Plan_CodeNotInTheList_ShowsTheCodeAsName()
    {
        var file = Path.Combine(TestPaths.NewScratchDirectory(), "list.csv");
        File.WriteAllText(file, "code,name\nGM0363,Amsterdam\n");
        using var json = JsonDocument.Parse(CliRunner.Run([.. Utrecht2025To2031, "--municipalities-file", file]).Output);
        Assert.Equal("GM0344", json.RootElement.GetProperty("municipality").GetProperty("name").GetString());
    }

    [Fact]
    public void Plan_WithoutDates_StartsTodayInAmsterdam()
    {
        using var json = JsonDocument.Parse(CliRunner.Run("plan", "--municipality", "GM0344", "--format", "json").Output);
        Assert.Equal(("2026-11-22", "2028-11-22"), (json.RootElement.GetProperty("from").GetString(), json.RootElement.GetProperty("to").GetString()));
    }

    [Theory]
    [InlineData("timing plan: --municipality 'GM34' is not a municipality code; expected GM followed by four digits, e.g. GM0344.",
        "plan", "--municipality", "GM34")]
    [InlineData("timing plan: --from '2026-13-01' is not a valid date; expected YYYY-MM-DD, e.g. 2026-03-18.",
        "plan", "--municipality", "GM0344", "--from", "2026-13-01")]
    [InlineData("timing plan: --to 2025-01-01 is before --from 2026-01-01; expected --to on or after --from.",
        "plan", "--municipality", "GM0344", "--from", "2026-01-01", "--to", "2025-01-01")]
    [InlineData("timing plan: --lang 'de' is not supported; expected nl or en.",
        "plan", "--municipality", "GM0344", "--lang", "de")]
    public void Plan_BadInput_OneLineOnStderrAndExitCode2(string expected, params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.Equal((2, "", expected), (exit, output, error.TrimEnd()));
    }

    [Fact]
    public void Plan_UnknownKindInActual_NamesTheKindAndTheForm()
    {
        var (exit, _, error) = CliRunner.Run("plan", "--municipality", "GM0344", "--actual", "coalition=2026-06-10");
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("timing plan: --actual names unknown moment kind 'coalition'; expected KIND=YYYY-MM-DD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownOption_NamesItAndShowsTheUsage()
    {
        var (exit, _, error) = CliRunner.Run("plan", "--municipality", "GM0344", "--colour", "red");
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        // The usage line names --municipality in every case; the message before it must name the wrong option.
        Assert.StartsWith("timing plan: Unrecognized command or argument '--colour'; expected: timing plan --municipality GM0344 [", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MissingMunicipality_SaysItIsRequired()
    {
        var (exit, _, error) = CliRunner.Run("plan", "--from", "2026-01-01");
        Assert.Equal(2, exit);
        // Not just Contains("--municipality"): the usage line that follows always holds it.
        Assert.StartsWith("timing plan: Option '--municipality' is required; expected: timing plan --municipality GM0344 [", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BrokenMunicipalityList_IsReportedWithItsPath()
    {
        var dir = TestPaths.NewScratchDirectory();
        var file = Path.Combine(dir, "list.csv");
        File.WriteAllText(file, "code,name\nGM0344,Utrecht\nXX12,Nowhere\n");
        var (exit, _, error) = CliRunner.Run("plan", "--municipality", "GM0344", "--municipalities-file", file);
        Assert.Equal(1, exit);
        Assert.Contains($"{file}: line 3: 'XX12' is not a municipality code", error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    private static JsonElement[] Moments(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("moments").EnumerateArray().Select(m => m.Clone()).ToArray();
    }
}
