using Hangfire;
using Microsoft.Extensions.Options;
using Timing.Core.Meetings;
using Timing.Rules;
using Timing.Worker;

namespace Timing.Meetings;

/// <summary>Registers meeting calendars: the rules of config/meetings.json (validated at start-up), the fetcher, the importer and the job.</summary>
public static class MeetingsServiceCollectionExtensions
{
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MeetingsOptions>(configuration, MeetingsOptions.Section)
            .Validate(o => o.IntervalHours is >= 1 and <= 168, "Meetings:IntervalHours must be 1–168.")
            .Validate(o => o.HostUnitsPerMinute is >= 1 and <= 6000, "Meetings:HostUnitsPerMinute must be 1–6000 (60 keeps to OpenBesluitvorming's 60 units a minute).")
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 1L << 30 && o.MaxDecompressedBytes >= o.MaxBodyBytes && o.MaxDecompressedBytes <= 1L << 30,
                "Meetings:MaxBodyBytes must be 1024 bytes–1 GiB and Meetings:MaxDecompressedBytes at least Meetings:MaxBodyBytes, at most 1 GiB.")
            .Validate(o => o.MaxMeetingsPerRead is >= 1 and <= 100_000, "Meetings:MaxMeetingsPerRead must be 1–100000.")
            .Validate(o => o.MaxAgendaItemsPerMeeting is >= 0 and <= 1000, "Meetings:MaxAgendaItemsPerMeeting must be 0–1000.")
            .Validate(o => o.MaxAgendaReadsPerRead is >= 0 and <= 1000, "Meetings:MaxAgendaReadsPerRead must be 0–1000.")
            .Validate(o => o.AgendaHorizonDays is >= 0 and <= 730, "Meetings:AgendaHorizonDays must be 0–730.")
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 300, "Meetings:TimeoutSeconds must be 1–300.")
            .Validate(o => o.FailureDaysBeforeMail is >= 1 and <= 30, "Meetings:FailureDaysBeforeMail must be 1–30.")
            .Validate(o => MeetingFetcher.IsHttp(o.NotubizBaseUrl) && MeetingFetcher.IsHttp(o.OpenBesluitvormingBaseUrl),
                "Meetings:NotubizBaseUrl and Meetings:OpenBesluitvormingBaseUrl must be absolute http(s) addresses.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MeetingsOptions>>(new MeetingRulesValidator(configuration));
        services.AddSingleton(sp => MeetingRulesLoader.Load(sp.GetRequiredService<IOptions<TimingOptions>>().Value.ResolvedConfigDirectory,
                sp.GetRequiredService<Core.Cycle.CycleRules>().Moments.Select(m => m.Kind).ToArray()).Rules
            ?? throw new InvalidOperationException("config/meetings.json is invalid; run 'timing check-config'."));
        services.AddMeetingsHttp();
        services.AddSingleton<MeetingFetcher>();
        services.AddSingleton<OpenBesluitvormingReader>();
        services.AddSingleton<IMeetingSourceReader>(sp => sp.GetRequiredService<OpenBesluitvormingReader>());
        services.AddSingleton<IMeetingSourceReader, NotubizReader>();
        services.AddSingleton<IMeetingSourceReader, IcsSourceReader>();
        services.AddScoped<MeetingImporter>();
        services.AddScoped<MeetingSync>();
        services.AddScoped<MeetingJobs>();
        var worker = configuration.Read<WorkerOptions>(WorkerOptions.Section);
        if (worker.Enabled)
        {
            services.AddHostedService<RegisterJob>();
        }
        return services;
    }

    /// <summary>Start-up check of config/meetings.json: every problem with file, rule and field.</summary>
    /// <remarks>Reads the Timing settings itself, so a problem there is reported once, by their own validation.</remarks>
    private sealed class MeetingRulesValidator(IConfiguration configuration) : IValidateOptions<MeetingsOptions>
    {
        public ValidateOptionsResult Validate(string? name, MeetingsOptions options)
        {
            var timing = configuration.Read<TimingOptions>(TimingOptions.Section);
            // Broken cycle rules are reported by their own check; the meeting rules name kinds those rules define.
            if (CycleRulesLoader.Load(timing.ResolvedConfigDirectory).Rules is not { } cycle)
            {
                return ValidateOptionsResult.Success;
            }
            var result = MeetingRulesLoader.Load(timing.ResolvedConfigDirectory, cycle.Moments.Select(m => m.Kind).ToArray());
            return result.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Problems.Select(p => p.ToString()));
        }
    }

    private sealed class RegisterJob(IRecurringJobManager recurring, IOptions<MeetingsOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var amsterdam = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
            recurring.AddOrUpdate<MeetingJobs>(MeetingJobs.Fetch, j => j.FetchAsync(CancellationToken.None), options.Value.FetchCron, amsterdam);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
