using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Reads a meeting source without letting it hurt the instance: conditional GET (If-None-Match, If-Modified-Since),
/// the answer's size bounded before and after decompression, redirects followed only to http(s) addresses outside
/// the operator's own network, and every failure a failure (never an empty list) that names the source by host only.
/// Timeouts, retries with Retry-After and per-host rate limits live in the client's resilience pipeline
/// (<see cref="MeetingsHttp"/>).
/// </summary>
public sealed class MeetingFetcher(IHttpClientFactory clients, IOptions<MeetingsOptions> options, IClock clock)
{
    private const int MaxRedirects = 5;

    public MeetingsOptions Options => options.Value;

    /// <summary>Reads an iCalendar source: an http(s) address or a file.</summary>
    public async Task<FetchResult> FetchIcsAsync(string address, string etag, string lastModified, CancellationToken cancellationToken)
    {
        var where = SourceText.Host(address);
        if (!IsHttp(address))
        {
            try
            {
                var info = new FileInfo(address);
                if (info.Exists && info.Length > Options.MaxDecompressedBytes)
                {
                    return FetchResult.Failed(TooLarge(where, Options.MaxDecompressedBytes));
                }
                return IcsMeetingReader.Read(await File.ReadAllTextAsync(address, cancellationToken), where, Options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return FetchResult.Failed($"{where} is niet te lezen ({e.GetType().Name}).", $"{where} cannot be read ({e.GetType().Name}).");
            }
        }
        var answer = await GetAsync(new Uri(address), etag, lastModified, cancellationToken);
        if (answer.Status != FetchStatus.Fetched)
        {
            return answer.AsResult();
        }
        var read = IcsMeetingReader.Read(answer.Body!, where, Options);
        return read.Status == FetchStatus.Fetched ? read with { ETag = answer.ETag, LastModified = answer.LastModified } : read;
    }

    /// <summary>One GET with the validators of the last read; the body when the source sent one.</summary>
    /// <param name="cost">What the request counts for in its host's units a minute (<see cref="MeetingsOptions.HostUnitsPerMinute"/>).</param>
    public async Task<SourceAnswer> GetAsync(Uri uri, string etag, string lastModified, CancellationToken cancellationToken, int cost = 1)
    {
        var client = clients.CreateClient(MeetingsHttp.ClientName);
        var where = SourceText.Host(uri);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Options.Set(MeetingsHttp.Cost, cost);
                request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
                if (etag.Length > 0 && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }
                if (lastModified.Length > 0 && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    var (next, refused) = await RedirectAsync(uri, response.Headers.Location, hop, cancellationToken);
                    if (refused is not null)
                    {
                        return SourceAnswer.Failed(refused, statusCode: status);
                    }
                    uri = next!;
                    continue;
                }
                var newEtag = response.Headers.ETag?.ToString() ?? etag;
                var newModified = response.Content.Headers.LastModified?.ToString("R") ?? lastModified;
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new SourceAnswer(FetchStatus.NotModified, null, newEtag, newModified, null, null, status);
                }
                if (!response.IsSuccessStatusCode)
                {
                    var reason = SourceText.Clean(response.ReasonPhrase);
                    return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                        ? SourceAnswer.Failed(new($"{where} antwoordde {status} {reason}; de bron vraagt te wachten", $"{where}: {status} {reason}; asked to wait"), RetryAfter(response), status)
                        : SourceAnswer.Failed(new($"{where} antwoordde {status} {reason}", $"{where}: {status} {reason}"), statusCode: status);
                }
                var (body, tooLarge) = await ReadBoundedAsync(response, where, cancellationToken);
                return tooLarge is not null ? SourceAnswer.Failed(tooLarge, statusCode: status) : new SourceAnswer(FetchStatus.Fetched, body, newEtag, newModified, null, null, status);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   or Polly.RateLimiting.RateLimiterRejectedException or InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return SourceAnswer.Failed(new LocalizedText($"{where} is niet bereikbaar ({Reason(e)}).", $"{where} cannot be reached ({Reason(e)})."));
        }
    }

    public static bool IsHttp(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && IsHttp(uri);

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>Where a redirect leads, or why it is not followed: not http(s), into a private network, or one hop too many.</summary>
    private async Task<(Uri? Next, LocalizedText? Refused)> RedirectAsync(Uri from, Uri? location, int hop, CancellationToken cancellationToken)
    {
        var where = SourceText.Host(from);
        if (location is null || hop >= MaxRedirects)
        {
            return (null, new($"{where} stuurt door zonder (geldig) doel of te vaak.", $"{where} redirects without a (valid) target or too often."));
        }
        var next = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (!IsHttp(next))
        {
            return (null, new($"{where} stuurt door naar een adres dat geen http(s) is ({SourceText.Clean(next.Scheme)}:); dat volgt Timing niet.",
                $"{where} redirects to an address that is not http(s) ({SourceText.Clean(next.Scheme)}:); Timing does not follow it."));
        }
        if (!Options.AllowPrivateRedirects && await IsPrivateAsync(next, cancellationToken))
        {
            return (null, new($"{where} stuurt door naar een adres in een eigen of lokaal netwerk ({SourceText.Host(next)}); dat volgt Timing niet.",
                $"{where} redirects to a loopback or private address ({SourceText.Host(next)}); Timing does not follow it."));
        }
        return (next, null);
    }

    /// <summary>Whether the host is, or resolves to, a loopback, private, link-local or unspecified address.</summary>
    private static async Task<bool> IsPrivateAsync(Uri uri, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
            }
            catch (SocketException)
            {
                return false;
            }
        }
        return addresses.Length == 0 || addresses.Any(IsPrivate);
    }

    internal static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }
        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || b[0] == 172 && b[1] is >= 16 and <= 31
            || b[0] == 192 && b[1] == 168
            || b[0] == 169 && b[1] == 254
            || b[0] == 100 && b[1] is >= 64 and <= 127;
    }

    /// <summary>
    /// The body as text, read at most <see cref="MeetingsOptions.MaxBodyBytes"/> as sent and
    /// <see cref="MeetingsOptions.MaxDecompressedBytes"/> unpacked, so a small gzip that unpacks to gigabytes stops early.
    /// </summary>
    private async Task<(string? Body, LocalizedText? TooLarge)> ReadBoundedAsync(HttpResponseMessage response, string where, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > Options.MaxBodyBytes)
        {
            return (null, TooLarge(where, Options.MaxBodyBytes));
        }
        await using var raw = await response.Content.ReadAsStreamAsync(cancellationToken);
        var wire = new BoundedStream(raw, Options.MaxBodyBytes);
        var encoding = response.Content.Headers.ContentEncoding.LastOrDefault()?.ToLowerInvariant();
        await using Stream unpacked = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(wire, CompressionMode.Decompress),
            "deflate" => new ZLibStream(wire, CompressionMode.Decompress),
            "br" => new BrotliStream(wire, CompressionMode.Decompress),
            _ => wire,
        };
        var limit = encoding is null or "identity" ? Options.MaxBodyBytes : Options.MaxDecompressedBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await unpacked.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + n > limit || wire.Exceeded)
            {
                return (null, TooLarge(where, wire.Exceeded ? Options.MaxBodyBytes : limit));
            }
            buffer.Write(chunk, 0, n);
        }
        if (wire.Exceeded)
        {
            return (null, TooLarge(where, Options.MaxBodyBytes));
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancellationToken), null);
    }

    private static LocalizedText TooLarge(string where, long limit) => new(
        $"{where}: het antwoord is groter dan {limit / 1024 / 1024} MB; Timing leest het niet (instelling Meetings:MaxBodyBytes / Meetings:MaxDecompressedBytes).",
        $"{where}: the answer is larger than {limit / 1024 / 1024} MB; Timing does not read it (settings Meetings:MaxBodyBytes / Meetings:MaxDecompressedBytes).");

    /// <summary>Why a request failed, in the platform's words but without any address or body it may quote.</summary>
    private static string Reason(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: var error } when error != HttpRequestError.Unknown => error.ToString(),
        TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException => "timeout",
        Polly.RateLimiting.RateLimiterRejectedException => "rate limit",
        InvalidDataException => "invalid compression",
        _ => e.GetType().Name,
    };

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

    /// <summary>A read-only view of a stream that stops after <c>limit</c> bytes and says it did.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Exceeded)
            {
                return 0;
            }
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit + 1 - _read)], cancellationToken);
            _read += n;
            if (_read > limit)
            {
                Exceeded = true;
                return 0;
            }
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
