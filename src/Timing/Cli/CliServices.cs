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
        // Commands do their work in the foreground: no background job server in a command's process.
        var settings = new ConfigurationBuilder().AddConfiguration(context.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Worker:Enabled"] = "false" })
            .AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTimingRules(settings);
        services.AddStorage(settings);
        services.AddFeeds(settings);
        services.AddMail(settings);
        services.AddWorker(settings);
        services.AddMeetings(settings);
        services.AddSingleton(context.Clock);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await StorageServiceCollectionExtensions.MigrateAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), CancellationToken.None);
        return provider;
    }
}
