using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Timing.Storage;

namespace Timing.Rules;

/// <summary>
/// Start-up failures a user can fix, said in one line that names the problem and the setting or file
/// to fix. Anything else is a defect of the program and keeps its stack trace.
/// </summary>
public static partial class StartupProblems
{
    private static volatile bool _started;

    /// <summary>
    /// The host reports a failed start itself, with a stack trace, before the program can explain it.
    /// Until the service has started, errors of that one category are left to <see cref="Explain"/>.
    /// </summary>
    public static ILoggingBuilder ExplainFailedStarts(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Warning && (_started || level < LogLevel.Error));

    public static void MarkStarted() => _started = true;

    /// <summary>The one line for a failure during start-up, or null when the failure is not one a user can fix.</summary>
    public static string? Explain(Exception e, IConfiguration? settings = null) => e switch
    {
        StorageUnavailableException storage => "Timing cannot start: " + storage.Message,
        IOException { InnerException: AddressInUseException } bind =>
            $"Timing cannot start: {Address(bind.Message, settings)} is already in use by another program; set Urls (--urls http://localhost:5001, or the setting Urls) to a free address.",
        InvalidDataException { InnerException: FormatException } file => BrokenSettingsFile(file),
        OptionsValidationException options => Settings(options.Failures),
        AggregateException { InnerExceptions: [_, ..] } all when all.InnerExceptions.All(i => i is OptionsValidationException) =>
            Settings(all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(o => o.Failures)),
        _ => null,
    };

    /// <summary>Settings that stop the start: a heading, then one line per problem with the setting, its value and what is allowed.</summary>
    public static string Settings(IEnumerable<string> problems) =>
        "Timing cannot start; fix these settings first:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Distinct().Select(p => "- " + p));

    private static string BrokenSettingsFile(InvalidDataException e)
    {
        var path = QuotedPath().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : "appsettings.json";
        var reason = e.InnerException?.InnerException is JsonException json
            ? $"line {json.LineNumber + 1}: {json.Message.Split(" LineNumber:", 2)[0].TrimEnd('.')}"
            : e.InnerException!.Message.TrimEnd('.');
        return $"Timing cannot start: the settings file {path} is not valid JSON ({reason}); fix it or remove it (appsettings.example.json lists every setting).";
    }

    private static string Address(string message, IConfiguration? settings) =>
        BindAddress().Match(message) is { Success: true } m ? m.Groups[1].Value : settings?["urls"] ?? "the address";

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedPath();

    [GeneratedRegex(@"bind to address (\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindAddress();
}
