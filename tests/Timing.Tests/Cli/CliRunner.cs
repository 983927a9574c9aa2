using Microsoft.Extensions.Configuration;
using NodaTime.Testing;
using Timing.Cli;

namespace Timing.Tests.Cli;

/// <summary>Runs a command in-process with captured output and a fixed clock.</summary>
public static class CliRunner
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 9, 0);

    public static (int Exit, string Output, string Error) Run(params string[] args) => Run(new Dictionary<string, string?>(), args);

    public static (int Exit, string Output, string Error) Run(Dictionary<string, string?> settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exit = CommandLine.Run(args, new CliContext(output, error, new FakeClock(Now), configuration));
        return (exit, output.ToString(), error.ToString());
    }
}
