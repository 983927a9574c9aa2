using Microsoft.Extensions.Logging;
using Timing.Tests.Web;
using Timing.Worker;

namespace Timing.Tests.Worker;

/// <summary>Hangfire's one log provider per process: the host's logging, and silence rather than failure once it is gone.</summary>
public class HangfireLogsTests
{
    [Fact]
    public void Logger_WritesToTheHostsLogging()
    {
        var capture = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));

        var log = new HangfireLogs(factory).GetLogger("Hangfire.Server.Worker");
        log.Log(Hangfire.Logging.LogLevel.Warn, () => "job failed, retrying");

        Assert.Contains("Warning Hangfire.Server.Worker: job failed, retrying", capture.Lines);
    }

    [Fact]
    public void Logger_AfterTheHostsFactoryIsDisposed_IsSilent_InsteadOfFailingTheJobThatAsks()
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(new LogCapture()));
        var logs = new HangfireLogs(factory);
        factory.Dispose();

        var log = logs.GetLogger("Hangfire.Client.CoreBackgroundJobFactory");

        Assert.False(log.Log(Hangfire.Logging.LogLevel.Error, () => "never written"));
    }
}
