namespace Timing.Tests.Cli;

/// <summary>Which words start the service and which are mistakes: the real program in its own process.</summary>
public class VerbTests
{
    private const string VerbList = "expected one of: serve, plan, check-config, migrate, municipalities, add-director, add-operator, meetings, facts (see timing --help).";

    [Theory]
    [InlineData("plna")]
    [InlineData("foo", "bar")]
    [InlineData("Plan", "--municipality", "GM0344")]
    public async Task UnknownVerb_ExitsWith2AndTheListOfVerbs_WithoutStartingTheService(params string[] args)
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(args, timeout: TimeSpan.FromSeconds(45));
        Assert.Equal((2, ""), (exit, output));
        Assert.Equal($"timing: '{args[0]}' is not a verb; {VerbList}", error.TrimEnd());
    }

    [Fact]
    public async Task Help_ListsServe()
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(["--help"]);
        Assert.True(exit == 0, error);
        Assert.Matches(@"\n\s+serve\s+Start de dienst", output);
        Assert.Contains("plan", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "9999-01-01")]
    [InlineData("--from", "0000-01-01")]
    [InlineData("--to", "9999-12-31")]
    [InlineData("--actual", "election=9997-03-18")]
    [InlineData("--merger-date", "9999-01-01")]
    public async Task Plan_DateOutsideTheSupportedYears_ExitsWith2AndOneLine(string option, string value)
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(["plan", "--municipality", "GM0344", option, value]);
        Assert.Equal((2, ""), (exit, output));
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("timing plan: ", line, StringComparison.Ordinal);
        Assert.EndsWith("is outside the years Timing plans; expected a date from 1900-01-01 to 2199-12-31.", line, StringComparison.Ordinal);
    }
}
