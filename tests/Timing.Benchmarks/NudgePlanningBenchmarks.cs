using BenchmarkDotNet.Attributes;
using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Benchmarks;

/// <summary>
/// Nudge planning for 10,000 people who each follow 3 of the 342 municipalities, over a year: the timelines
/// of the followed municipalities and the planner's walk over people, moments and lead times.
/// Target: under 1 s.
/// </summary>
[MemoryDiagnoser]
public class NudgePlanningBenchmarks
{
    private CyclePlanner _planner = null!;
    private MunicipalityProfile[] _profiles = null!;
    private Recipient[] _people = null!;
    private readonly LocalDate _today = new(2026, 1, 5);

    [GlobalSetup]
    public void Setup()
    {
        _planner = new CyclePlanner(BenchmarkRules.Load());
        _profiles = Enumerable.Range(1, 342).Select(i => new MunicipalityProfile(Municipality.Unnamed(MunicipalityCode.Parse($"GM{i:0000}")))).ToArray();
        var random = new Random(42);
        string[][] audiences = [[], ["parties"], ["finance", "councillors"], ["negotiators", "college", "civil-servants"]];
        _people = Enumerable.Range(1, 10_000).Select(i => new Recipient(i,
            Enumerable.Range(0, 3).Select(_ => _profiles[random.Next(_profiles.Length)].Code).ToHashSet(),
            audiences[i % audiences.Length].ToHashSet(StringComparer.Ordinal),
            i % 5 == 0 ? Language.En : Language.Nl,
            NudgeMode.Each)).ToArray();
    }

    [Benchmark]
    public int Plan10000PeopleOverAYear()
    {
        var range = new DateInterval(_today, _today.PlusDays(430));
        var timelines = _profiles.Select(p => _planner.Plan(p, range)).ToArray();
        return NudgePlanner.Plan(timelines, _people, _today, horizonDays: 365).Count;
    }
}
