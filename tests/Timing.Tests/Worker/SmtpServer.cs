using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Timing.Tests.Worker;

/// <summary>
/// A real SMTP server process: Debian's python3-aiosmtpd with its Maildir handler, on a free loopback port.
/// Tests read what arrived as files, and can stop and start the server to play an outage. The scripted server
/// (scripted_smtp.py beside this file) answers by recipient instead: refusals, delays and a cut connection.
/// A server that was never started plays a host where nothing listens.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private Process? _process;
    private readonly bool _scripted;
    private readonly int? _maxConnections;

    /// <param name="maxConnections">Scripted server only: greet a connection beyond this many open at once with 421.</param>
    public SmtpServer(bool scripted = false, int? maxConnections = null)
    {
        _scripted = scripted || maxConnections is not null;
        _maxConnections = maxConnections;
        Port = TestPaths.FreePort();
        MailDir = Path.Combine(TestPaths.NewScratchDirectory(), "maildir");
    }

    public int Port { get; }

    public string MailDir { get; }

    public Dictionary<string, string?> Settings => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "Timing <timing@timing.test>",
    };

    public static async Task<SmtpServer> StartNewAsync(bool scripted = false, int? maxConnections = null)
    {
        var server = new SmtpServer(scripted, maxConnections);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        Assert.True(File.Exists("/usr/bin/python3") && await HasAiosmtpd(), "python3-aiosmtpd is missing: run `apt-get install python3-aiosmtpd` (bash .ci/prerequisites does this).");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var script = Path.Combine(TestPaths.RepositoryRoot, "tests", "Timing.Tests", "Worker", "scripted_smtp.py");
        List<string> args = _scripted
            ? [script, "127.0.0.1", port, MailDir]
            : ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDir];
        if (_maxConnections is { } most)
        {
            args.Add(most.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        args.ForEach(start.ArgumentList.Add);
        _process = Process.Start(start)!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail($"aiosmtpd did not listen on port {Port}: {await _process.StandardError.ReadToEndAsync()}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process = null;
    }

    /// <summary>Every message that arrived, oldest first.</summary>
    public MimeMessage[] Messages()
    {
        var folder = Path.Combine(MailDir, "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(f => (File: f, Message: MimeMessage.Load(f))).OrderBy(x => File.GetLastWriteTimeUtc(x.File)).Select(x => x.Message).ToArray()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        var root = Path.GetDirectoryName(MailDir)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<bool> HasAiosmtpd()
    {
        using var check = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        await check.WaitForExitAsync();
        return check.ExitCode == 0;
    }
}
