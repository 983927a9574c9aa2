using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Timing.Tests.Worker;

namespace Timing.Tests.Storage;

/// <summary>The SQLite file is private, its health is reported, and a new empty database is announced.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(Timing.Tests.AloneCollection.Name)]
public class DatabaseFileTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task NewDatabase_IsReadableByItsOwnerOnly_AndTheStartSaysSoOnce()
    {
        var dir = TestPaths.NewScratchDirectory();
        var folder = Path.Combine(dir, "data");
        var file = Path.Combine(folder, "timing.db");
        var settings = new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = file,
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:Enabled"] = "false",
        };
        int first;
        await using (var service = await ServiceProcess.StartAsync(dir, settings))
        {
            first = service.Port;
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
            Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var side in Directory.GetFiles(folder, "timing.db-*"))
            {
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(side));
            }
        }
        int second;
        await using (var service = await ServiceProcess.StartAsync(dir, settings))
        {
            second = service.Port;
        }
        var announced = $"Created a new, empty database at {file} (Storage:SqlitePath).";
        Assert.Single(Read(Path.Combine(dir, $"service-{first}.log")).Split('\n'), l => l.Contains(announced, StringComparison.Ordinal));
        Assert.DoesNotContain("Created a new, empty database", Read(Path.Combine(dir, $"service-{second}.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangfireFileAndEverySideFile_AreOwnerOnly_AlsoWhenAnOlderVersionLeftThemWider()
    {
        var dir = TestPaths.NewScratchDirectory();
        var file = Path.Combine(dir, "timing.db");
        var hangfire = Path.Combine(dir, "timing.hangfire.db");
        // An older version made both files with the process's umask (0644).
        foreach (var made in new[] { file, hangfire })
        {
            File.WriteAllBytes(made, []);
            File.SetUnixFileMode(made, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        var settings = new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = file,
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:HangfireStorage"] = "Sqlite",
            ["Worker:DispatchCron"] = "* * * * *",
        };
        await using (var service = await ServiceProcess.StartAsync(dir, settings))
        {
            // Hangfire registered its jobs and polls, so its file is in use (with its -wal or -journal, if any).
            var databaseFiles = Directory.GetFiles(dir, "timing*.db*");
            Assert.Contains(hangfire, databaseFiles);
            Assert.All(databaseFiles, f => Assert.True(File.GetUnixFileMode(f) == OwnerOnly, $"{Path.GetFileName(f)} has mode {File.GetUnixFileMode(f)}"));
        }
    }

    [Fact]
    public async Task Health_Is503WhileAnotherProcessHoldsTheWriteLock_AndOkAgainAfterwards()
    {
        var dir = TestPaths.NewScratchDirectory();
        var file = Path.Combine(dir, "timing.db");
        var settings = new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = file,
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:Enabled"] = "false",
        };
        await using var service = await ServiceProcess.StartAsync(dir, settings);
        using var http = Client(service);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        // Another process on the machine takes the database's write lock and keeps it, as a stuck writer would.
        await using (var holder = new SqliteConnection($"Data Source={file}"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE;";
                await begin.ExecuteNonQueryAsync();
            }
            // The lock is held far beyond the limit (the database's own busy wait is 30 s): the answer comes at the limit.
            var blocked = await HealthAsync(http);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.Status);
            Assert.Equal(("Unhealthy", "the database took no write within 5 s"), blocked.Parts["database"]);
            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        // The log names the database and the setting, so the operator knows where to look.
        Assert.Contains($"{file} (Storage:SqlitePath)", await LogOnceItSaysAsync(Path.Combine(dir, $"service-{service.Port}.log"), $"{file} (Storage:SqlitePath)"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Is503WhenTheDatabaseFileIsDeleted_WhileConnectionsStillHoldIt()
    {
        var dir = TestPaths.NewScratchDirectory();
        var file = Path.Combine(dir, "timing.db");
        await using var service = await ServiceProcess.StartAsync(dir, Settings(file));
        using var http = Client(service);
        Assert.Equal(("Healthy", "the database takes writes"), (await HealthAsync(http)).Parts["database"]);

        File.Delete(file);

        var gone = await HealthAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.Status);
        Assert.Equal(("Unhealthy", "the database file is gone"), gone.Parts["database"]);
        var expected = $"The database {file} (Storage:SqlitePath) cannot be written: the database file is gone";
        Assert.Contains(expected, await LogOnceItSaysAsync(Path.Combine(dir, $"service-{service.Port}.log"), expected), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Is503OnAFullDisk_ATinyTmpfsFilledToTheLastByte_AndOkOnceThereIsRoomAgain()
    {
        var dir = TestPaths.NewScratchDirectory();
        var mount = Path.Combine(dir, "disk");
        Directory.CreateDirectory(mount);
        var mounted = await RunAsync("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount);
        Assert.True(mounted.ExitCode == 0, $"this test mounts a 16 MB tmpfs and so must run as root (or with CAP_SYS_ADMIN): {mounted.Error}");
        try
        {
            var file = Path.Combine(mount, "timing.db");
            await using (var service = await ServiceProcess.StartAsync(dir, Settings(file)))
            {
                using var http = Client(service);
                Assert.Equal(HttpStatusCode.OK, (await HealthAsync(http)).Status);

                var filler = Path.Combine(mount, "filler");
                Fill(filler);

                var full = await HealthAsync(http);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, full.Status);
                Assert.Equal(("Unhealthy", "the database's disk is full"), full.Parts["database"]);

                File.Delete(filler);
                Assert.Equal(HttpStatusCode.OK, (await HealthAsync(http)).Status);
            }
        }
        finally
        {
            await RunAsync("umount", "-l", mount);
        }
    }

    [Fact]
    public async Task Health_ReportsEachPart_AsJsonThatMonitorsRead()
    {
        var dir = TestPaths.NewScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(dir, Settings(Path.Combine(dir, "timing.db")));
        using var http = Client(service);

        var health = await HealthAsync(http);

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Overall);
        Assert.Equal(["database", "hangfire", "mail", "sources"], health.Parts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Healthy", "every meeting source reads"), health.Parts["sources"]);
    }

    private static Dictionary<string, string> Settings(string file) => new()
    {
        ["Storage:SqlitePath"] = file,
        ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
        ["Worker:Enabled"] = "false",
    };

    // Generous: the service answers at its own limit of 5 s; before, a held lock kept it waiting 30 s.
    private static HttpClient Client(ServiceProcess service) => new() { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}"), Timeout = TimeSpan.FromSeconds(25) };

    private sealed record Health(HttpStatusCode Status, string Overall, Dictionary<string, (string Status, string Description)> Parts);

    private static async Task<Health> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var parts = json.RootElement.GetProperty("entries").EnumerateObject()
            .ToDictionary(p => p.Name, p => (p.Value.GetProperty("status").GetString()!, p.Value.GetProperty("description").GetString()!));
        return new Health(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, parts);
    }

    /// <summary>Writes until the file system refuses another byte.</summary>
    private static void Fill(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
        }
        // The last partial block: byte by byte until nothing fits.
        try
        {
            while (true)
            {
                stream.WriteByte(0);
                stream.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    /// <summary>
    /// The service's console logger writes on its own thread, so a line logged while answering a request can reach
    /// the file just after the answer does: read until the line is there, for at most 10 s.
    /// </summary>
    private static async Task<string> LogOnceItSaysAsync(string path, string line)
    {
        var text = Read(path);
        for (var waited = 0; waited < 10_000 && !text.Contains(line, StringComparison.Ordinal); waited += 100)
        {
            await Task.Delay(100);
            text = Read(path);
        }
        return text;
    }

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
