using System.Diagnostics;

namespace Timing.Tests.Worker;

/// <summary>The real service as its own process, started the way an operator would, and killable with SIGKILL.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    public static async Task<ServiceProcess> StartAsync(string workingDirectory, IDictionary<string, string> settings)
    {
        var port = TestPaths.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ProcessRunner.TimingDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        // The service's log, kept beside its working files for when a test needs to explain itself.
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(workingDirectory, $"service-{port}.log")) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        // Generous: on a busy build machine a cold start of the program can take half a minute.
        var until = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return new ServiceProcess(process, port);
                }
            }
            catch (HttpRequestException)
            {
            }
            Assert.False(process.HasExited, $"the service exited with code {(process.HasExited ? process.ExitCode : 0)}");
            await Task.Delay(250);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"the service did not answer /health within {StartLimit.TotalSeconds} seconds");
    }

    /// <summary>SIGKILL: no shutdown hooks, no cleanup, as a crash or an out-of-memory kill would do.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
