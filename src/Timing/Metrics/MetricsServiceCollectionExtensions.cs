using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Timing.Rules;

namespace Timing.Metrics;

/// <summary>
/// OpenTelemetry metrics (Timing's own meter, ASP.NET Core's and the runtime's) for Prometheus, on a port of their
/// own (Metrics:Port) that the public site never answers on.
/// </summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MetricsOptions>(configuration, MetricsOptions.Section)
            .Validate(o => o.Port is >= 0 and <= 65535, "Metrics:Port must be 0 (no metrics) or a port number up to 65535.")
            .Validate(o => IPAddress.TryParse(o.Address, out _), "Metrics:Address must be an IP address, such as 127.0.0.1 or a private network address.")
            .ValidateOnStart();
        if (configuration.Read<MetricsOptions>(MetricsOptions.Section).Port <= 0)
        {
            return services;
        }
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(TimingMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddPrometheusExporter());
        services.AddHostedService<ScrapeEndpoint>();
        return services;
    }

    /// <summary>A second, minimal web server for /metrics alone: none of the site's pages, settings or endpoints.</summary>
    private sealed class ScrapeEndpoint(MeterProvider meters, IOptions<MetricsOptions> options) : IHostedService, IAsyncDisposable
    {
        private WebApplication? _app;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.Value.Address), options.Value.Port));
            _app = builder.Build();
            _app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
            await _app.StartAsync(cancellationToken);
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_app is not null)
            {
                await _app.StopAsync(cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
