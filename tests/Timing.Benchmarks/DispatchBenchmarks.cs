using System.Diagnostics;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timing.Cli;
using Timing.Storage;
using Timing.Worker;

namespace Timing.Benchmarks;

/// <summary>
/// Dispatch throughput on one node: 500 due nudges from a SQLite outbox, rendered, claimed, sent over SMTP to a
/// local aiosmtpd (Maildir handler, so every message is really received and written) and marked sent, over one
/// connection and over two. Target: at least 150 messages per second with the default settings. Needs python3-aiosmtpd.
/// With an answer delay the tests' scripted server answers each message that much later, as a distant or busy
/// server does: that is where more connections pay.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 5, invocationCount: 1)]
public class DispatchBenchmarks
{
    public const int Messages = 500;

    /// <summary>Mail:Connections: one connection at a time, and the default of two.</summary>
    [Params(1, 2)]
    public int Connections { get; set; }

    /// <summary>How long the server takes to answer each message, in milliseconds.</summary>
    [Params(0, 20)]
    public int AnswerDelayMs { get; set; }

    private Process? _smtp;
    private ServiceProvider _services = null!;
    private string _folder = "";
    private int _personId;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("timing-bench-").FullName;
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var maildir = Path.Combine(_folder, "maildir");
        _smtp = Process.Start(new ProcessStartInfo("/usr/bin/python3", AnswerDelayMs == 0
            ? ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir]
            : [ScriptedServer(), "127.0.0.1", $"{port}", maildir, "0", $"{AnswerDelayMs}"]))!;
        Thread.Sleep(1500);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_folder, "timing.db"),
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Worker:BatchSize"] = "100",
            ["Mail:Connections"] = Connections.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, SystemClock.Instance, settings);
        _services = CliServices.StartAsync(context, new Dictionary<string, string?>()).GetAwaiter().GetResult();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var person = People.Directors.AddDirectorAsync(db, "bench@org.nl", "Bench", "", Core.Cycle.Language.Nl, SystemClock.Instance.GetCurrentInstant(), CancellationToken.None).GetAwaiter().GetResult();
        db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = person.OrganisationId, Code = "GM0344", Name = "Utrecht" });
        db.SaveChanges();
        _personId = person.Id;
    }

    private int _round;

    /// <summary>The tests' scripted SMTP server, found from the build output up to the repository.</summary>
    private static string ScriptedServer()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "tests", "Timing.Tests", "Worker", "scripted_smtp.py");
            if (File.Exists(script))
            {
                return script;
            }
        }
        throw new FileNotFoundException("tests/Timing.Tests/Worker/scripted_smtp.py was not found above " + AppContext.BaseDirectory);
    }

    [IterationSetup]
    public void Seed()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var due = SystemClock.Instance.GetCurrentInstant() - Duration.FromSeconds(1);
        _round++;
        for (var i = 0; i < Messages; i++)
        {
            db.Nudges.Add(new Nudge { PersonId = _personId, Subject = "GM0344/election/2026", LeadId = "start-P14D", Day = new LocalDate(2000, 1, 1).PlusDays((_round * Messages) + i), Due = due });
        }
        db.SaveChanges();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int Dispatch500()
    {
        using var scope = _services.CreateScope();
        var result = scope.ServiceProvider.GetRequiredService<NudgeDispatcher>().DispatchAsync(CancellationToken.None).GetAwaiter().GetResult();
        return result.Sent + result.Retrying + result.Failed;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // The mail renderer only disposes asynchronously.
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _smtp?.Kill();
        Directory.Delete(_folder, recursive: true);
    }
}
