using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Meetings;
using Timing.Storage;

namespace Timing.Cli;

/// <summary>
/// <c>timing meetings explain</c>: which meeting rule matched which title or agenda item, and why another did not,
/// for one stored meeting or for a title typed on the command line. Reads only; changes nothing.
/// </summary>
public static class MeetingsExplainCommand
{
    public const string Usage =
        "timing meetings explain (--municipality GM0344 (--id ID | --date YYYY-MM-DD --title TITLE) | --title TITLE [--committee NAME]) [--item AGENDA_ITEM]...";

    public static Command Create(CliContext context)
    {
        var municipality = new Option<string>("--municipality", "-m") { Description = "CBS code of a stored meeting, e.g. GM0344." };
        var id = new Option<string>("--id") { Description = "The stored meeting's number, or its id in the source (an iCalendar UID, a Notubiz event id)." };
        var date = new Option<string>("--date") { Description = "The meeting day, with --title, to find a stored meeting." };
        var title = new Option<string>("--title") { Description = "The meeting's title; without --municipality it is explained as typed." };
        var committee = new Option<string>("--committee") { Description = "The committee (gremium) name, for a typed title." };
        var items = new Option<string[]>("--item")
        {
            Description = "An agenda item title; repeat for several. Added to a stored meeting's agenda.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("explain", "Legt uit wat de regels van een vergadering maken / Explains what the rules make of a meeting.")
        {
            municipality, id, date, title, committee, items,
        };
        command.SetAction(parsed =>
        {
            var agenda = (parsed.GetValue(items) ?? []).Select(i => InputParsers.Text(i, "--item", 500)).Where(i => i.Length > 0).ToList();
            if (parsed.GetValue(municipality) is not { } given)
            {
                if (parsed.GetValue(id) is not null || parsed.GetValue(date) is not null)
                {
                    throw new UsageException("--id and --date find a stored meeting and need --municipality; expected: " + Usage);
                }
                var typed = InputParsers.Text(parsed.GetValue(title), "--title", 500);
                if (typed.Length == 0)
                {
                    throw new UsageException("give --title (and --item lines), or --municipality with --id or --date and --title; expected: " + Usage);
                }
                var typedCommittee = InputParsers.Text(parsed.GetValue(committee), "--committee", 200);
                // A typed meeting needs only the rules: the database is not opened.
                using var rulesOnly = CliServices.StartReadOnly(context, new Dictionary<string, string?>(), rulesOnly: true);
                var header = $"'{typed}'" + (typedCommittee.Length > 0 ? $" [{typedCommittee}]" : "");
                Print(context, header, agenda, rulesOnly.GetRequiredService<MeetingRules>().Match(typed, typedCommittee, agenda));
                return 0;
            }
            var code = InputParsers.Municipality(given).Value;
            return MeetingsCommands.Run(context, async services =>
            {
                var meeting = await FindAsync(services.GetRequiredService<TimingDbContext>(), code, parsed.GetValue(id), parsed.GetValue(date), parsed.GetValue(title));
                if (meeting is null)
                {
                    context.Error.WriteLine($"{code}: geen opgeslagen vergadering gevonden / no stored meeting found; `timing meetings import` or the worker stores them.");
                    return 1;
                }
                // The agenda the source gave is stored with the meeting; items typed with --item are read with it.
                var all = meeting.AgendaItemList.Concat(agenda).ToList();
                var header = $"'{meeting.Title}'" + (meeting.Committee.Length > 0 ? $" [{meeting.Committee}]" : "")
                    + $" {meeting.Date:yyyy-MM-dd} ({code}, #{meeting.Id.ToString(CultureInfo.InvariantCulture)}, {meeting.SourceKind} {meeting.ExternalId})";
                Print(context, header, all, services.GetRequiredService<MeetingRules>().Match(meeting.Title, meeting.Committee, all));
                var stored = meeting.Kind.Length == 0 ? "geen moment / no moment"
                    : $"{meeting.Kind}, " + (meeting.Certain ? "zeker / certain" : meeting.ConfirmedBy.Length > 0 ? $"bevestigd door / confirmed by {meeting.ConfirmedBy}" : "te bevestigen / to confirm");
                context.Output.WriteLine($"Opgeslagen / stored: {meeting.Category}, {stored}");
                return 0;
            });
        });
        return command;
    }

    private static async Task<Meeting?> FindAsync(TimingDbContext db, string code, string? id, string? date, string? title)
    {
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Code == code);
        if (id is not null)
        {
            var external = InputParsers.Text(id, "--id", 300);
            return long.TryParse(external, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? await meetings.FirstOrDefaultAsync(m => m.Id == number || m.ExternalId == external)
                : await meetings.FirstOrDefaultAsync(m => m.ExternalId == external);
        }
        if (date is null || title is null)
        {
            throw new UsageException("a stored meeting is found by --id, or by --date and --title; expected: " + Usage);
        }
        var day = InputParsers.Date(date, "--date");
        var wanted = InputParsers.Text(title, "--title", 500);
        var onDay = await meetings.Where(m => m.Date == day).ToListAsync();
        return onDay.FirstOrDefault(m => string.Equals(m.Title, wanted, StringComparison.OrdinalIgnoreCase))
            ?? onDay.FirstOrDefault(m => m.Title.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static void Print(CliContext context, string meeting, IReadOnlyList<string> agenda, MeetingMatches match)
    {
        var o = context.Output;
        o.WriteLine($"Vergadering / meeting: {meeting}");
        o.WriteLine(agenda.Count == 0 ? "Agenda: geen punten / no items" : $"Agenda: {agenda.Count} punten / items");
        o.WriteLine("Stappen / steps:");
        foreach (var step in match.Steps)
        {
            o.WriteLine($"  {step}");
        }
        o.WriteLine("Uitkomst / outcome:");
        if (match.Cancelled)
        {
            o.WriteLine("  geannuleerd: wordt weggelaten / cancelled: left out");
            return;
        }
        if (!match.IsMatched)
        {
            o.WriteLine("  geen moment / no moment");
        }
        foreach (var m in match.Moments)
        {
            var from = m.Citation.Length == 0 ? "titel / title" : m.Citation;
            o.WriteLine(m.Certain ? $"  → {m.Kind} (zeker / certain) — {from}" : $"  → {m.Kind}? bevestigen / to confirm — {from}: {m.Reason}");
        }
    }
}
