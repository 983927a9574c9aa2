using Timing.Cli;
using Timing.Feeds;
using Timing.Health;
using Timing.Mail;
using Timing.Meetings;
using Timing.Metrics;
using Timing.Web;
using Timing.Worker;
using Timing.Rules;
using Timing.Storage;

// The command line: `timing plan`, `timing check-config` … Only no verb (options alone) or `serve` runs the service;
// an unknown verb exits with code 2 and the list of verbs.
if (CommandLine.Handles(args))
{
    IConfiguration settings;
    try
    {
        settings = CliContext.DefaultSettings();
    }
    catch (Exception e) when (StartupProblems.Explain(e) is { } line)
    {
        Console.Error.WriteLine(line);
        return 1;
    }
    return CommandLine.Run(args, new CliContext(Console.Out, Console.Error, SystemClock.Instance, settings));
}

var serveArgs = args is ["serve", .. var rest] ? rest : args;
// Options alone start the service, but only settings: a typo such as --hlep is refused rather than ignored.
if (CommandLine.ServiceArgumentProblem(serveArgs) is { } mistake)
{
    Console.Error.WriteLine(mistake);
    return 2;
}
WebApplicationBuilder builder;
try
{
    // A settings file with broken JSON fails here, while the settings are read: say which file, in one line.
    builder = WebApplication.CreateBuilder(new WebApplicationOptions
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
}
catch (Exception e) when (StartupProblems.Explain(e) is { } line)
{
    Console.Error.WriteLine(line);
    return 1;
}
// Log levels come from the settings alone; personal feed tokens are redacted from whatever is logged.
Timing.Web.Logging.RedactingLoggerFactory.Register(builder.Services);
builder.Logging.ExplainFailedStarts();
builder.Services.AddTimingRules(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddFeeds(builder.Configuration);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddWeb(builder.Configuration);
builder.Services.AddWorker(builder.Configuration);
builder.Services.AddMeetings(builder.Configuration);
builder.Services.AddSourceDiscovery(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddMetrics(builder.Configuration);
builder.Services.AddScoped<PageData>();
// A setting of the wrong kind (a word for a number, an unknown choice, a broken cron expression) stops here, before the host is built.
if (builder.Services.SettingProblems(builder.Configuration) is [_, ..] settingProblems)
{
    Console.Error.WriteLine(StartupProblems.Settings(settingProblems));
    return 1;
}

var app = builder.Build();
try
{
    app.MapWeb();
    // The dashboard opens Hangfire's storage: a file that cannot be made is a start-up problem like the database.
    app.MapWorkerDashboard();
    app.MapHealth();
    app.MapFeeds();
    app.MapUnsubscribe();
}
catch (Exception e) when (StartupProblems.Explain(e, app.Configuration) is { } line)
{
    Console.Error.WriteLine(line);
    return 1;
}

return await app.RunOrExplainAsync();

/// <summary>The entry point, visible to tests that host the service.</summary>
public partial class Program;
