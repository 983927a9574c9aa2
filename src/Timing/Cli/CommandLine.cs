using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;

namespace Timing.Cli;

/// <summary>
/// The verbs of the <c>timing</c> program. Without a verb (or with <c>serve</c>) the program runs the service;
/// an unknown verb is bad input.
/// Exit codes: 0 done, 1 configuration problems or a failed operation, 2 bad input on the command line.
/// </summary>
public static partial class CommandLine
{
    /// <summary>The verbs, in the order <c>timing --help</c> lists them.</summary>
    public static readonly string[] Verbs = ["serve", "plan", "check-config", "migrate", "municipalities", "add-director", "add-operator", "meetings", "facts", "nudges", "backup", "restore", "demo"];

    private static readonly string[] HelpOptions = ["--help", "-h", "-?", "--version"];

    /// <summary>
    /// Whether the arguments ask for a command rather than the service. Only no arguments, options
    /// alone (<c>--urls …</c>) or <c>serve</c> start the service; any other first word is a verb or a mistake.
    /// <c>serve --help</c> describes the service instead of starting it.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] == "serve"
            ? args.Skip(1).Any(a => HelpOptions.Contains(a, StringComparer.Ordinal))
            : !args[0].StartsWith('-') || HelpOptions.Contains(args[0], StringComparer.Ordinal));

    /// <summary>
    /// The host's own settings that are one word, so <c>--urls http://…</c> is a setting while <c>--hlep</c> is a typo.
    /// Settings of a section (<c>--Storage:SqlitePath …</c>) and any <c>--Key=value</c> are settings too.
    /// </summary>
    private static readonly string[] HostSettings =
    [
        "urls", "http_ports", "https_ports", "environment", "contentRoot", "webroot", "applicationName", "AllowedHosts",
        "detailedErrors", "shutdownTimeoutSeconds", "captureStartupErrors", "suppressStatusMessages", "preferHostingUrls",
        "preventHostingStartup", "hostingStartupAssemblies", "hostingStartupExcludeAssemblies",
    ];

    private const string ServiceExpected =
        "expected a verb, or settings such as --urls http://localhost:5001, --environment NAME, --contentRoot DIR, --webroot DIR, --Section:Key=value or --Key=value (see timing --help)";

    /// <summary>
    /// The arguments of the service (after <c>serve</c>, or options alone) are settings, read the way the host
    /// reads them: <c>--Key=value</c>, <c>--Section:Key value</c>, a host setting such as <c>--urls value</c>, or
    /// <c>Key=value</c>. The host would silently ignore a single-dash word or take the next setting as the value of
    /// a misspelt one; this names the first such argument, or returns null when every argument is a setting.
    /// </summary>
    public static string? ServiceArgumentProblem(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var keyStart = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : arg.StartsWith('-') ? -1 : 0;
            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            if (keyStart == -1)
            {
                return $"timing: '{arg}' is not a setting of the service; {ServiceExpected}.";
            }
            if (separator >= 0)
            {
                if (separator > keyStart)
                {
                    continue;
                }
                return $"timing: '{arg}' names no setting before '='; {ServiceExpected}.";
            }
            var key = arg[keyStart..];
            if (keyStart == 0 || key.Length == 0 || (!key.Contains(':', StringComparison.Ordinal) && !HostSettings.Contains(key, StringComparer.OrdinalIgnoreCase)))
            {
                return $"timing: '{arg}' is not a setting of the service; {ServiceExpected}.";
            }
            if (i + 1 == args.Count)
            {
                return $"timing: '{arg}' needs a value, e.g. {arg} VALUE or {arg}=VALUE.";
            }
            i++;
        }
        return null;
    }

    public static int Run(string[] args, CliContext context)
    {
        if (args.Length > 0 && !args[0].StartsWith('-') && !Verbs.Contains(args[0], StringComparer.Ordinal))
        {
            context.Error.WriteLine($"timing: '{args[0]}' is not a verb; expected one of: {string.Join(", ", Verbs)} (see timing --help).");
            return 2;
        }
        var root = new RootCommand("Timing: de politieke kalender voor wie met gemeenten werkt / the political calendar for people who work with municipalities.")
        {
            Serve(),
            PlanCommand.Create(context),
            CheckConfigCommand.Create(context),
            AdminCommands.Migrate(context),
            AdminCommands.Municipalities(context),
            AdminCommands.AddDirector(context),
            AdminCommands.AddOperator(context),
            MeetingsCommands.Create(context),
            FactsCommands.Create(context),
            NudgesCommands.Create(context),
            BackupCommands.Backup(context),
            BackupCommands.Restore(context),
            DemoCommands.Create(context),
        };
        var parsed = root.Parse(args);
        var verb = parsed.CommandResult.Command == root ? "timing" : $"timing {CommandPath(parsed.CommandResult.Command)}";
        if (parsed.Errors.Count > 0)
        {
            var usage = CommandPath(parsed.CommandResult.Command) switch
            {
                "plan" => PlanCommand.Usage,
                "meetings" or "meetings import" or "meetings source" => MeetingsCommands.Usage,
                "meetings explain" => MeetingsExplainCommand.Usage,
                "facts" or "facts list" or "facts revert" => FactsCommands.Usage,
                "nudges" or "nudges preview" => NudgesCommands.Usage,
                _ => Usage,
            };
            var message = PlainMessage(parsed.Errors[0].Message);
            // Timing's own checks already say what is expected; the parser's messages get the usage line.
            context.Error.WriteLine(message.Contains("; expected", StringComparison.Ordinal) ? $"{verb}: {message}" : $"{verb}: {message.TrimEnd('.')}; expected: {usage}");
            return 2;
        }
        // A command that runs (not --help) needs settings it can bind: each value of the wrong kind is one line.
        if (parsed.Action is { } action && action == parsed.CommandResult.Command.Action && Rules.SettingsServiceCollectionExtensions.SettingProblems(CliServices.Register(new ServiceCollection(), context.Settings), context.Settings) is [_, ..] problems)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"{verb}: {problem}");
            }
            return 1;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"{verb}: {e.Message}");
            return 2;
        }
        catch (Storage.StorageUnavailableException e)
        {
            context.Error.WriteLine($"{verb}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (SettingFailures(e) is [_, ..] failures)
        {
            // Settings and rule files that fail their validation (checked when a command starts its services): one line each.
            foreach (var failure in failures)
            {
                context.Error.WriteLine($"{verb}: {failure}");
            }
            return 1;
        }
    }

    private static string[] SettingFailures(Exception e) => e switch
    {
        OptionsValidationException options => [.. options.Failures.Distinct()],
        AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(o => o.Failures).Distinct()],
        _ => [],
    };

    /// <summary>
    /// The parser's message in plain words on one line: a value that does not convert names the option and the kind
    /// of value expected, never a .NET type; a list of choices is joined onto the line.
    /// </summary>
    internal static string PlainMessage(string message)
    {
        if (CannotParse().Match(message) is { Success: true } m)
        {
            var kind = m.Groups["type"].Value switch
            {
                "System.Int32" or "System.Int64" => "a whole number",
                "System.Boolean" => "true or false",
                _ => "a value of the right kind",
            };
            return $"{m.Groups["option"].Value} '{m.Groups["value"].Value}' cannot be read; expected {kind}.";
        }
        return Whitespace().Replace(message, " ").Trim();
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command) '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex Whitespace();

    /// <summary>
    /// <c>serve</c> as it appears in <c>timing --help</c>. The program starts the service itself before
    /// the command line is parsed, so this command only describes it.
    /// </summary>
    private static Command Serve() =>
        new("serve", "Start de dienst (ook zonder werkwoord) / Runs the service (also without a verb); options such as --urls http://localhost:5000 or --Storage:SqlitePath=… override settings.");

    private static string CommandPath(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault(p => p is not RootCommand) is { } parent ? $"{parent.Name} {command.Name}" : command.Name;

    public const string Usage = "timing [serve | plan | check-config | migrate | municipalities import FILE | add-director | add-operator | meetings import|source|explain | facts list|revert | nudges preview | backup FILE | restore FILE [--force] | demo seed] [options]; see timing --help";

    /// <summary>The configuration folder a command uses: --config-dir, else the Timing:ConfigDirectory setting, else the shipped folder.</summary>
    internal static string ConfigDirectory(IConfiguration settings, string? option) =>
        option ?? settings.GetSection(Rules.TimingOptions.Section).Get<Rules.TimingOptions>()?.ResolvedConfigDirectory
        ?? new Rules.TimingOptions().ResolvedConfigDirectory;
}
