namespace Timing.Tests.Meetings;

/// <summary>The recorded source responses beside these tests.</summary>
public static class Recorded
{
    public static string Path(string file) => System.IO.Path.Combine(TestPaths.RepositoryRoot, "tests", "Timing.Tests", "Meetings", "recorded", file);

    /// <summary>A council's meeting calendar: kadernota debate 24 June 2027, accounts debate 1 July 2027, budget debate 4 and 11 November 2027, and meetings no rule matches.</summary>
    public static string CouncilIcs => Path("council.ics");
}
