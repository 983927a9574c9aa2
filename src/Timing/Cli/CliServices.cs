using Microsoft.Extensions.Configuration;
using Timing.Feeds;
using Timing.Mail;
using Timing.Meetings;
using Timing.Worker;
using Timing.Rules;
using Timing.Storage;

namespace Timing.Cli;

/// <summary>The service's own parts, for commands that need more than the rules (the database, the feed renderer).</summary>
public static class CliServices
{
    public static async Task<ServiceProvider> StartAsync(CliContext context, IDictionary<string, string?> overrides)
    {
        var provider = Build(context, overrides);
        await using var scope = provider.CreateAsyncScope();
        await StorageServiceCollectionExtensions.MigrateOrExplainAsync(scope.ServiceProvider, CancellationToken.None);
        return provider;
    }

    /// <summary>
    /// The parts for a command that only reads: the database is neither migrated nor created nor written,
    /// and feeds take their versions and public facts from it only where they exist (no facts with <paramref name="rulesOnly"/>).
    /// </summary>
    public static ServiceProvider StartReadOnly(CliContext context, IDictionary<string, string?> overrides, bool rulesOnly = false)
    {
        return Build(context, overrides, readOnly: true, rulesOnly);
    }

    /// <summary>The parts every command may use; their settings are the ones a command checks before it runs.</summary>
    public static IServiceCollection Register(IServiceCollection services, IConfiguration settings) => services
        .AddLogging()
        .AddTimingRules(settings)
        .AddStorage(settings)
        .AddFeeds(settings)
        .AddMail(settings)
        .AddWorker(settings)
        .AddMeetings(settings);

    private static ServiceProvider Build(CliContext context, IDictionary<string, string?> overrides, bool readOnly = false, bool rulesOnly = false)
    {
        // Commands do their work in the foreground: no background job server in a command's process.
        var settings = new ConfigurationBuilder().AddConfiguration(context.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Worker:Enabled"] = "false" })
            .AddInMemoryCollection(overrides).Build();
        var services = Register(new ServiceCollection(), settings);
        services.AddSingleton(context.Clock);
        if (readOnly)
        {
            services.AddSingleton<IFeedVersions, ReadOnlyFeedVersions>();
            services.AddSingleton<Facts.IPublicFactReader>(new Facts.ReadOnlyPublicFactReader(settings, rulesOnly, context.Error));
        }
        var provider = services.BuildServiceProvider();
        try
        {
            // As the service does at start-up: every setting and rule file is checked before the command does anything,
            // so a broken one stops it with the full list of problems rather than halfway.
            provider.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        return provider;
    }
}
