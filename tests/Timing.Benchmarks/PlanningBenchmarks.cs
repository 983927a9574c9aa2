using BenchmarkDotNet.Attributes;
using Timing.Core.Cycle;

namespace Timing.Benchmarks;

/// <summary>
/// Plans every Dutch municipality for 2020–2035, as a worker refreshing all plans would.
/// Target: under 50 ms and under 50 MB allocated for the whole set.
/// </summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private CyclePlanner _planner = null!;
    private MunicipalityProfile[] _profiles = null!;
    private readonly DateInterval _range = new(new LocalDate(2020, 1, 1), new LocalDate(2035, 12, 31));

    [GlobalSetup]
    public void Setup()
    {
        _planner = new CyclePlanner(BenchmarkRules.Load());
        // 342 municipalities, as in 2026; codes are enough: names do not change the work.
        _profiles = Enumerable.Range(1, 342)
            .Select(i => new MunicipalityProfile(Municipality.Unnamed(MunicipalityCode.Parse($"GM{i:0000}"))))
            .ToArray();
    }

    [Benchmark]
    public int PlanAllMunicipalities2020To2035()
    {
        var count = 0;
        foreach (var profile in _profiles)
        {
            count += _planner.Plan(profile, _range).Moments.Count;
        }
        return count;
    }
}
