using System.Diagnostics;

namespace Timing.Tests;

/// <summary>Runs the real <c>timing</c> program as a separate process, as a user would.</summary>
public static class ProcessRunner
{
    /// <summary>The built program beside the tests (the project reference copies it here).</summary>
    public static string TimingDll => Path.Combine(AppContext.BaseDirectory, "timing.dll");

    public static async Task<(int Exit, string Output, string Error)> RunAsync(IEnumerable<string> args, string? workingDirectory = null,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? Path.GetTempPath() };
        start.ArgumentList.Add(TimingDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await error);
    }
}
