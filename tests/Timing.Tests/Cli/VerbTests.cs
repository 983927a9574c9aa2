namespace Timing.Tests.Cli;

/// <summary>Which words start the service and which are mistakes: the real program in its own process.</summary>
public class VerbTests
{
    private const string VerbList = "expected one of: serve, plan, check-config, migrate, municipalities, add-director, add-operator, meetings, facts, nudges, backup, restore, demo (see timing --help).";

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

    private const string ServiceSettings =
        "expected a verb, or settings such as --urls http://localhost:5001, --environment NAME, --contentRoot DIR, --webroot DIR, --Section:Key=value or --Key=value (see timing --help).";

    [Theory]
    [InlineData("-x")]
    [InlineData("--hlep")]
    [InlineData("--bogus", "--Urls=http://127.0.0.1:0")]
    [InlineData("serve", "--hlep")]
    public async Task UnknownOption_ExitsWith2AndWhatIsAccepted_WithoutStartingTheService(params string[] args)
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(args, timeout: TimeSpan.FromSeconds(45));
        Assert.Equal((2, ""), (exit, output));
        var wrong = args.First(a => a != "serve");
        Assert.Equal($"timing: '{wrong}' is not a setting of the service; {ServiceSettings}", error.TrimEnd());
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:0")]
    [InlineData("--URLS=http://127.0.0.1:0")]
    [InlineData("--Storage:SqlitePath", "x.db", "--environment", "Development")]
    [InlineData("--Storage:SqlitePath=x.db", "--contentRoot", "/tmp", "--webroot", "/tmp")]
    [InlineData("--AllowedHosts=*", "/urls", "http://127.0.0.1:0", "Feeds:CacheSeconds=60")]
    public void Settings_AreAcceptedAsTheServiceArguments(params string[] args) =>
        Assert.Null(Timing.Cli.CommandLine.ServiceArgumentProblem(args));

    [Theory]
    [InlineData("timing: '-x' is not a setting of the service; " + ServiceSettings, "-x")]
    [InlineData("timing: '-x=1' is not a setting of the service; " + ServiceSettings, "-x=1")]
    [InlineData("timing: '--hlep' is not a setting of the service; " + ServiceSettings, "--urls", "http://127.0.0.1:0", "--hlep")]
    [InlineData("timing: 'plan' is not a setting of the service; " + ServiceSettings, "--urls", "http://127.0.0.1:0", "plan")]
    [InlineData("timing: '--urls' needs a value, e.g. --urls VALUE or --urls=VALUE.", "--urls")]
    [InlineData("timing: '--=x' names no setting before '='; " + ServiceSettings, "--=x")]
    public void Mistakes_AreNamed(string expected, params string[] args) =>
        Assert.Equal(expected, Timing.Cli.CommandLine.ServiceArgumentProblem(args));

    [Fact]
    public async Task ServeHelp_DescribesTheServiceWithoutStartingIt()
    {
        var (exit, output, error) = await ProcessRunner.RunAsync(["serve", "--help"], timeout: TimeSpan.FromSeconds(45));
        Assert.True(exit == 0, error);
        Assert.Contains("Start de dienst", output, StringComparison.Ordinal);
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
