namespace Timing.Rules;

/// <summary>Settings under "Timing" that say where the rules and the municipality list live.</summary>
public sealed class TimingOptions
{
    public const string Section = "Timing";

    /// <summary>The CBS list of 2026 shipped in the config folder beside the program.</summary>
    public static string ShippedMunicipalitiesFile => Path.Combine(AppContext.BaseDirectory, "config", "gemeenten-2026.csv");

    /// <summary>Folder with cycle.json and elections.json. Default: the config folder shipped beside the program.</summary>
    public string? ConfigDirectory { get; set; }

    /// <summary>CBS municipality list (CSV code,name or the CBS/PDOK GeoJSON) that supplies names. Default: the shipped list of 2026.</summary>
    public string? MunicipalitiesFile { get; set; }

    public string ResolvedConfigDirectory =>
        string.IsNullOrWhiteSpace(ConfigDirectory) ? Path.Combine(AppContext.BaseDirectory, "config") : ConfigDirectory;

    public string ResolvedMunicipalitiesFile => ResolveMunicipalitiesFile(MunicipalitiesFile);

    /// <summary>The given list file, or the shipped list when none is given.</summary>
    public static string ResolveMunicipalitiesFile(string? path) =>
        string.IsNullOrWhiteSpace(path) ? ShippedMunicipalitiesFile : path;
}
