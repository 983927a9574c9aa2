namespace Timing.Feeds;

/// <summary>The calendar-level texts of a feed: its name in the user's agenda and a description.</summary>
public sealed record FeedCalendar(string Name, string Description);
