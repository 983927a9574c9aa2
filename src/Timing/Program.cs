using Timing.Cli;
using Timing.Feeds;
using Timing.Mail;
using Timing.Meetings;
using Timing.Web;
using Timing.Worker;
using Timing.Rules;
using Timing.Storage;

// The command line: `timing plan`, `timing check-config` … Anything else runs the service.
if (CommandLine.Handles(args))
{
    return CommandLine.Run(args, new CliContext(Console.Out, Console.Error, SystemClock.Instance, CliContext.DefaultSettings()));
}

var serveArgs = args is ["serve", .. var rest] ? rest : args;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = serveArgs,
    // Styles and images travel with the program, so pages look right from any working directory.
    WebRootPath = serveArgs.Any(a => a.StartsWith("--webroot", StringComparison.Ordinal)) ? null : Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
// The defaults shipped beside the program come first, so a deployment's own appsettings.json, environment
// variables and arguments override them, and starting from another working directory changes nothing.
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
{
    Path = "appsettings.json",
    Optional = true,
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
});
// Request and routing logs would carry personal feed tokens in their paths: never log them, whatever the settings say.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Information);
builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Information);
builder.Services.AddTimingRules(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddFeeds(builder.Configuration);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddWeb();
builder.Services.AddWorker(builder.Configuration);
builder.Services.AddMeetings(builder.Configuration);
builder.Services.AddScoped<PageData>();

var app = builder.Build();
app.MapWeb();
app.MapWorkerDashboard();
app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous();
app.MapFeeds();
app.MapUnsubscribe();

return await app.RunOrExplainAsync();

/// <summary>The entry point, visible to tests that host the service.</summary>
public partial class Program;
