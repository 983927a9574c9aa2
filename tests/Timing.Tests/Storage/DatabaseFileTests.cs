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

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
