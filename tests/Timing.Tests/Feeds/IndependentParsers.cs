using System.Diagnostics;
using System.Text.Json;

namespace Timing.Tests.Feeds;

/// <summary>
/// Two iCalendar parsers that share no code with Timing: Debian's python3-icalendar and npm's ical.js.
/// Each returns its reading of the file; a rejection fails the test with the parser's own words.
/// </summary>
public static class IndependentParsers
{
    private static string Tools => Path.Combine(TestPaths.RepositoryRoot, "tests", "tools");

    public static JsonElement Python(byte[] ics) => Run("/usr/bin/python3", Path.Combine(Tools, "validate_ics.py"), ics,
        "python3-icalendar is missing: install it with `apt-get install python3-icalendar` (bash .ci/prerequisites does this).",
        () => File.Exists("/usr/bin/python3"));

    public static JsonElement IcalJs(byte[] ics) => Run("node", Path.Combine(Tools, "validate-ics.mjs"), ics,
        "ical.js is missing: run `npm ci --prefix tests/tools` (bash .ci/prerequisites does this).",
        () => Directory.Exists(Path.Combine(Tools, "node_modules", "ical.js")));

    /// <summary>Both parsers must accept the file and read the same events.</summary>
    public static (JsonElement Python, JsonElement IcalJs) Both(byte[] ics)
    {
        var python = Python(ics);
        var js = IcalJs(ics);
        var pythonUids = python.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).ToArray();
        var jsUids = js.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).ToArray();
        Assert.Equal(pythonUids, jsUids);
        return (python, js);
    }

    private static JsonElement Run(string program, string script, byte[] ics, string missing, Func<bool> installed)
    {
        Assert.True(installed(), missing);
        var file = Path.Combine(TestPaths.NewScratchDirectory(), "feed.ics");
        File.WriteAllBytes(file, ics);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start. {missing}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(script)} rejected the feed: {error}");
        Directory.Delete(Path.GetDirectoryName(file)!, true);
        return JsonDocument.Parse(output.Result).RootElement.Clone();
    }
}
