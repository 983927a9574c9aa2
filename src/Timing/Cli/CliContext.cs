using Microsoft.Extensions.Configuration;

namespace Timing.Cli;

/// <summary>What a command needs from its surroundings: where to write, the clock and the settings.</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, IClock Clock, IConfiguration Settings)
{
    /// <summary>The settings a command line reads: appsettings.json beside the program, then TIMING_-free environment variables.</summary>
    public static IConfiguration DefaultSettings() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
