using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Timing.Worker;

/// <summary>
/// Hangfire's log provider: the host's own logging. Hangfire keeps one provider for the whole process; when a host
/// has stopped and its logger factory is gone while another host in the same process still runs, Hangfire's new
/// loggers are silent instead of failing that host's jobs with a disposed factory.
/// </summary>
public sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
