using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>What one read of a meeting source gave.</summary>
/// <param name="Error">Why the read failed, in Dutch and English for the pages and mails of either; null when it did not fail.</param>
public sealed record FetchResult(FetchStatus Status, IReadOnlyList<FetchedMeeting> Meetings, string ETag, string LastModified, Duration? RetryAfter, LocalizedText? Error)
{
    /// <summary>What a source that gathers meetings from the council's own system says about its freshness, when it says so.</summary>
    public UpstreamFreshness? Upstream { get; init; }

    /// <summary>Why each event the answer held but the reader could not use was skipped ("no start date (DTSTART)"), one entry per event.</summary>
    public IReadOnlyList<LocalizedText> Skipped { get; init; } = [];

    /// <summary>What the read noticed but kept ("meeting without a title"; "period … not read"), one entry per case; shown with the skipped ones.</summary>
    public IReadOnlyList<LocalizedText> Warnings { get; init; } = [];

    /// <summary>Periods the read could not see although the rest was read (a window that failed); what is stored in them stands.</summary>
    public IReadOnlyList<DateInterval> Unread { get; init; } = [];

    public static FetchResult Read(IReadOnlyList<FetchedMeeting> meetings) => new(FetchStatus.Fetched, meetings, "", "", null, null);

    public static FetchResult Failed(LocalizedText error, Duration? retryAfter = null) => new(FetchStatus.Failed, [], "", "", retryAfter, error);

    public static FetchResult Failed(string nl, string en, Duration? retryAfter = null) => Failed(new LocalizedText(nl, en), retryAfter);

    /// <summary>An answer that is not in the format the source documents, named by host (pages show it; the body is never quoted).</summary>
    public static FetchResult Unreadable(Uri uri, string format) =>
        Failed($"{SourceText.Host(uri)}: het antwoord is niet te lezen als {format}.", $"{SourceText.Host(uri)}: the answer cannot be read as {format}.");
}
