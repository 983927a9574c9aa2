using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>What one request to a meeting source gave: the body when it sent one, or why not.</summary>
/// <param name="Error">Why the request failed, naming the source by host only (pages show it); null when it did not fail.</param>
public sealed record SourceAnswer(FetchStatus Status, string? Body, string ETag, string LastModified, Duration? RetryAfter, LocalizedText? Error, int StatusCode = 0)
{
    public static SourceAnswer Failed(LocalizedText error, Duration? retryAfter = null, int statusCode = 0) => new(FetchStatus.Failed, null, "", "", retryAfter, error, statusCode);

    /// <summary>The failure as a read's result.</summary>
    public FetchResult AsResult() => new(Status, [], ETag, LastModified, RetryAfter, Error);
}
