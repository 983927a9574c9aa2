namespace Timing.Feeds;

/// <summary>Where a feed gets the SEQUENCE and LAST-MODIFIED of its events, per feed scope.</summary>
public interface IFeedVersions
{
    /// <summary>
    /// The stamps of <paramref name="scope"/>, given its complete content: every event's UID and fingerprint,
    /// and the texts of its calendar.
    /// </summary>
    Task<ScopeStamps> StampAsync(string scope, IReadOnlyCollection<(string Uid, string Fingerprint)> items, string texts, CancellationToken cancellationToken);
}
