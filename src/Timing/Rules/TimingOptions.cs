namespace Timing.Rules;

/// <summary>Settings under "Timing" that say where the rules and the municipality list live.</summary>
public sealed class TimingOptions
{
    public const string Section = "Timing";

    /// <summary>Folder with cycle.json and elections.json. Default: the config folder shipped beside the program.</summary>
    public string? ConfigDirectory { get; set; }

    /// <summary>Optional CBS municipality list (CSV code,name or the CBS/PDOK GeoJSON) that supplies names.</summary>
    public string? MunicipalitiesFile { get; set; }

    public string ResolvedConfigDirectory =>
        string.IsNullOrWhiteSpace(ConfigDirectory) ? Path.Combine(AppContext.BaseDirectory, "config") : ConfigDirectory;
}
