using Hangfire;
using Hangfire.Storage.SQLite;
using NodaTime.Testing;
using Timing.Worker;
using Timing.Core.Cycle;

namespace Timing.Tests.Worker;

/// <summary>
/// Hangfire's own SQLite file, with the real program killed and started again. The test opens the file with
/// Hangfire's client, whose settings are process-wide: no other test runs meanwhile.
/// </summary>
[Collection(Name)]
[CollectionDefinition(Name, DisableParallelization = true)]
public class HangfireStorageTests
{
    private const string Name = "Hangfire client";

    private static readonly string[] Recurring = [NudgeJobs.Plan, NudgeJobs.Dispatch, NudgeJobs.Digest, Housekeeping.Job, Timing.Meetings.MeetingJobs.Fetch, Timing.Meetings.SourceDiscoveryJobs.Recurring];

    [Fact]
    public async Task DelayedJob_SurvivesSigkill_RunsOnceAfterRestart_AndHistoryAndRecurringJobsStay()
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        var hangfireFile = Path.Combine(dir, "timing.hangfire.db");
        await using (var seed = new TimingFactory(database, new FakeClock(SystemClock.Instance.GetCurrentInstant())))
        {
            await seed.SeedAsync(("anna@org.nl", Language.Nl, ""));
        }
        var settings = new Dictionary<string, string> { ["Storage:SqlitePath"] = database, ["Mail:PickupDirectory"] = Path.Combine(dir, "pickup") };
        Assert.False(File.Exists(hangfireFile));

        string jobId;
        await using (var first = await ServiceProcess.StartAsync(dir, settings))
        {
            Assert.True(File.Exists(hangfireFile), "the first start did not create Hangfire's SQLite file beside the database");
            var storage = Open(hangfireFile);
            await Eventually.TrueAsync(() => RecurringIds(storage).Count == Recurring.Length, TimeSpan.FromSeconds(30), "recurring jobs registered");
            // Due after the kill: the schedule exists only in the file when the process dies.
            jobId = new BackgroundJobClient(storage).Schedule<NudgeJobs>(j => j.PlanAsync(CancellationToken.None), TimeSpan.FromSeconds(8));
            first.Kill();
        }
        Assert.Equal("Scheduled", Open(hangfireFile).GetMonitoringApi().JobDetails(jobId).History[0].StateName);

        await using (var second = await ServiceProcess.StartAsync(dir, settings))
        {
            var storage = Open(hangfireFile);
            await Eventually.TrueAsync(() => State(storage, jobId) == "Succeeded", TimeSpan.FromSeconds(60), $"job {jobId} succeeded");
            await Task.Delay(TimeSpan.FromSeconds(3)); // time enough for a second run, if there were one
            second.Kill();
        }

        // A third start finds the same history: one run, and the three recurring jobs for the dashboard.
        await using var third = await ServiceProcess.StartAsync(dir, settings);
        var after = Open(hangfireFile);
        var history = after.GetMonitoringApi().JobDetails(jobId).History.Select(h => h.StateName).ToList();
        Assert.Single(history, s => s == "Processing");
        Assert.Equal("Succeeded", history[0]);
        Assert.Equal(Recurring.Order(StringComparer.Ordinal), RecurringIds(after).Order(StringComparer.Ordinal));
    }

    private static SQLiteStorage Open(string path)
    {
        // The same job format as the service writes, so the service can read what the test schedules.
        GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings().UseLogProvider(new Silent());
        return new SQLiteStorage(path, new SQLiteStorageOptions());
    }

    private static List<string> RecurringIds(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(r => r.Id).ToList();
    }

    private static string? State(JobStorage storage, string id) => storage.GetMonitoringApi().JobDetails(id)?.History.FirstOrDefault()?.StateName;

    /// <summary>No logging: an in-process test host may have left Hangfire a disposed logger factory.</summary>
    private sealed class Silent : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
