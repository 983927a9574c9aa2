using System.Net;
using NodaTime.Testing;
using Timing.Tests.Worker;

namespace Timing.Tests.Metrics;

/// <summary>Prometheus reads the service's measurements on a port of their own, never on the site's.</summary>
[Trait("Needs", "smtp-server")]
public class MetricsTests
{
    [Fact]
    public async Task Scrape_AfterNudgesWereSent_CountsThem_OnTheMetricsPortOnly()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        await using (var seed = new TimingFactory(database, new FakeClock(SystemClock.Instance.GetCurrentInstant())))
        {
            await ExactlyOnceTests.SeedDueNudgesAsync(seed, 3);
        }
        var metricsPort = TestPaths.FreePort();
        var settings = new Dictionary<string, string>(smtp.Settings.Select(kv => KeyValuePair.Create(kv.Key, kv.Value!)))
        {
            ["Storage:SqlitePath"] = database,
            ["Feeds:UidHost"] = "timing.test",
            ["Metrics:Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var service = await ServiceProcess.StartAsync(dir, settings);
        await ExactlyOnceTests.WaitUntilAsync(() => Task.FromResult(smtp.Messages().Length >= 3), TimeSpan.FromSeconds(90));

        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        var text = "";
        await ExactlyOnceTests.WaitUntilAsync(async () =>
        {
            text = await scraper.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            return SentCount(text) >= 3;
        }, TimeSpan.FromSeconds(30));
        Assert.Contains("# TYPE timing_nudges_delivered_total counter", text, StringComparison.Ordinal);
        Assert.Contains("timing_jobs_duration_seconds_count{", text, StringComparison.Ordinal);

        using var site = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}") };
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    private static double SentCount(string scrape) => scrape.Split('\n')
        .Where(l => l.StartsWith("timing_nudges_delivered_total{", StringComparison.Ordinal) && l.Contains("outcome=\"sent\"", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))
        .Sum();
}
