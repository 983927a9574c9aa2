namespace Timing.Meetings;

/// <summary>What one read of a meeting source gave.</summary>
public sealed record FetchResult(FetchStatus Status, IReadOnlyList<FetchedMeeting> Meetings, string ETag, string LastModified, Duration? RetryAfter, string Error)
{
    /// <summary>What a source that gathers meetings from the council's own system says about its freshness, when it says so.</summary>
    public UpstreamFreshness? Upstream { get; init; }

    public static FetchResult Failed(string error, Duration? retryAfter = null) => new(FetchStatus.Failed, [], "", "", retryAfter, error);
}
