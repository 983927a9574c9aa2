using System.Net;

namespace Timing.Tests.Cli;

/// <summary>The administrator's commands as a new user runs them: the real program against a real SQLite file.</summary>
public class AdminCommandTests
{
    [Fact]
    public async Task Import_IsIdempotent_AndTheServiceUsesTheImportedNames()
    {
        var dir = TestPaths.NewScratchDirectory();
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") };
        var first = await ProcessRunner.RunAsync(["municipalities", "import", TestPaths.MunicipalitiesCsv], dir, env);
        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("342 added, 0 renamed, 0 unchanged", first.Output, StringComparison.Ordinal);

        var renamed = Path.Combine(dir, "renamed.csv");
        File.WriteAllText(renamed, "code,name\nGM0344,Utrecht (stad)\nGM0363,Amsterdam\n");
        var second = await ProcessRunner.RunAsync(["municipalities", "import", renamed], dir, env);
        Assert.Contains("0 added, 1 renamed, 1 unchanged", second.Output, StringComparison.Ordinal);

        // The service started without a list file still knows the names, from the database.
        await using var factory = new TimingFactory(Path.Combine(dir, "timing.db"), settings: new() { ["Timing:MunicipalitiesFile"] = "" });
        var client = factory.CreateClient();
        Assert.Contains("X-WR-CALNAME:Politieke kalender – Gemeente Utrecht (stad)", await client.GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/feeds/GM9999.ics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Import_BrokenFile_NamesTheLineAndStoresNothing()
    {
        var dir = TestPaths.NewScratchDirectory();
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") };
        var file = Path.Combine(dir, "broken.csv");
        File.WriteAllText(file, "code,name\nGM0344,Utrecht\nGM03,Kapot\n");
        var result = await ProcessRunner.RunAsync(["municipalities", "import", file], dir, env);
        Assert.Equal(2, result.Exit);
        Assert.Equal($"timing municipalities import: {file}: line 3: 'GM03' is not a municipality code (expected GM followed by four digits).", result.Error.Trim());
        var again = await ProcessRunner.RunAsync(["municipalities", "import", TestPaths.MunicipalitiesCsv], dir, env);
        Assert.Contains("342 added", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overlong", "line 3: the name of GM0363 has 81 characters; at most 80 are allowed.")]
    [InlineData("control", "line 3: the name of GM0363 contains the control character U+001B; a name is plain text on one line.")]
    [InlineData("latin1", "line 3 is not valid UTF-8; save the list as UTF-8 (CBS publishes it so).")]
    public async Task Import_BadName_NamesTheLineAndTheReason_AndStoresNothing(string defect, string reason)
    {
        var dir = TestPaths.NewScratchDirectory();
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") };
        var file = Path.Combine(dir, "names.csv");
        var good = System.Text.Encoding.UTF8.GetBytes("code,name\nGM0344,Utrecht (stad)\n");
        var bad = defect switch
        {
            "overlong" => System.Text.Encoding.UTF8.GetBytes("GM0363," + new string('A', 81) + "\n"),
            "control" => System.Text.Encoding.UTF8.GetBytes("GM0363,Amster\u001B[31mdam\n"),
            _ => System.Text.Encoding.Latin1.GetBytes("GM1900,S\u00FAdwest-Frysl\u00E2n\n"),
        };
        await File.WriteAllBytesAsync(file, [.. good, .. bad]);
        var result = await ProcessRunner.RunAsync(["municipalities", "import", file], dir, env);
        Assert.Equal((2, ""), (result.Exit, result.Output));
        Assert.Equal($"timing municipalities import: {file}: {reason}", result.Error.Trim());

        // Nothing was stored, not even the good line before the bad one.
        await using var factory = new TimingFactory(Path.Combine(dir, "timing.db"));
        var feed = await factory.CreateClient().GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative));
        Assert.Contains("X-WR-CALNAME:Politieke kalender – Gemeente Utrecht\r\n", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDirector_CreatesOneAccountPerAddress()
    {
        var dir = TestPaths.NewScratchDirectory();
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") };
        var added = await ProcessRunner.RunAsync(["add-director", "--email", "Directeur@Welzijn.nl", "--organisation", "Welzijn Utrecht"], dir, env);
        Assert.True(added.Exit == 0, added.Error);
        Assert.Contains("directeur@welzijn.nl", added.Output, StringComparison.Ordinal);
        var twice = await ProcessRunner.RunAsync(["add-director", "--email", "directeur@welzijn.nl", "--organisation", "Welzijn Utrecht"], dir, env);
        Assert.Equal((2, "timing add-director: directeur@welzijn.nl heeft al een account bij 'Welzijn Utrecht' / directeur@welzijn.nl already has an account at 'Welzijn Utrecht'."), (twice.Exit, twice.Error.Trim()));
        var bad = await ProcessRunner.RunAsync(["add-director", "--email", "geen-adres", "--organisation", "X"], dir, env);
        Assert.Equal((2, "timing add-director: 'geen-adres' is not an e-mail address (expected name@example.nl)."), (bad.Exit, bad.Error.Trim()));
    }
}
