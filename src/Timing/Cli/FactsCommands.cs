using System.CommandLine;
using Timing.Facts;
using Timing.Storage;

namespace Timing.Cli;

/// <summary><c>timing facts list|revert</c>: an operator reads and reverts a municipality's public facts.</summary>
public static class FactsCommands
{
    public const string Usage = "timing facts list --municipality GM0344 | timing facts revert --municipality GM0344 --kind KIND --cycle YEAR [--by NAME]";

    public static Command Create(CliContext context) =>
        new("facts", "Openbare feiten per gemeente / Public facts per municipality.") { List(context), Revert(context) };

    private static Command List(CliContext context)
    {
        var municipality = new Option<string>("--municipality", "-m") { Description = "CBS code, e.g. GM0344.", Required = true };
        var command = new Command("list", "Toont de feiten en hun geschiedenis / Lists the facts and their history.") { municipality };
        command.SetAction(parsed => MeetingsCommands.Run(context, async services =>
        {
            var code = InputParsers.Municipality(parsed.GetValue(municipality)!).Value;
            var history = await PublicFactRows.HistoryAsync(services.GetRequiredService<TimingDbContext>(), code, 500, CancellationToken.None);
            if (history.Count == 0)
            {
                context.Output.WriteLine($"{code}: geen openbare feiten / no public facts.");
                return 0;
            }
            foreach (var f in history)
            {
                var state = f.Reverted is { } r ? $"teruggedraaid / reverted {r} by {f.RevertedBy}" : "";
                context.Output.WriteLine($"{f.Kind}/{f.Cycle}  {PublicFactRows.Describe(f.Start, f.End)}  {PublicFactRows.SourceText(f)}  set by {f.SetBy} {f.SetAt}  {state}".TrimEnd());
            }
            return 0;
        }));
        return command;
    }

    private static Command Revert(CliContext context)
    {
        var municipality = new Option<string>("--municipality", "-m") { Description = "CBS code, e.g. GM0344.", Required = true };
        var kind = new Option<string>("--kind") { Description = "Moment kind, e.g. budget-debate.", Required = true };
        var cycleOption = new Option<int>("--cycle")
        {
            Description = "Cycle (election year, or calendar year for yearly moments).",
            Required = true,
            CustomParser = result => InputParsers.Year(result, "--cycle"),
        };
        var by = new Option<string>("--by") { Description = "Who reverts (for the audit trail). Default: the user running the command." };
        var command = new Command("revert", "Draait de huidige waarde van een feit terug / Reverts a fact's current value.") { municipality, kind, cycleOption, by };
        command.SetAction(parsed =>
        {
            // The input is checked before the database is opened.
            var code = InputParsers.Municipality(parsed.GetValue(municipality)!).Value;
            var k = parsed.GetValue(kind)!;
            var who = "operator:" + InputParsers.Text(parsed.GetValue(by) ?? Environment.UserName, "--by", Web.TextLimits.PersonName, required: true);
            return MeetingsCommands.Run(context, services => RevertAsync(context, services, code, k, parsed.GetValue(cycleOption), who));
        });
        return command;
    }

    private static async Task<int> RevertAsync(CliContext context, IServiceProvider services, string code, string k, int cycle, string who)
    {
        if (services.GetRequiredService<Core.Cycle.CycleRules>().Find(k) is null)
        {
            throw new UsageException($"--kind '{k}' is not a moment kind; expected one of the ids in config/cycle.json, e.g. budget-debate.");
        }
        var db = services.GetRequiredService<TimingDbContext>();
        var reverted = await PublicFactRows.RevertAsync(db, code, k, cycle, who, services.GetRequiredService<IClock>().GetCurrentInstant(), CancellationToken.None);
        if (reverted is null)
        {
            context.Error.WriteLine($"{code}: geen openbaar feit voor / no public fact for {k}/{cycle}; nothing changed.");
            return 1;
        }
        var now = (await PublicFactRows.CurrentAsync(db, [code], CancellationToken.None)).FirstOrDefault(f => f.Kind == k && f.Cycle == cycle);
        context.Output.WriteLine($"{code} {k}/{cycle}: {PublicFactRows.Describe(reverted.Start, reverted.End)} teruggedraaid / reverted; " +
            (now is null ? "nu geldt de regel / the rules apply again." : $"nu geldt / now {PublicFactRows.Describe(now.Start, now.End)} ({PublicFactRows.SourceText(now)})."));
        await services.GetRequiredService<Worker.NudgeOutbox>().PlanAsync(CancellationToken.None);
        return 0;
    }
}
