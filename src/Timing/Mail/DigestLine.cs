namespace Timing.Mail;

/// <summary>One moment in a digest: "2 February 2026 – Utrecht: Nomination day" and its page.</summary>
public sealed record DigestLine(string Text, string Url);
