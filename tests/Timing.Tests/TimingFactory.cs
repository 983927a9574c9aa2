using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime.Testing;
using Timing.Worker;

namespace Timing.Tests;

/// <summary>
/// The real service in-process: a real SQLite file in a scratch folder, the municipality list of 2026,
/// and a clock the test moves. Several factories on one database file act as restarts of one installation.
/// </summary>
public sealed class TimingFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="configure">Further test-only changes to the host, e.g. a middleware that plays many clients.</param>
    public TimingFactory(string? databasePath = null, FakeClock? clock = null, Dictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        DatabasePath = databasePath ?? Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        Clock = clock ?? new FakeClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = DatabasePath,
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Feeds:UidHost"] = "timing.test",
            ["Feeds:BaseUrl"] = "https://timing.test",
            // Tests drive planning and dispatch themselves, with the fake clock.
            ["Worker:Enabled"] = "false",
            ["Mail:PickupDirectory"] = PickupDirectory = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "pickup"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    public FakeClock Clock { get; }

    /// <summary>Where the service writes mail as .eml files (no SMTP host is configured).</summary>
    public string PickupDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            // Jobs the tests do not run need not outlive the test: Hangfire keeps them in memory here. Its configuration
            // is made anew as the product makes it, so Hangfire also logs through this host rather than an earlier one.
            services.RemoveAll<IGlobalConfiguration>();
            services.RemoveAll<JobStorage>();
            services.AddHangfire((sp, cfg) => cfg.UseTimingJobFormat(sp).UseInMemoryStorage());
        });
        _configure?.Invoke(builder);
    }
}
