using Microsoft.Extensions.Configuration;

namespace Timing.Tests.Cli;

/// <summary>
/// Settings of the wrong kind, met through the real program: the service and the verbs name the setting,
/// the value and what is allowed, one line each, exit code 1 and no stack trace.
/// </summary>
public class SettingsTests
{
    [Theory]
    [InlineData("--Worker:ClaimLeaseSeconds=abc", "Worker:ClaimLeaseSeconds is 'abc'; expected a whole number, e.g. 120 (the default).")]
    [InlineData("--Feeds:CacheSeconds=abc", "Feeds:CacheSeconds is 'abc'; expected a whole number, e.g. 900 (the default).")]
    [InlineData("--Mail:Port=abc", "Mail:Port is 'abc'; expected a whole number, e.g. 587 (the default).")]
    [InlineData("--Web:SessionCheckSeconds=abc", "Web:SessionCheckSeconds is 'abc'; expected a whole number, e.g. 5 (the default).")]
    [InlineData("--Meetings:IntervalHours=abc", "Meetings:IntervalHours is 'abc'; expected a whole number, e.g. 6 (the default).")]
    [InlineData("--Meetings:Discovery:RetryHours=abc", "Meetings:Discovery:RetryHours is 'abc'; expected a whole number, e.g. 24 (the default).")]
    [InlineData("--Mail:Security=Bogus", "Mail:Security is 'Bogus'; expected one of StartTls, SslOnConnect, None (default StartTls).")]
    [InlineData("--Storage:Provider=Oracle", "Storage:Provider is 'Oracle'; expected one of Sqlite, PostgreSql (default Sqlite).")]
    [InlineData("--Worker:Enabled=maybe", "Worker:Enabled is 'maybe'; expected true or false, e.g. true (the default).")]
    [InlineData("--Meetings:FetchCron=bogus", "Meetings:FetchCron is 'bogus', which is not a cron expression (it has 1 field); expected five fields (minute hour day-of-month month day-of-week, Amsterdam time), e.g. '17 * * * *' (the default).")]
    [InlineData("--Worker:PlanCron=bogus", "Worker:PlanCron is 'bogus', which is not a cron expression (it has 1 field); expected five fields (minute hour day-of-month month day-of-week, Amsterdam time), e.g. '0 * * * *' (the default).")]
    [InlineData("--Logging:LogLevel:Default=Loud", "Logging:LogLevel:Default is 'Loud'; expected one of Trace, Debug, Information, Warning, Error, Critical, None.")]
    [InlineData("--Web:KnownProxies:0=garbage/99", "Web:KnownProxies must list IP addresses (10.0.0.5) or networks (10.0.0.0/24) of your reverse proxies.")]
    public async Task Service_SettingOfTheWrongKind_NamesTheSettingTheValueAndWhatIsAllowed(string setting, string problem)
    {
        var dir = TestPaths.NewScratchDirectory();
        var (exit, output, error) = await ProcessRunner.RunAsync(["serve", setting, "--urls", "http://127.0.0.1:0", $"--Storage:SqlitePath={Path.Combine(dir, "timing.db")}"], dir,
            timeout: TimeSpan.FromMinutes(2));
        AssertNoStackTrace(output + error);
        Assert.Equal((1, $"Timing cannot start; fix these settings first:\n- {problem}"), (exit, error.TrimEnd().ReplaceLineEndings("\n")));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Service_CronFieldOutOfRange_SaysWhichField()
    {
        var dir = TestPaths.NewScratchDirectory();
        var (exit, _, error) = await ProcessRunner.RunAsync(["--urls", "http://127.0.0.1:0"], dir,
            new Dictionary<string, string> { ["Worker__DispatchCron"] = "61 * * * *", ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") });
        Assert.Equal(1, exit);
        Assert.Contains("- Worker:DispatchCron is '61 * * * *', which is not a cron expression (", error, StringComparison.Ordinal);
        Assert.Contains("Minutes: Value must be a number between 0 and 59", error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("Storage__Provider", "PostgreSql", "timing migrate: Storage:PostgreSqlConnectionString is empty; it is required when Storage:Provider is PostgreSql")]
    [InlineData("Worker__PlanCron", "bogus", "timing migrate: Worker:PlanCron is 'bogus', which is not a cron expression (it has 1 field);")]
    [InlineData("Mail__Port", "abc", "timing migrate: Mail:Port is 'abc'; expected a whole number, e.g. 587 (the default).")]
    public async Task Verb_BadSetting_OneLineAndExitCode1(string variable, string value, string start)
    {
        var dir = TestPaths.NewScratchDirectory();
        var (exit, output, error) = await ProcessRunner.RunAsync(["migrate"], dir,
            new Dictionary<string, string> { [variable] = value, ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") });
        AssertNoStackTrace(output + error);
        Assert.Equal((1, ""), (exit, output));
        Assert.StartsWith(start, Assert.Single(error.TrimEnd().Split('\n')), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "timing.db")), "nothing is done before the settings are right");
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task MeetingsImport_BrokenRuleFiles_OneLinePerProblemLikeCheckConfig()
    {
        var dir = TestPaths.NewScratchDirectory();
        var config = CheckConfigCommandTests.CopyConfig(c =>
        {
            c["phases"]![0]!["colour"] = "red";
            c["moments"]![3]!["audiences"] = new System.Text.Json.Nodes.JsonArray("everyone");
        });
        var calendar = Path.Combine(TestPaths.RepositoryRoot, "tests", "Timing.Tests", "Meetings", "recorded", "council.ics");
        var (exit, output, error) = await ProcessRunner.RunAsync(["meetings", "import", "--municipality", "GM0344", calendar], dir,
            new Dictionary<string, string> { ["Timing__ConfigDirectory"] = config, ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") });
        AssertNoStackTrace(output + error);
        Assert.Equal((1, ""), (exit, output));
        var lines = error.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith($"timing meetings import: {Path.Combine(config, "cycle.json")}: ", l, StringComparison.Ordinal));
        Assert.Contains("field 'colour': 'red' is not a colour", lines[0], StringComparison.Ordinal);
        Assert.Contains("field 'audiences': 'everyone' is not an audience", lines[1], StringComparison.Ordinal);
        Directory.Delete(dir, true);
        Directory.Delete(config, true);
    }

    [Fact]
    public async Task MeetingsImport_MeetingsJsonNotJson_SaysLineAndColumn()
    {
        var dir = TestPaths.NewScratchDirectory();
        var config = CheckConfigCommandTests.CopyConfig(_ => { });
        await File.WriteAllBytesAsync(Path.Combine(config, "meetings.json"), [0xE6, (byte)'x']);
        var calendar = Path.Combine(TestPaths.RepositoryRoot, "tests", "Timing.Tests", "Meetings", "recorded", "council.ics");
        var (exit, output, error) = await ProcessRunner.RunAsync(["meetings", "import", "--municipality", "GM0344", calendar], dir,
            new Dictionary<string, string> { ["Timing__ConfigDirectory"] = config, ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") });
        AssertNoStackTrace(output + error);
        Assert.Equal((1, ""), (exit, output));
        Assert.StartsWith($"timing meetings import: {Path.Combine(config, "meetings.json")}: the file: is not valid JSON at line 1, column 1: ",
            Assert.Single(error.TrimEnd().Split('\n')), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
        Directory.Delete(config, true);
    }

    [Fact]
    public void Check_AcceptsTheShippedExampleSettings()
    {
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "appsettings.example.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Worker:PlanCron"] = "0 8 * * MON-FRI", ["Worker:DispatchCron"] = "*/5 * * * * *" })
            .Build();
        Assert.Empty(Problems(settings));
    }

    [Theory]
    [InlineData("0 * * * *", true)]
    [InlineData("0 8 * * MON-FRI", true)]
    [InlineData("*/5 * * * * *", true)]
    [InlineData("@hourly", true)]
    [InlineData("17 */6 1-15 JAN,JUL *", true)]
    [InlineData("* * *", false)]
    [InlineData("0 25 * * *", false)]
    [InlineData("0 8 * * MAANDAG", false)]
    [InlineData("", false)]
    public void Check_CronExpressions_AsHangfireReadsThem(string cron, bool accepted)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Worker:PlanCron"] = cron }).Build();
        var problems = Problems(settings);
        Assert.Equal(accepted, problems.Count == 0);
        Assert.All(problems, p => Assert.StartsWith($"Worker:PlanCron is '{cron}', which is not a cron expression (", p, StringComparison.Ordinal));
    }

    /// <summary>What the command line checks before a verb runs: the settings of every part a command may use.</summary>
    private static IReadOnlyList<string> Problems(IConfiguration settings) =>
        Timing.Rules.SettingsServiceCollectionExtensions.SettingProblems(Timing.Cli.CliServices.Register(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), settings), settings);

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}
