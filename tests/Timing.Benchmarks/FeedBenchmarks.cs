using BenchmarkDotNet.Attributes;
using Timing.Core.Cycle;
using Timing.Feeds;

namespace Timing.Benchmarks;

/// <summary>
/// One municipality's feed over the default horizon (12 months back, 5 years ahead): planning, building the
/// events and writing them with Ical.Net. Target: under 5 ms. The database ledger is left out: it is only
/// touched when data changed, and unchanged feeds are served from memory.
/// </summary>
[MemoryDiagnoser]
public class FeedBenchmarks
{
    private CyclePlanner _planner = null!;
    private FeedEventBuilder _builder = null!;
    private Dictionary<string, FeedStamp> _stamps = null!;
    private readonly MunicipalityProfile _utrecht = new(new Municipality(MunicipalityCode.Parse("GM0344"), "Utrecht"));
    private readonly FeedOptions _options = new();
    private DateInterval _horizon = null!;
    private readonly FeedCalendar _calendar = new("Politieke kalender – Gemeente Utrecht", "Benchmark");

    [GlobalSetup]
    public void Setup()
    {
        var rules = BenchmarkRules.Load();
        _planner = new CyclePlanner(rules);
        _builder = new FeedEventBuilder(rules, _options);
        _horizon = _options.Horizon(new LocalDate(2026, 11, 22));
        var events = _builder.Build([_planner.Plan(_utrecht, _horizon)], FeedFilter.All, Language.Nl, _builder.PublicMomentUrl);
        _stamps = events.ToDictionary(e => e.Uid, _ => new FeedStamp(2, Instant.FromUtc(2026, 11, 22, 9, 0)));
    }

    /// <summary>The part before Ical.Net: planning and building the events with their texts.</summary>
    [Benchmark]
    public int PlanAndBuildEvents() => _builder.Build([_planner.Plan(_utrecht, _horizon)], FeedFilter.All, Language.Nl, _builder.PublicMomentUrl).Count;

    [Benchmark]
    public int RenderMunicipalityFeed()
    {
        var events = _builder.Build([_planner.Plan(_utrecht, _horizon)], FeedFilter.All, Language.Nl, _builder.PublicMomentUrl);
        return IcsWriter.Write(_calendar, events, _stamps).Length;
    }
}
