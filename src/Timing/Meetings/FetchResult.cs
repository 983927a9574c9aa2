namespace Timing.Meetings;

/// <summary>What one read of a meeting source gave.</summary>
public sealed record FetchResult(FetchStatus Status, IReadOnlyList<FetchedMeeting> Meetings, string ETag, string LastModified, Duration? RetryAfter, string Error)
{
    public static FetchResult Failed(string error, Duration? retryAfter = null) => new(FetchStatus.Failed, [], "", "", retryAfter, error);
}
