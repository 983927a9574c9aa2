using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Timing.Meetings;

/// <summary>
/// The HTTP client every meeting source is read with (IHttpClientFactory), and its resilience pipeline: a retry for
/// connection errors, 5xx and a 429/503 whose Retry-After is short (waited as asked), a per-host rate limit counted in
/// request units, and a timeout per try. Decompression and redirects are left to <see cref="MeetingFetcher"/>, which
/// bounds them.
/// </summary>
public static class MeetingsHttp
{
    public const string ClientName = "meetings";

    /// <summary>What a request costs in its host's units (<see cref="MeetingsOptions.HostUnitsPerMinute"/>); 1 when not set.</summary>
    public static readonly HttpRequestOptionsKey<int> Cost = new("timing.meetings.cost");

    /// <summary>The longest Retry-After waited for within one read; a longer one ends the read and the job comes back after it.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    /// <summary>The most units one request may cost: the bucket holds this much, so the dearest request can ever pass.</summary>
    public const int MaxCost = 5;

    public static IServiceCollection AddMeetingsHttp(this IServiceCollection services)
    {
        services.AddSingleton(sp => HostLimiter(sp.GetRequiredService<IOptions<MeetingsOptions>>().Value));
        services.AddHttpClient(ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Timing/1.0 (political calendar; meeting import)");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                MaxResponseHeadersLength = 64,
                ConnectTimeout = TimeSpan.FromSeconds(15),
            })
            .AddResilienceHandler("meetings", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<MeetingsOptions>>().Value;
                var limiter = context.ServiceProvider.GetRequiredService<PartitionedRateLimiter<HttpRequestMessage>>();
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromSeconds(1),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                });
                pipeline.AddRateLimiter(new HttpRateLimiterStrategyOptions
                {
                    RateLimiter = args => args.Context.GetRequestMessage() is { } request
                        ? limiter.AcquireAsync(request, Math.Clamp(request.Options.TryGetValue(Cost, out var cost) ? cost : 1, 1, MaxCost), args.Context.CancellationToken)
                        : ValueTask.FromResult<RateLimitLease>(new Granted()),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
            });
        return services;
    }

    /// <summary>
    /// One token bucket per host: <see cref="MaxCost"/> units at most at once, refilled one unit at a time so that a
    /// host gets <see cref="MeetingsOptions.HostUnitsPerMinute"/> a minute. Requests wait for their turn in order.
    /// </summary>
    private static PartitionedRateLimiter<HttpRequestMessage> HostLimiter(MeetingsOptions options) =>
        PartitionedRateLimiter.Create<HttpRequestMessage, string>(request => RateLimitPartition.GetTokenBucketLimiter(
            request.RequestUri?.Authority ?? "",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = MaxCost,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, options.HostUnitsPerMinute),
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }
        var response = outcome.Result!;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            // A long Retry-After is the caller's to honour: the source is asked again at the next run after it.
            var header = response.Headers.RetryAfter;
            var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
            return wait is null ? response.StatusCode == HttpStatusCode.ServiceUnavailable : wait <= LongestWait;
        }
        return (int)response.StatusCode >= 500;
    }

    private sealed class Granted : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
