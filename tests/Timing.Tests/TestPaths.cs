namespace Timing.Tests;

/// <summary>Where the tests find the repository, the shipped data and a scratch folder.</summary>
public static class TestPaths
{
    private static readonly Lazy<Timing.Core.Cycle.CycleRules> ShippedRules = new(() => Timing.Rules.CycleRulesLoader.Load(ConfigDirectory).Rules!);

    /// <summary>The rule files of the repository, read once: the kinds, audiences and regions the tests walk through.</summary>
    public static Timing.Core.Cycle.CycleRules Rules => ShippedRules.Value;

    /// <summary>The folder that holds Timing.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The CBS list of 2026 that the product ships in its config folder.</summary>
    public static string MunicipalitiesCsv => Path.Combine(RepositoryRoot, "config", "gemeenten-2026.csv");

    public static string ConfigDirectory => Path.Combine(RepositoryRoot, "config");

    /// <summary>A fresh folder under the system temp folder, removed by the caller when done.</summary>
    public static string NewScratchDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "timing-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A TCP port on the loopback interface that was free a moment ago.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Timing.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Timing.sln above {AppContext.BaseDirectory}.");
    }
}
