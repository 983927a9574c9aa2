using System.Threading.Channels;

namespace Timing.Web.SignIn;

/// <summary>
/// Sign-in link requests waiting to be handled. A request only puts the address here, whether or not it
/// has an account, so the answer takes the same work and time either way; looking the address up and
/// talking to the mail server happen in <see cref="SignInMailer"/>, where a slow or broken mail server
/// cannot be seen. Bounded: when full, further requests are dropped (and logged), never kept in memory.
/// </summary>
public sealed partial class SignInMailQueue(ILogger<SignInMailQueue> logger)
{
    public const int Capacity = 1000;

    private readonly Channel<(string Address, string? ReturnPath)> _channel = Channel.CreateBounded<(string Address, string? ReturnPath)>(new BoundedChannelOptions(Capacity));
    private int _pending;

    /// <summary>Requests accepted but not yet handled.</summary>
    public int Pending => Volatile.Read(ref _pending);

    internal ChannelReader<(string Address, string? ReturnPath)> Reader => _channel.Reader;

    /// <param name="returnPath">The page to open after signing in, carried in the link; null for the overview.</param>
    public void Enqueue(string address, string? returnPath = null)
    {
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite((address, ReturnPath.Safe(returnPath))))
        {
            Interlocked.Decrement(ref _pending);
            QueueFull(logger, Capacity);
        }
    }

    internal void Handled() => Interlocked.Decrement(ref _pending);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "A sign-in link request was dropped: {Capacity} requests are already waiting for the mail server.")]
    private static partial void QueueFull(ILogger logger, int capacity);
}
