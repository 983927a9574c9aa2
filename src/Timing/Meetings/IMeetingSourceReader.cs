namespace Timing.Meetings;

/// <summary>One kind of meeting source (iCalendar, Notubiz, OpenBesluitvorming): reads a source of its kind once.</summary>
public interface IMeetingSourceReader
{
    /// <summary>The kind it reads, one of <see cref="MeetingSourceKinds"/>.</summary>
    string Kind { get; }

    /// <summary>The meetings the source shows now, or why it cannot be read. Never throws for what a source sends.</summary>
    Task<FetchResult> FetchAsync(MeetingSourceRead read, CancellationToken cancellationToken);
}

/// <summary>What a reader needs to read one source.</summary>
/// <param name="Code">The municipality's CBS code.</param>
/// <param name="Address">The source as configured: an iCalendar address or file, a Notubiz organisation id, an OpenBesluitvorming key.</param>
/// <param name="ETag">The validators of the last successful read, for a conditional GET.</param>
public sealed record MeetingSourceRead(string Code, string Address, string ETag, string LastModified, Instant Now);
