using System.Runtime.CompilerServices;
using Hangfire;

namespace Timing.Tests;

/// <summary>
/// Hangfire builds its global job filters once per process, on first use, with whatever log provider is set at that
/// moment. The tests start and dispose many in-process hosts, each setting its own logger factory as Hangfire's
/// provider; built while a disposed one is set, the filters fail for every later test of the run. They are built
/// here, before any host, with a provider that never goes away.
/// </summary>
internal static class HangfireStatics
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The test assembly's own process-wide set-up.")]
    internal static void BuildBeforeAnyHost()
    {
        Hangfire.GlobalConfiguration.Configuration.UseLogProvider(new SilentHangfireLog());
        _ = Hangfire.Common.JobFilterProviders.Providers;
    }
}

/// <summary>No logging: an in-process test host may have left Hangfire a disposed logger factory.</summary>
internal sealed class SilentHangfireLog : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
{
    public Hangfire.Logging.ILog GetLogger(string name) => this;

    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
}
