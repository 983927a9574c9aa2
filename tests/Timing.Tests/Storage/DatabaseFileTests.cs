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
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}"), Timeout = TimeSpan.FromSeconds(60) };
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
            var blocked = await http.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, blocked.StatusCode);
            Assert.Equal("unhealthy: database", await blocked.Content.ReadAsStringAsync());
            await using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        // The log names the database and the setting, so the operator knows where to look.
        Assert.Contains($"{file} (Storage:SqlitePath)", Read(Path.Combine(dir, $"service-{service.Port}.log")), StringComparison.Ordinal);
    }

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
