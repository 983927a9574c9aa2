namespace Timing.Cli;

/// <summary>Bad input on the command line: the message names the problem and the expected form. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
