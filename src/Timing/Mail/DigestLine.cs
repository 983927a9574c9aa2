namespace Timing.Mail;

/// <summary>One moment in a digest: "Kadernota – Utrecht, vanaf 2 mrt", its page, and one line of what to do.</summary>
public sealed record DigestLine(string Text, string Url, string Action);
