namespace Timing.Feeds;

/// <summary>
/// One calendar event as Timing publishes it: all-day, from <see cref="Start"/> up to but not including
/// <see cref="EndExclusive"/>. <see cref="Fingerprint"/> covers the facts in every language, so the same
/// event in a Dutch and an English feed counts as one version.
/// </summary>
public sealed record FeedEvent(
    string Uid,
    string Summary,
    string Description,
    LocalDate Start,
    LocalDate EndExclusive,
    FeedStatus Status,
    IReadOnlyList<string> Categories,
    Uri Url,
    string Fingerprint);

/// <summary>
/// How firm an event is: statutory and actual dates are confirmed, estimates tentative; typical and
/// local dates carry no status, because they are neither promised nor guessed.
/// </summary>
public enum FeedStatus
{
    None,
    Confirmed,
    Tentative,
}
