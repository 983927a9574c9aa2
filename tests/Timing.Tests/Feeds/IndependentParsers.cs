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

    public static JsonElement Python(byte[] ics, string? contentCoding = null) => Run("/usr/bin/python3", Path.Combine(Tools, "validate_ics.py"), ics, contentCoding,
        "python3-icalendar (and python3-brotli) is missing: install it with `apt-get install python3-icalendar python3-brotli` (bash .ci/prerequisites does this).",
        () => File.Exists("/usr/bin/python3"));

    public static JsonElement IcalJs(byte[] ics, string? contentCoding = null) => Run("node", Path.Combine(Tools, "validate-ics.mjs"), ics, contentCoding,
        "ical.js is missing: run `npm ci --prefix tests/tools` (bash .ci/prerequisites does this).",
        () => Directory.Exists(Path.Combine(Tools, "node_modules", "ical.js")));

    /// <summary>
    /// Both parsers must accept the file and read the same events. With a content coding (gzip, br) the bytes
    /// are a response body as sent, and each parser decodes it with its own platform's library.
    /// </summary>
    public static (JsonElement Python, JsonElement IcalJs) Both(byte[] ics, string? contentCoding = null)
    {
        var python = Python(ics, contentCoding);
        var js = IcalJs(ics, contentCoding);
        var pythonUids = python.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).ToArray();
        var jsUids = js.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("uid").GetString()).ToArray();
        Assert.Equal(pythonUids, jsUids);
        return (python, js);
    }

    private static JsonElement Run(string program, string script, byte[] ics, string? contentCoding, string missing, Func<bool> installed)
    {
        Assert.True(installed(), missing);
        var file = Path.Combine(TestPaths.NewScratchDirectory(), "feed.ics");
        File.WriteAllBytes(file, ics);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        if (contentCoding is not null)
        {
            start.ArgumentList.Add(contentCoding);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start. {missing}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(script)} rejected the feed: {error}");
        Directory.Delete(Path.GetDirectoryName(file)!, true);
        return JsonDocument.Parse(output.Result).RootElement.Clone();
    }
}
