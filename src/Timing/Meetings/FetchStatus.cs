namespace Timing.Meetings;

/// <summary>How a read of a meeting source ended. Only <see cref="Fetched"/> says anything about which meetings exist.</summary>
public enum FetchStatus
{
    /// <summary>The source answered with its meetings (possibly none).</summary>
    Fetched,

    /// <summary>304 Not Modified: nothing changed since the last read.</summary>
    NotModified,

    /// <summary>The source could not be read: an error, a timeout, a refusal, or an answer that is not a calendar. Never read as "no meetings".</summary>
    Failed,
}
