using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Timing.Metrics;

/// <summary>
/// The service's own measurements, under one meter. Static, as the counters count the process's work whoever
/// asks for it (a job, a page, a command); OpenTelemetry reads them by the meter's name. Tags carry kinds and
/// outcomes only, never a person, an organisation or an address.
/// </summary>
public static class TimingMetrics
{
    public const string MeterName = "Timing";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Planned = Meter.CreateCounter<long>("timing.nudges.planned", "{nudge}", "Nudges and digests added to the outbox by planning.");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("timing.nudges.delivered", "{nudge}", "Outcomes of delivery attempts: sent, retried, failed, uncertain.");

    private static readonly Counter<long> SourceReads = Meter.CreateCounter<long>("timing.sources.reads", "{read}", "Reads of meeting sources, by kind and outcome (fetched, not_modified, failed).");

    private static readonly Counter<long> FeedRequests = Meter.CreateCounter<long>("timing.feeds.requests", "{request}", "Feed requests answered, by audience (public, personal) and encoding.");

    private static readonly Counter<long> FeedCacheHits = Meter.CreateCounter<long>("timing.feeds.cache_hits", "{request}", "Feeds served from memory without composing them again.");

    private static readonly Histogram<double> FeedRender = Meter.CreateHistogram<double>("timing.feeds.render.duration", "s", "Time to write a feed that was not in memory.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("timing.jobs.duration", "s", "Duration of background jobs, by job and outcome.");

    public static void NudgesPlanned(int count)
    {
        if (count > 0)
        {
            Planned.Add(count);
        }
    }

    public static void Delivered(int sent, int retried, int failed, int uncertain)
    {
        Add(Deliveries, sent, "outcome", "sent");
        Add(Deliveries, retried, "outcome", "retried");
        Add(Deliveries, failed, "outcome", "failed");
        Add(Deliveries, uncertain, "outcome", "uncertain");
    }

    public static void SourceRead(string kind, Meetings.FetchStatus status) =>
        SourceReads.Add(1, new("kind", kind), new("outcome", status switch
        {
            Meetings.FetchStatus.Fetched => "fetched",
            Meetings.FetchStatus.NotModified => "not_modified",
            _ => "failed",
        }));

    public static void FeedRequest(bool isPublic, Feeds.FeedEncoding encoding) =>
        FeedRequests.Add(1, new("audience", isPublic ? "public" : "personal"), new("encoding", encoding.ToString().ToLowerInvariant()));

    public static void FeedCacheHit() => FeedCacheHits.Add(1);

    public static void FeedRendered(TimeSpan elapsed) => FeedRender.Record(elapsed.TotalSeconds);

    /// <summary>Runs a job and records how long it took and whether it ended in an exception.</summary>
    public static async Task TimeAsync(string job, Func<Task> run)
    {
        var start = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            await run();
            outcome = "completed";
        }
        finally
        {
            JobDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, new("job", job), new("outcome", outcome));
        }
    }

    private static void Add(Counter<long> counter, int count, string key, string value)
    {
        if (count > 0)
        {
            counter.Add(count, new KeyValuePair<string, object?>(key, value));
        }
    }
}
