using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads a meeting source politely: conditional GET (If-None-Match, If-Modified-Since), at most one request per
/// host per <see cref="MeetingsOptions.MinRequestSpacingMs"/>, and 429/503 with Retry-After honoured by the caller.
/// A failure is a failure, never an empty list.
/// </summary>
public sealed class MeetingFetcher(IOptions<MeetingsOptions> options, IClock clock)
{
    private readonly HttpClient _http = CreateClient(options.Value);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Instant> _nextAllowed = new(StringComparer.OrdinalIgnoreCase);

    public MeetingsOptions Options => options.Value;

    /// <summary>Reads an iCalendar source: an http(s) address or a file.</summary>
    public async Task<FetchResult> FetchIcsAsync(string address, string etag, string lastModified, CancellationToken cancellationToken)
    {
        if (!IsHttp(address))
        {
            try
            {
                return IcsMeetingReader.Read(await File.ReadAllTextAsync(address, cancellationToken), address);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return FetchResult.Failed($"{address} is niet te lezen: {e.Message}", $"{address}: {e.Message}");
            }
        }
        var (status, body, newEtag, newModified, retry, error) = await GetAsync(new Uri(address), etag, lastModified, cancellationToken);
        if (status != FetchStatus.Fetched)
        {
            return new FetchResult(status, [], newEtag, newModified, retry, error);
        }
        var read = IcsMeetingReader.Read(body!, address);
        return read.Status == FetchStatus.Fetched ? read with { ETag = newEtag, LastModified = newModified } : read;
    }

    /// <summary>One GET with the validators of the last read; the body when the source sent one.</summary>
    /// <param name="cost">
    /// What the request counts for in the host's rate limit, in ordinary requests: the next request to the same host
    /// waits <see cref="MeetingsOptions.MinRequestSpacingMs"/> times this (OpenBesluitvorming counts a search of 100
    /// results as 1.3).
    /// </param>
    public async Task<(FetchStatus Status, string? Body, string ETag, string LastModified, Duration? RetryAfter, LocalizedText? Error)> GetAsync(
        Uri uri, string etag, string lastModified, CancellationToken cancellationToken, double cost = 1)
    {
        var gate = _hosts.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_nextAllowed.TryGetValue(uri.Authority, out var next))
            {
                var wait = next - clock.GetCurrentInstant();
                if (wait > Duration.Zero && wait < Duration.FromMinutes(1))
                {
                    await Task.Delay(wait.ToTimeSpan(), cancellationToken);
                }
            }
            _nextAllowed[uri.Authority] = clock.GetCurrentInstant() + Duration.FromMilliseconds(options.Value.MinRequestSpacingMs * Math.Max(cost, 1));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (etag.Length > 0 && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }
            if (lastModified.Length > 0 && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
            {
                request.Headers.IfModifiedSince = since;
            }
            using var response = await _http.SendAsync(request, cancellationToken);
            var newEtag = response.Headers.ETag?.ToString() ?? etag;
            var newModified = response.Content.Headers.LastModified?.ToString("R") ?? lastModified;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return (FetchStatus.NotModified, null, newEtag, newModified, null, null);
            }
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                return (FetchStatus.Failed, null, etag, lastModified, RetryAfter(response), new LocalizedText(
                    $"{uri} antwoordde {(int)response.StatusCode} {response.ReasonPhrase}; de bron vraagt te wachten", $"{uri}: {(int)response.StatusCode} {response.ReasonPhrase}; asked to wait"));
            }
            if (!response.IsSuccessStatusCode)
            {
                return (FetchStatus.Failed, null, etag, lastModified, null, new LocalizedText(
                    $"{uri} antwoordde {(int)response.StatusCode} {response.ReasonPhrase}", $"{uri}: {(int)response.StatusCode} {response.ReasonPhrase}"));
            }
            return (FetchStatus.Fetched, await response.Content.ReadAsStringAsync(cancellationToken), newEtag, newModified, null, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (FetchStatus.Failed, null, etag, lastModified, null, new LocalizedText($"{uri} is niet bereikbaar: {e.Message}", $"{uri}: {e.Message}"));
        }
        finally
        {
            gate.Release();
        }
    }

    public static bool IsHttp(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private Duration? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return Duration.FromTimeSpan(delta);
        }
        if (header?.Date is { } date)
        {
            var wait = Instant.FromDateTimeOffset(date) - clock.GetCurrentInstant();
            return wait > Duration.Zero ? wait : Duration.Zero;
        }
        return null;
    }

    private static HttpClient CreateClient(MeetingsOptions options)
    {
        var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Timing/1.0 (political calendar; meeting import)");
        return client;
    }
}
