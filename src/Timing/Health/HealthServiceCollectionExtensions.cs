using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Timing.Health;

/// <summary>
/// /health: each part (database, Hangfire storage, mail, sources) with its status, in the JSON shape health
/// monitors read. 200 while healthy or degraded, 503 when any part is unhealthy.
/// </summary>
public static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        // Singletons, so each keeps its one probe in flight across requests.
        services.AddSingleton<DatabaseWritableCheck>();
        services.AddSingleton<HangfireStorageCheck>();
        services.AddSingleton<MailCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseWritableCheck>("database")
            .AddCheck<HangfireStorageCheck>("hangfire")
            .AddCheck<MailCheck>("mail")
            .AddCheck<SourcesCheck>("sources");
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>{"status":"Unhealthy","totalDurationMs":5003,"entries":{"database":{"status":…,"description":…,"durationMs":…,"data":{…}}}}</summary>
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        // Built in memory first: the writer would flush synchronously into the response.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, report);
        }
        await http.Response.Body.WriteAsync(buffer.WrittenMemory);
    }

    private static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("totalDurationMs", Math.Round(report.TotalDuration.TotalMilliseconds));
        json.WriteStartObject("entries");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? (entry.Exception is null ? "" : "the check failed"));
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds));
            json.WritePropertyName("data");
            JsonSerializer.Serialize(json, entry.Data);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
