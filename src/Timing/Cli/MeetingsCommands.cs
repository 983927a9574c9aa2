using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Meetings;
using Timing.Storage;

namespace Timing.Cli;

/// <summary><c>timing meetings import|source|explain</c>: an operator reads or connects a municipality's meeting calendar, or asks what the rules made of a meeting.</summary>
public static class MeetingsCommands
{
    public const string Usage =
        "timing meetings import --municipality GM0344 FILE|URL | " + MeetingsExplainCommand.Usage + " | timing meetings source --municipality GM0344 (--ical URL|FILE | --notubiz ORGANISATION_ID | --openbesluitvorming [SOURCE_KEY] | --remove)";

    public static Command Create(CliContext context)
    {
        return new Command("meetings", "Vergaderkalenders van gemeenteraden / Council meeting calendars.") { Import(context), Source(context), MeetingsExplainCommand.Create(context) };
    }

    private static Command Import(CliContext context)
    {
        var municipality = new Option<string>("--municipality", "-m") { Description = "CBS code, e.g. GM0344.", Required = true };
        var address = new Argument<string>("source") { Description = "An iCalendar file or http(s) address (the council's own export)." };
        var command = new Command("import", "Leest één keer een vergaderkalender in / Reads a meeting calendar once.") { municipality, address };
        command.SetAction(parsed => Run(context, async services =>
        {
            var code = InputParsers.Municipality(parsed.GetValue(municipality)!).Value;
            var source = parsed.GetValue(address)!;
            if (!MeetingFetcher.IsHttp(source))
            {
                source = UserPaths.ExistingFile(source)
                    ?? throw new UsageException($"'{source}' is neither an http(s) address nor an existing file (looked in {Environment.CurrentDirectory}); expected an iCalendar file or URL.");
            }
            var result = await services.GetRequiredService<MeetingFetcher>().FetchIcsAsync(source, "", "", CancellationToken.None);
            if (result.Status != FetchStatus.Fetched)
            {
                context.Error.WriteLine($"Niets ingelezen; er is niets veranderd: {result.Error!.Nl} / nothing imported, nothing changed: {result.Error.En}");
                return 1;
            }
            var report = await services.GetRequiredService<MeetingImporter>().StoreAsync(code, MeetingSourceKinds.Ical, source, result.Meetings, result.Skipped, CancellationToken.None);
            Print(context, code, report);
            // Facts move moment nudges; committee meetings bring speaking-rights nudges.
            await services.GetRequiredService<Worker.NudgeOutbox>().PlanAsync(CancellationToken.None);
            return 0;
        }));
        return command;
    }

    private static void Print(CliContext context, string code, MeetingImporter.Report report)
    {
        var o = context.Output;
        o.WriteLine($"{code}: {report.Lines.Count} vergaderingen gelezen / meetings read ({report.Lines.Count(l => l.IsNew)} nieuw / new).");
        foreach (var line in report.Lines)
        {
            var m = line.Match;
            var what = !m.IsMatched ? "geen moment / no moment"
                : string.Join("; ", m.Moments.Select(x => (x.Certain ? $"→ {x.Kind} (zeker / certain)" : $"→ {x.Kind}? bevestigen / to confirm: {x.Reason}")
                    + (x.Citation.Length > 0 ? $" — {x.Citation}" : "")));
            var committee = line.Meeting.Committee.Length > 0 ? $" [{line.Meeting.Committee}]" : "";
            o.WriteLine($"  {line.Meeting.Date:yyyy-MM-dd}  {line.Meeting.Title}{committee}  {Category(m.Category)}  {what}");
        }
        foreach (var warning in report.Warnings)
        {
            o.WriteLine($"Let op: {warning.Nl}. / Note: {warning.En}.");
        }
        if (report.FactsSet.Count == 0)
        {
            o.WriteLine("Openbare feiten ongewijzigd / public facts unchanged.");
            return;
        }
        o.WriteLine("Openbare feiten gezet / public facts set:");
        foreach (var fact in report.FactsSet)
        {
            o.WriteLine($"  {fact.Kind}/{fact.Cycle}: {Facts.PublicFactRows.Describe(fact.Start, fact.End)} (basis local) — {Facts.PublicFactRows.SourceText(fact)}");
        }
    }

    private static string Category(MeetingCategory category) => category switch
    {
        MeetingCategory.Council => "raad / council",
        MeetingCategory.Committee => "commissie / committee",
        MeetingCategory.Information => "informatie / information",
        _ => "overig / other",
    };

    private static Command Source(CliContext context)
    {
        var municipality = new Option<string>("--municipality", "-m") { Description = "CBS code, e.g. GM0344.", Required = true };
        var ical = new Option<string>("--ical") { Description = "The council's iCalendar export: an http(s) address or a file." };
        var notubiz = new Option<string>("--notubiz") { Description = "The Notubiz organisation id of the council." };
        var openBesluitvorming = new Option<string>("--openbesluitvorming")
        {
            Description = "Read the meetings from OpenBesluitvorming. Without a value the CBS code is looked up in its /api/status; or give the source key, e.g. utrecht.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var remove = new Option<bool>("--remove") { Description = "Stop reading this municipality's meetings (stored meetings and facts stay)." };
        var by = new Option<string>("--by") { Description = "Who configures it (for the record). Default: the user running the command." };
        var command = new Command("source", "Stelt in waar de vergaderingen vandaan komen / Configures where meetings come from.") { municipality, ical, notubiz, openBesluitvorming, remove, by };
        command.SetAction(parsed => Run(context, async services =>
        {
            var code = InputParsers.Municipality(parsed.GetValue(municipality)!).Value;
            var wantsOpenBesluitvorming = parsed.GetResult(openBesluitvorming) is not null;
            var chosen = new[] { parsed.GetValue(ical) is not null, parsed.GetValue(notubiz) is not null, wantsOpenBesluitvorming, parsed.GetValue(remove) }.Count(x => x);
            if (chosen != 1)
            {
                throw new UsageException("give exactly one of --ical URL|FILE, --notubiz ORGANISATION_ID, --openbesluitvorming [SOURCE_KEY] or --remove.");
            }
            var db = services.GetRequiredService<TimingDbContext>();
            var now = services.GetRequiredService<IClock>().GetCurrentInstant();
            if (parsed.GetValue(remove))
            {
                if (!await MeetingSourceConnections.DisconnectAsync(db, code, now, CancellationToken.None))
                {
                    context.Error.WriteLine($"{code}: geen vergaderkalender gekoppeld; er is niets veranderd / no meeting source was connected; nothing changed.");
                    return 1;
                }
                context.Output.WriteLine($"{code}: vergaderkalender losgekoppeld / meeting source removed; stored meetings and public facts stay. Timing zoekt niet zelf opnieuw / Timing does not search again by itself.");
                return 0;
            }
            string kind, value;
            var detail = "";
            if (wantsOpenBesluitvorming)
            {
                kind = MeetingSourceKinds.OpenBesluitvorming;
                var mapped = await OpenBesluitvormingMapping.MapAsync(services.GetRequiredService<OpenBesluitvormingReader>(), code,
                    parsed.GetValue(openBesluitvorming)?.Trim() ?? "", CancellationToken.None);
                if (mapped.Key is null)
                {
                    context.Error.WriteLine($"{mapped.Problem!.Nl} Er is niets veranderd. / {mapped.Problem.En} Nothing changed.");
                    return 1;
                }
                (value, detail) = (mapped.Key, mapped.Detail);
                detail += $"; {OpenBesluitvormingReader.SeesAheadNote}";
            }
            else
            {
                (kind, value) = parsed.GetValue(ical) is { } i ? (MeetingSourceKinds.Ical, i) : (MeetingSourceKinds.Notubiz, parsed.GetValue(notubiz)!);
            }
            if (kind == MeetingSourceKinds.Ical && !MeetingFetcher.IsHttp(value))
            {
                value = UserPaths.ExistingFile(value)
                    ?? throw new UsageException($"--ical '{value}' is neither an http(s) address nor an existing file (looked in {Environment.CurrentDirectory}).");
            }
            if (kind == MeetingSourceKinds.Notubiz && !(int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0))
            {
                throw new UsageException($"--notubiz '{value}' is not a Notubiz organisation id; expected a whole number above 0, e.g. 686.");
            }
            var row = await MeetingSourceConnections.ConnectAsync(db, code, kind, value, parsed.GetValue(by) ?? Environment.UserName, now, CancellationToken.None);
            context.Output.WriteLine($"{code}: vergaderingen komen uit / meetings come from {kind} {row.Address}{detail}; de achtergrondtaak leest die binnen het uur / the worker reads it within the hour.");
            return 0;
        }));
        return command;
    }

    internal static int Run(CliContext context, Func<IServiceProvider, Task<int>> action)
    {
        using var services = CliServices.StartAsync(context, new Dictionary<string, string?>()).GetAwaiter().GetResult();
        using var scope = services.CreateScope();
        return action(scope.ServiceProvider).GetAwaiter().GetResult();
    }
}
