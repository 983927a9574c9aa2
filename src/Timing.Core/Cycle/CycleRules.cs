using Timing.Core.Elections;

namespace Timing.Core.Cycle;

/// <summary>The validated contents of config/cycle.json and config/elections.json.</summary>
public sealed class CycleRules
{
    private readonly Dictionary<string, MomentDefinition> _byKind;
    private readonly Dictionary<string, PhaseDefinition> _phases;
    private readonly Dictionary<(int Year, string Region), DateInterval> _summerHolidays;
    private readonly Dictionary<MunicipalityCode, string> _schoolRegions;
    private readonly Dictionary<string, AudienceDefinition> _audiences;

    public CycleRules(
        IReadOnlyList<PhaseDefinition> phases,
        IReadOnlyList<AudienceDefinition> audiences,
        IReadOnlyList<MomentDefinition> moments,
        ElectionCalendar elections,
        IReadOnlyList<SchoolRegionDefinition> schoolRegions,
        IReadOnlyDictionary<(int Year, string Region), DateInterval> summerHolidays,
        IReadOnlyDictionary<MunicipalityCode, string> regionOf)
    {
        _schoolRegions = new Dictionary<MunicipalityCode, string>(regionOf);
        _audiences = audiences.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Audiences = audiences;
        SchoolRegions = schoolRegions;
        Phases = phases;
        Moments = moments;
        Elections = elections;
        _byKind = moments.ToDictionary(m => m.Kind, StringComparer.Ordinal);
        _phases = phases.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _summerHolidays = new Dictionary<(int, string), DateInterval>(summerHolidays);
        ElectionMoments = moments.Where(m => !m.IsYearly && !m.IsArena && !m.IsEntered).ToArray();
        ArenaMoments = moments.Where(m => m.IsArena).ToArray();
        YearlyMoments = moments.Where(m => m.IsYearly).ToArray();
    }

    public IReadOnlyList<PhaseDefinition> Phases { get; }

    /// <summary>The groups a user can approach, in the order of the configuration file.</summary>
    public IReadOnlyList<AudienceDefinition> Audiences { get; }

    /// <summary>The school summer holiday regions, in the order of the configuration file.</summary>
    public IReadOnlyList<SchoolRegionDefinition> SchoolRegions { get; }

    /// <summary>Whether <paramref name="id"/> is an audience the configuration defines.</summary>
    public bool IsAudience(string id) => _audiences.ContainsKey(id);

    /// <summary>The audience as users read it, e.g. "raadsleden" / "councillors"; an id config no longer has stays as it is.</summary>
    public string AudienceName(string id, Language language) => _audiences.TryGetValue(id, out var audience) ? audience.Name.In(language) : id;

    /// <summary>The region with <paramref name="id"/>, or null when the configuration has none.</summary>
    public SchoolRegionDefinition? SchoolRegion(string id) => SchoolRegions.FirstOrDefault(r => r.Id == id);

    /// <summary>Every moment kind, in the order of the configuration file.</summary>
    public IReadOnlyList<MomentDefinition> Moments { get; }

    /// <summary>Moments that occur once per election cycle.</summary>
    public IReadOnlyList<MomentDefinition> ElectionMoments { get; }

    /// <summary>Moments that occur every calendar year.</summary>
    public IReadOnlyList<MomentDefinition> YearlyMoments { get; }

    /// <summary>Moments of other arenas: provincial and water-board elections, national and European elections.</summary>
    public IReadOnlyList<MomentDefinition> ArenaMoments { get; }

    public ElectionCalendar Elections { get; }

    /// <summary>The definition of <paramref name="kind"/>, or null when the configuration has none.</summary>
    public MomentDefinition? Find(string kind) => _byKind.GetValueOrDefault(kind);

    public MomentDefinition Moment(string kind) =>
        _byKind.TryGetValue(kind, out var definition)
            ? definition
            : throw new KeyNotFoundException($"No moment kind '{kind}' in the cycle configuration.");

    public PhaseDefinition Phase(string id) =>
        _phases.TryGetValue(id, out var phase)
            ? phase
            : throw new KeyNotFoundException($"No phase '{id}' in the cycle configuration.");

    /// <summary>The last year for which config lists the school summer holiday of <paramref name="region"/> (0 when none).</summary>
    public int LastSchoolHolidayYear(string region) =>
        _summerHolidays.Keys.Where(k => k.Region == region).Select(k => k.Year).DefaultIfEmpty(0).Max();

    /// <summary>The school summer holiday of a region in a year, when config lists it.</summary>
    public DateInterval? SummerHoliday(int year, string region) =>
        _summerHolidays.TryGetValue((year, region), out var dates) ? dates : null;

    /// <summary>The school holiday region the municipality is in by the public division, when config lists it.</summary>
    public string? SchoolRegionOf(MunicipalityCode code) => _schoolRegions.GetValueOrDefault(code);
}
