using Timing.Tests.Cli;

namespace Timing.Tests.Meetings;

/// <summary>
/// <c>dotnet run --project src/Timing -- meetings import … FILE</c> runs the program in the project's folder; a relative
/// FILE is still found in the folder the command was typed in (the shell's PWD). Changes the process's environment, so alone.
/// </summary>
[Collection(AloneCollection.Name)]
public class TypedInFolderTests
{
    [Fact]
    public void RelativeCalendarFile_IsFoundInTheFolderTheCommandWasTypedIn()
    {
        var typedIn = TestPaths.NewScratchDirectory();
        File.Copy(Recorded.CouncilIcs, Path.Combine(typedIn, "council.ics"));
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db") };
        var before = Environment.GetEnvironmentVariable("PWD");
        try
        {
            Environment.SetEnvironmentVariable("PWD", typedIn);
            var import = CliRunner.Run(settings, "meetings", "import", "--municipality", "GM0344", "council.ics");
            Assert.Equal((0, ""), (import.Exit, import.Error));
            Assert.Contains("11 vergaderingen gelezen", import.Output, StringComparison.Ordinal);
            var source = CliRunner.Run(settings, "meetings", "source", "--municipality", "GM0344", "--ical", "council.ics");
            Assert.Contains(Path.Combine(typedIn, "council.ics"), source.Output, StringComparison.Ordinal);

            var missing = CliRunner.Run(settings, "meetings", "import", "--municipality", "GM0344", "missing.ics");
            Assert.Equal(2, missing.Exit);
            Assert.Contains($"'missing.ics' is neither an http(s) address nor an existing file (looked in {Environment.CurrentDirectory})", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PWD", before);
        }
    }
}
