namespace Timing.Mail;

/// <summary>
/// Thrown by a sender when the connection broke after the message itself was handed over: the server may have
/// accepted it, so sending it again could deliver it twice.
/// </summary>
public sealed class MailOutcomeUnknownException(string message, Exception inner) : IOException(message, inner);
