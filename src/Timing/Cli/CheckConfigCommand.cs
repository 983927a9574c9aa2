using System.CommandLine;
using Timing.Rules;

namespace Timing.Cli;

/// <summary><c>timing check-config [--config-dir DIR]</c>: validates the rule files and lists every problem.</summary>
public static class CheckConfigCommand
{
    public static Command Create(CliContext context)
    {
        var configDir = new Option<string>("--config-dir") { Description = "Folder with cycle.json, elections.json and meetings.json." };
        var command = new Command("check-config", "Controleert de regelbestanden in config/ (cycle.json, elections.json, meetings.json) / Validates the rule files in config/.") { configDir };
        command.SetAction(parsed =>
        {
            var directory = CommandLine.ConfigDirectory(context.Settings, parsed.GetValue(configDir));
            var result = CycleRulesLoader.Load(directory);
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                {
                    context.Error.WriteLine(problem);
                }
                context.Error.WriteLine($"{result.Problems.Count} problem(s) in {directory}.");
                return 1;
            }
            var meetings = Meetings.MeetingRulesLoader.Load(directory, result.Rules!.Moments.Select(m => m.Kind).ToArray());
            if (!meetings.IsValid)
            {
                foreach (var problem in meetings.Problems)
                {
                    context.Error.WriteLine(problem);
                }
                context.Error.WriteLine($"{meetings.Problems.Count} problem(s) in {directory}.");
                return 1;
            }
            var rules = result.Rules!;
            context.Output.WriteLine(
                $"Configuratie in orde / configuration OK: {directory} — {rules.Moments.Count} moments, {rules.Phases.Count} phases, " +
                $"{rules.Elections.Exceptions.Count} statutory exceptions, {rules.Elections.OtherElections.Count} other elections, {meetings.Rules!.Moments.Count} meeting rules.");
            return 0;
        });
        return command;
    }
}
