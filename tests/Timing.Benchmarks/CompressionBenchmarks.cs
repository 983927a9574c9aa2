using BenchmarkDotNet.Attributes;
using Timing.Core.Cycle;
using Timing.Feeds;

namespace Timing.Benchmarks;

/// <summary>
/// What one new feed filter costs to compress, in each encoding a client may ask for. Every distinct filter is
/// a rendering of its own, so an anonymous visitor can make the service compress as often as it asks: brotli
/// must cost about what gzip does. Each invocation compresses <see cref="Requests"/> distinct feeds, as that many
/// distinct filter requests would; the times shown are per request. The feeds are Utrecht's public feed over the default horizon, each one
/// starting with its own calendar name so no two are the same bytes.
/// </summary>
[MemoryDiagnoser]
public class CompressionBenchmarks
{
    public const int Requests = 500;

    private byte[][] _bodies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = BenchmarkRules.Load();
        var options = new FeedOptions();
        var builder = new FeedEventBuilder(rules, options);
        var utrecht = new MunicipalityProfile(new Municipality(MunicipalityCode.Parse("GM0344"), "Utrecht"));
        var events = builder.Build([new CyclePlanner(rules).Plan(utrecht, options.Horizon(new LocalDate(2026, 11, 22)))], FeedFilter.All, Language.Nl, builder.PublicMomentUrl);
        var stamps = events.ToDictionary(e => e.Uid, _ => new FeedStamp(2, Instant.FromUtc(2026, 11, 22, 9, 0)));
        _bodies = Enumerable.Range(0, Requests)
            .Select(i => IcsWriter.Write(new FeedCalendar($"Politieke kalender – Gemeente Utrecht ({i})", "Benchmark"), events, stamps))
            .ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public long Gzip() => CompressAll(FeedEncoding.Gzip);

    [Benchmark(OperationsPerInvoke = Requests)]
    public long Brotli() => CompressAll(FeedEncoding.Brotli);

    /// <summary>The level feeds used before, brotli's smallest size, for comparison: one feed in ten, as it is that slow.</summary>
    [Benchmark(OperationsPerInvoke = Requests / 10)]
    public long BrotliSmallestSize()
    {
        long bytes = 0;
        foreach (var body in _bodies.Take(Requests / 10))
        {
            using var output = new MemoryStream();
            using (var stream = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.SmallestSize))
            {
                stream.Write(body);
            }
            bytes += output.ToArray().LongLength;
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public long Identity() => CompressAll(FeedEncoding.Identity);

    private long CompressAll(FeedEncoding encoding)
    {
        long bytes = 0;
        foreach (var body in _bodies)
        {
            bytes += RenderedFeed.Compress(body, encoding).LongLength;
        }
        return bytes;
    }
}
