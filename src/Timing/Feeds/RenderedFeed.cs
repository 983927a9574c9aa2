using System.IO.Compression;

namespace Timing.Feeds;

/// <summary>
/// A feed as served: its bytes, a strong ETag over them and when its content last changed. The gzip and
/// brotli forms are made at most once per rendering, when first asked for, and each has its own ETag.
/// Every new filter is a new rendering that anyone may ask for, so compression is held to about what gzip
/// costs: brotli at quality <see cref="BrotliQuality"/>, not its smallest size (which costs some 15 times as much).
/// </summary>
public sealed class RenderedFeed
{
    private readonly string[] _etags;
    private readonly Lazy<byte[]> _gzip;
    private readonly Lazy<byte[]> _brotli;

    public RenderedFeed(byte[] body, string digest, Instant lastModified)
    {
        Body = body;
        // Indexed by FeedEncoding; made once, as every request sends one and a revalidation compares them.
        _etags = [$"\"{digest}\"", $"\"{digest}-gz\"", $"\"{digest}-br\""];
        LastModified = lastModified;
        LastModifiedHeader = lastModified.ToDateTimeOffset().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _gzip = new(() => Compress(body, FeedEncoding.Gzip));
        _brotli = new(() => Compress(body, FeedEncoding.Brotli));
    }

    public byte[] Body { get; }

    public string ETag => ETagFor(FeedEncoding.Identity);

    public Instant LastModified { get; }

    /// <summary><see cref="LastModified"/> as an HTTP date (RFC 9110 §5.6.7).</summary>
    public string LastModifiedHeader { get; }

    /// <summary>What the feed takes in memory at most, with both compressed forms: for the cache's byte budget.</summary>
    public long Size => Body.LongLength + Body.LongLength / 2 + 1024;

    /// <summary>The bytes in an encoding: the same content, each encoding with its own ETag.</summary>
    public byte[] BytesFor(FeedEncoding encoding) => encoding switch
    {
        FeedEncoding.Gzip => _gzip.Value,
        FeedEncoding.Brotli => _brotli.Value,
        _ => Body,
    };

    public string ETagFor(FeedEncoding encoding) => _etags[(int)encoding];

    /// <summary>
    /// Whether one entity tag names this content in any encoding, by the weak comparison that If-None-Match
    /// uses (RFC 9110 §13.1.2): a client holding the gzip copy is as current as one holding the plain bytes.
    /// </summary>
    public bool Names(ReadOnlySpan<char> tag)
    {
        tag = tag.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }
        foreach (var ours in _etags)
        {
            if (tag.SequenceEqual(ours))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Brotli's quality for feeds (0–11): measured beside gzip in the compression benchmark.</summary>
    public const int BrotliQuality = 4;

    /// <summary>The body in an encoding, at the levels feeds are served with.</summary>
    public static byte[] Compress(byte[] body, FeedEncoding encoding)
    {
        if (encoding == FeedEncoding.Identity)
        {
            return body;
        }
        using var output = new MemoryStream(body.Length / 5);
        using (Stream stream = encoding == FeedEncoding.Brotli
            ? new BrotliStream(output, new BrotliCompressionOptions { Quality = BrotliQuality })
            : new GZipStream(output, CompressionLevel.SmallestSize))
        {
            stream.Write(body);
        }
        return output.ToArray();
    }
}

/// <summary>The content codings a feed is sent in (RFC 9110 §8.4.1).</summary>
public enum FeedEncoding
{
    Identity,
    Gzip,
    Brotli,
}
