using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Timing.Tests.Worker;

namespace Timing.Tests.Storage;

/// <summary>The SQLite file is private, its health is reported, and a new empty database is announced.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
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
    public async Task Health_IsUnhealthy_WhileTheDatabaseCannotBeWritten()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        var files = Directory.GetFiles(Path.GetDirectoryName(factory.DatabasePath)!, "timing.db*");
        try
        {
            ReadOnly(files, true);
            SqliteConnection.ClearAllPools();
            var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("unhealthy: database", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            ReadOnly(files, false);
            SqliteConnection.ClearAllPools();
        }
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    /// <summary>Takes write access away, also from root (which ignores file modes): the immutable attribute.</summary>
    private static void ReadOnly(string[] files, bool on)
    {
        foreach (var file in files)
        {
            File.SetUnixFileMode(file, on ? UnixFileMode.UserRead : OwnerOnly);
            if (Environment.UserName == "root")
            {
                using var chattr = Process.Start("chattr", [on ? "+i" : "-i", file]);
                chattr.WaitForExit();
                Assert.True(chattr.ExitCode == 0, "chattr failed: the root user needs a file system with the immutable attribute (ext4, xfs) for this test.");
            }
        }
    }

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
