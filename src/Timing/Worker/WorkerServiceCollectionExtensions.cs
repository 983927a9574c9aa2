using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using Timing.Core.Nudges;
using Timing.Mail;
using Timing.Storage;
using Timing.Rules;

namespace Timing.Worker;

/// <summary>
/// The background worker: Hangfire on its own SQLite file beside Timing's database (one node, the default)
/// or on PostgreSQL when Storage:Provider is PostgreSql (several nodes share the jobs), with the nudge jobs
/// registered at start-up. Queued and scheduled jobs and the dashboard's history survive a restart.
/// </summary>
public static class WorkerServiceCollectionExtensions
{
    public static IServiceCollection AddWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<WorkerOptions>(configuration, WorkerOptions.Section)
            .Validate(o => o.ClaimLeaseSeconds is >= 1 and <= 3600, "Worker:ClaimLeaseSeconds must be 1–3600.")
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Worker:BatchSize must be 1–1000.")
            .Validate(o => o.NodeName.Length <= 100, "Worker:NodeName must be at most 100 characters (empty: machine name and process id).")
            .Validate(o => o.PlanWeeks is >= 1 and <= 56, "Worker:PlanWeeks must be 1–56 (default 8).")
            .Validate(o => o.QueuePollMilliseconds is >= 100 and <= 60_000, "Worker:QueuePollMilliseconds must be 100–60000 (default 1000).")
            .Validate(o => o.HangfireStorage != HangfireStorageKind.PostgreSql
                    || !string.IsNullOrWhiteSpace(configuration.Read<StorageOptions>(StorageOptions.Section).PostgreSqlConnectionString),
                "Worker:HangfireStorage is PostgreSql but Storage:PostgreSqlConnectionString is empty; set it, or use Auto or Sqlite.")
            .ValidateOnStart();
        services.AddScoped<NudgeOutbox>();
        services.AddSingleton<PlanFingerprints>();
        services.AddScoped<NudgeClaims>();
        services.AddScoped<NudgeRenderer>();
        services.AddScoped<NudgeDispatcher>();
        services.AddScoped<DailyBundles>();
        services.AddSingleton<DispatchGate>();
        services.AddSingleton<DeliveryClassifier>();
        services.AddScoped<NudgeJobs>();
        services.AddScoped<Housekeeping>();
        services.AddSingleton<NudgeMessages>();
        services.AddSingleton<MailHtml>();
        services.AddSingleton<Unsubscribe>();
        services.AddSingleton<PlanTrigger>();

        var storage = configuration.Read<StorageOptions>(StorageOptions.Section);
        var worker = configuration.Read<WorkerOptions>(WorkerOptions.Section);
        services.AddHangfire((sp, cfg) =>
        {
            cfg.UseTimingJobFormat(sp);
            var poll = TimeSpan.FromMilliseconds(worker.QueuePollMilliseconds);
            switch (worker.ResolvedHangfireStorage(storage))
            {
                case HangfireStorageKind.PostgreSql:
                    cfg.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.PostgreSqlConnectionString),
                        new PostgreSqlStorageOptions { QueuePollInterval = poll, PrepareSchemaIfNecessary = true });
                    break;
                default:
                    // Its own file, so Hangfire's polling never waits for the outbox's write lock (or the reverse).
                    var path = worker.ResolvedHangfireSqlitePath(storage);
                    try
                    {
                        // Private like the database, whichever of the two makes the folder first; its file too (0600).
                        Storage.PrivateFiles.Prepare(path);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Beside the database by default: then the database's setting is the one to fix.
                        throw worker.HangfireSqlitePath.Length == 0
                            ? StorageUnavailableException.For(storage, e)
                            : new StorageUnavailableException($"Hangfire's file {path} cannot be created ({e.Message.TrimEnd('.')}); set Worker:HangfireSqlitePath to a writable place, or leave it empty to keep it beside the database.", e);
                    }
                    cfg.UseSQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = poll });
                    break;
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

    /// <summary>The job format and logging every Hangfire configuration of Timing shares, whatever its storage.</summary>
    public static IGlobalConfiguration UseTimingJobFormat(this IGlobalConfiguration cfg, IServiceProvider services) =>
        cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogs(services.GetRequiredService<ILoggerFactory>()));

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
            var digest = NudgePlanner.DigestTime;
            recurring.AddOrUpdate<NudgeJobs>(NudgeJobs.Digest, j => j.DigestAsync(CancellationToken.None),
                string.Create(CultureInfo.InvariantCulture, $"{digest.Minute} {digest.Hour} * * {(int)NudgePlanner.DigestDay % 7}"), amsterdam);
            recurring.AddOrUpdate<Housekeeping>(Housekeeping.Job, h => h.PurgeAsync(CancellationToken.None), Housekeeping.Cron, amsterdam);
            jobs.Enqueue<NudgeJobs>(j => j.PlanAsync(CancellationToken.None));
            jobs.Enqueue<NudgeJobs>(j => j.DispatchAsync(CancellationToken.None));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
