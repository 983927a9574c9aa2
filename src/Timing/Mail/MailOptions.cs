namespace Timing.Mail;

/// <summary>Settings under "Mail". Without a host, messages are written as .eml files to the pickup folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>SMTP server; empty writes .eml files to <see cref="PickupDirectory"/> instead.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>StartTls (default, port 587), SslOnConnect (port 465) or None (local test servers only).</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>An OAuth2 access token (Microsoft 365, Google) used instead of the password when set.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The sender, e.g. "Timing &lt;timing@example.nl&gt;".</summary>
    public string From { get; set; } = "Timing <timing@localhost>";

    /// <summary>Folder for .eml files when no host is set; relative to the working directory.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How many connections dispatch keeps open to the server at once, each sending its share of a batch. While one
    /// waits for the server's answer another sends: to a server slow to answer, two send almost twice as fast as one.
    /// </summary>
    public int Connections { get; set; } = 2;

    /// <summary>
    /// The most reminder mails and digests one address receives on one day, over every organisation that lists it.
    /// A person's reminders of a day already travel in one mail; this holds when one address is several people, or
    /// a director sends failed mails again. A mail over the limit waits until the next morning.
    /// </summary>
    public int DailyLimitPerRecipient { get; set; } = 2;
}

public enum MailSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
