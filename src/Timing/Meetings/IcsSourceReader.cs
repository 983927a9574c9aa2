namespace Timing.Meetings;

/// <summary>The iCalendar kind of source: an http(s) address or a file, read with a conditional GET.</summary>
public sealed class IcsSourceReader(MeetingFetcher fetcher) : IMeetingSourceReader
{
    public string Kind => MeetingSourceKinds.Ical;

    public Task<FetchResult> FetchAsync(MeetingSourceRead read, CancellationToken cancellationToken) =>
        fetcher.FetchIcsAsync(read.Address, read.ETag, read.LastModified, cancellationToken);
}
