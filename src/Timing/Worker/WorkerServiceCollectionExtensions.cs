using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Timing.Mail;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// The background worker: Hangfire on in-memory storage (one node, the default) or on PostgreSQL when
/// Storage:Provider is PostgreSql (several nodes share the jobs), with the nudge jobs registered at start-up.
/// </summary>
public static class WorkerServiceCollectionExtensions
{
    public static IServiceCollection AddWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.Section))
            .Validate(o => o.ClaimLeaseSeconds is >= 1 and <= 3600, "Worker:ClaimLeaseSeconds must be 1–3600.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Worker:BatchSize must be 1–1000.")
            .Validate(o => o.NodeName.Length <= 100, "Worker:NodeName must be at most 100 characters (empty: machine name and process id).")
            .ValidateOnStart();
        services.AddScoped<NudgeOutbox>();
        services.AddScoped<NudgeDispatcher>();
        services.AddScoped<NudgeJobs>();
        services.AddSingleton<NudgeMessages>();
        services.AddSingleton<Unsubscribe>();
        services.AddSingleton<PlanTrigger>();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var worker = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        services.AddHangfire(cfg =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.PostgreSql && !string.IsNullOrWhiteSpace(storage.PostgreSqlConnectionString))
            {
                cfg.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.PostgreSqlConnectionString),
                    new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true });
            }
            else
            {
                cfg.UseInMemoryStorage();
            }
        });
        if (worker.Enabled)
        {
            services.AddHangfireServer(o =>
            {
                o.ServerName = worker.ResolvedNodeName;
                o.WorkerCount = 2;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
            services.AddHostedService<RegisterJobs>();
        }
        return services;
    }

    /// <summary>
    /// The Hangfire dashboard at /hangfire, for the instance's operators only: it controls the jobs of every
    /// organisation. Directors see their own people's nudges on Timing's pages; anyone not signed in is sent to sign in.
    /// </summary>
    public static WebApplication MapWorkerDashboard(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/hangfire") && http.User.Identity?.IsAuthenticated != true,
            branch => branch.Run(http => http.ChallengeAsync()));
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new OperatorsOnly(app.Services.GetRequiredService<IOptions<Web.WebOptions>>())],
            DisplayStorageConnectionString = false,
            AppPath = "/",
            DashboardTitle = "Timing – achtergrondtaken",
        });
        return app;
    }

    private sealed class OperatorsOnly(IOptions<Web.WebOptions> options) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => Web.WebServiceCollectionExtensions.IsOperator(context.GetHttpContext().User, options.Value);
    }

    /// <summary>Registers the recurring jobs in Amsterdam time at every start, and catches up once right away.</summary>
    private sealed class RegisterJobs(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<WorkerOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var amsterdam = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
            recurring.AddOrUpdate<NudgeJobs>(NudgeJobs.Plan, j => j.PlanAsync(CancellationToken.None), options.Value.PlanCron, amsterdam);
            recurring.AddOrUpdate<NudgeJobs>(NudgeJobs.Dispatch, j => j.DispatchAsync(CancellationToken.None), options.Value.DispatchCron, amsterdam);
            recurring.AddOrUpdate<NudgeJobs>(NudgeJobs.Digest, j => j.DigestAsync(CancellationToken.None), "30 7 * * 1", amsterdam);
            jobs.Enqueue<NudgeJobs>(j => j.PlanAsync(CancellationToken.None));
            jobs.Enqueue<NudgeJobs>(j => j.DispatchAsync(CancellationToken.None));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
