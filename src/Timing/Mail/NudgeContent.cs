namespace Timing.Mail;

/// <summary>What one nudge says, worked out once and written into both the text and the HTML part.</summary>
public sealed record NudgeContent(
    string Title,
    string Municipality,
    string When,
    string Dates,
    string Basis,
    string Range,
    string Advice,
    string Audiences,
    string Bring,
    string MomentUrl,
    string FeedUrl,
    string UnsubscribeUrl);
