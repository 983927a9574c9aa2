using Timing.Core.Cycle;

namespace Timing.Core.Tests;

/// <summary>The rule files of the repository, copied beside the tests at build time.</summary>
public static class ShippedRules
{
    private static readonly Lazy<CycleRules> Loaded = new(() =>
    {
        var result = CycleConfigParser.Parse(CycleJson, ElectionsJson);
        return result.Rules ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    });

    public static string CycleJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", CycleConfigParser.CycleFile));

    public static string ElectionsJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", CycleConfigParser.ElectionsFile));

    public static CycleRules Rules => Loaded.Value;

    public static CyclePlanner Planner => new(Rules);

    public static MunicipalityProfile Utrecht => new(new Municipality(MunicipalityCode.Parse("GM0344"), "Utrecht"));

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();
}
