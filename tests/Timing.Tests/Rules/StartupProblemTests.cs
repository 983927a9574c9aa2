using System.Net;
using System.Net.Sockets;

namespace Timing.Tests.Rules;

/// <summary>
/// Start-up problems an operator can fix, met through the real program: one line on standard error that
/// names the problem and what to fix, exit code 1, and no stack trace anywhere.
/// </summary>
public class StartupProblemTests
{
    [Fact]
    public async Task PortInUse_OneLineNamingTheAddressAndTheSetting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (exit, output, error) = await RunServiceAsync(TestPaths.NewScratchDirectory(), $"http://127.0.0.1:{port}");
        AssertOneLine(exit, output, error,
            $"Timing cannot start: http://127.0.0.1:{port} is already in use by another program; set Urls (--urls http://localhost:5001, or the setting Urls) to a free address.");
    }

    [Fact]
    public async Task BrokenSettingsFile_OneLineNamingTheFile()
    {
        var dir = TestPaths.NewScratchDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir, "appsettings.json"), "{ \"Storage\": { \"SqlitePath\": \"x.db\" ");
        var (exit, output, error) = await RunServiceAsync(dir);
        AssertOneLine(exit, output, error, null);
        Assert.StartsWith($"Timing cannot start: the settings file {Path.Combine(dir, "appsettings.json")} is not valid JSON (line ", error, StringComparison.Ordinal);
        Assert.EndsWith("fix it or remove it (appsettings.example.json lists every setting).", error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenCycleJson_NamesTheFileWithoutAStackTrace()
    {
        var dir = TestPaths.NewScratchDirectory();
        var config = Cli.CheckConfigCommandTests.CopyConfig(_ => { });
        await File.WriteAllTextAsync(Path.Combine(config, "cycle.json"), "{ \"phases\": [");
        var (exit, output, error) = await RunServiceAsync(dir, environment: new() { ["Timing__ConfigDirectory"] = config });
        Assert.Equal(1, exit);
        AssertNoStackTrace(output + error);
        Assert.Contains($"- {Path.Combine(config, "cycle.json")}: the file: is not valid JSON at line 1, column ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhaseColourThatIsNotAColour_StopsTheStart()
    {
        var config = Cli.CheckConfigCommandTests.CopyConfig(c => c["phases"]![0]!["colour"] = "#7a4ea3\" onload=\"alert(1)");
        var (exit, output, error) = await RunServiceAsync(TestPaths.NewScratchDirectory(), environment: new() { ["Timing__ConfigDirectory"] = config });
        Assert.Equal(1, exit);
        AssertNoStackTrace(output + error);
        Assert.Contains("field 'colour': '#7a4ea3\" onload=\"alert(1)' is not a colour; expected #rrggbb, e.g. #1d5fa8.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableDatabase_OneLineNamingTheFileAndTheSetting()
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        await File.WriteAllBytesAsync(database, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        var (exit, output, error) = await RunServiceAsync(dir, environment: new() { ["Storage__SqlitePath"] = database });
        AssertOneLine(exit, output, error,
            $"Timing cannot start: the database file {database} cannot be opened or brought up to date (SQLite Error 26: 'file is not a database'); set Storage:SqlitePath to a writable SQLite file (a new one is created if it does not exist).");

        var migrate = await ProcessRunner.RunAsync(["migrate"], dir, new Dictionary<string, string> { ["Storage__SqlitePath"] = database }, TimeSpan.FromMinutes(3));
        Assert.Equal(1, migrate.Exit);
        Assert.Equal($"timing migrate: the database file {database} cannot be opened or brought up to date (SQLite Error 26: 'file is not a database'); set Storage:SqlitePath to a writable SQLite file (a new one is created if it does not exist).",
            Assert.Single(migrate.Error.TrimEnd().Split('\n')));
    }

    [Fact]
    public async Task DatabaseFolderThatCannotBeMade_OneLineNamingTheSetting()
    {
        var dir = TestPaths.NewScratchDirectory();
        var file = Path.Combine(dir, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var database = Path.Combine(file, "timing.db");
        var (exit, output, error) = await RunServiceAsync(dir, environment: new() { ["Storage__SqlitePath"] = database });
        AssertOneLine(exit, output, error, null);
        Assert.StartsWith($"Timing cannot start: the database file {database} cannot be opened or brought up to date (", error, StringComparison.Ordinal);
        Assert.EndsWith("set Storage:SqlitePath to a writable SQLite file (a new one is created if it does not exist).", error.TrimEnd(), StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output, string Error)> RunServiceAsync(string workingDirectory, string url = "http://127.0.0.1:0", Dictionary<string, string>? environment = null)
    {
        environment ??= [];
        environment.TryAdd("Storage__SqlitePath", Path.Combine(workingDirectory, "timing.db"));
        return ProcessRunner.RunAsync(["--urls", url], workingDirectory, environment, TimeSpan.FromMinutes(3));
    }

    private static void AssertOneLine(int exit, string output, string error, string? expected)
    {
        Assert.True(exit == 1, $"exit {exit}; {output}{error}");
        AssertNoStackTrace(output + error);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        if (expected is not null)
        {
            Assert.Equal(expected, line);
        }
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", text, StringComparison.Ordinal);
    }
}
