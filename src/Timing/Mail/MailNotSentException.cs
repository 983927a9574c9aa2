namespace Timing.Mail;

/// <summary>Thrown by a sender when a message certainly did not leave (for example the pickup folder is not writable).</summary>
public sealed class MailNotSentException(string message, Exception inner) : IOException(message, inner);
