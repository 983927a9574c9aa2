using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Timing.Cli;

/// <summary>
/// The verbs of the <c>timing</c> program. Without a verb (or with <c>serve</c>) the program runs the service;
/// an unknown verb is bad input.
/// Exit codes: 0 done, 1 configuration problems or a failed operation, 2 bad input on the command line.
/// </summary>
public static class CommandLine
{
    /// <summary>The verbs, in the order <c>timing --help</c> lists them.</summary>
    public static readonly string[] Verbs = ["serve", "plan", "check-config", "migrate", "municipalities", "add-director", "add-operator", "meetings", "facts"];

    private static readonly string[] HelpOptions = ["--help", "-h", "-?", "--version"];

    /// <summary>
    /// Whether the arguments ask for a command rather than the service. Only no arguments, options
    /// alone (<c>--urls …</c>) or <c>serve</c> start the service; any other first word is a verb or a mistake.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && args[0] != "serve" && (!args[0].StartsWith('-') || HelpOptions.Contains(args[0], StringComparer.Ordinal));

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
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var verb = parsed.CommandResult.Command == root ? "timing" : $"timing {parsed.CommandResult.Command.Name}";
            var usage = CommandPath(parsed.CommandResult.Command) switch
            {
                "plan" => PlanCommand.Usage,
                "meetings" or "meetings import" or "meetings source" => MeetingsCommands.Usage,
                "facts" or "facts list" or "facts revert" => FactsCommands.Usage,
                _ => Usage,
            };
            context.Error.WriteLine($"{verb}: {parsed.Errors[0].Message.TrimEnd('.')}; expected: {usage}");
            return 2;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"timing {CommandPath(parsed.CommandResult.Command)}: {e.Message}");
            return 2;
        }
        catch (Storage.StorageUnavailableException e)
        {
            context.Error.WriteLine($"timing {CommandPath(parsed.CommandResult.Command)}: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// <c>serve</c> as it appears in <c>timing --help</c>. The program starts the service itself before
    /// the command line is parsed, so this command only describes it.
    /// </summary>
    private static Command Serve() =>
        new("serve", "Start de dienst (ook zonder werkwoord) / Runs the service (also without a verb); options such as --urls http://localhost:5000 or --Storage:SqlitePath=… override settings.");

    private static string CommandPath(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault(p => p is not RootCommand) is { } parent ? $"{parent.Name} {command.Name}" : command.Name;

    public const string Usage = "timing [serve | plan | check-config | migrate | municipalities import FILE | add-director | add-operator | meetings import|source | facts list|revert] [options]; see timing --help";

    /// <summary>The configuration folder a command uses: --config-dir, else the Timing:ConfigDirectory setting, else the shipped folder.</summary>
    internal static string ConfigDirectory(IConfiguration settings, string? option) =>
        option ?? settings.GetSection(Rules.TimingOptions.Section).Get<Rules.TimingOptions>()?.ResolvedConfigDirectory
        ?? new Rules.TimingOptions().ResolvedConfigDirectory;
}
