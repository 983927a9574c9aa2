using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Web.Pages.People;

/// <summary>A director's view of one person's reminders: pending, sent, failed and the rest, newest first.</summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class PersonNudgesModel(TimingDbContext db, Timing.Core.Cycle.CycleRules rules) : PageModel
{
    public Timing.Core.Cycle.CycleRules Rules => rules;

    public Person? Person { get; private set; }

    public IReadOnlyList<Nudge> Nudges { get; private set; } = [];

    public string Counts { get; private set; } = "";

    /// <summary>The committee meetings the listed speaking-rights nudges are about.</summary>
    public IReadOnlyDictionary<long, Meeting> Meetings { get; private set; } = new Dictionary<long, Meeting>();

    /// <summary>What a listed nudge is about, in words: a moment and its lead, a speaking-rights nudge with its meeting, or a digest.</summary>
    public string SubjectOf(Nudge nudge)
    {
        var language = Ui.Language(HttpContext);
        if (nudge.Kind != NudgeKinds.Speaking)
        {
            return SubjectNames.Nudge(nudge.Subject, nudge.LeadId, rules, language);
        }
        var meeting = Timing.Worker.SpeakingOutbox.MeetingId(nudge.Subject) is { } id ? Meetings.GetValueOrDefault(id) : null;
        return Timing.Mail.SpeakingContent.ListName(language, Timing.Core.Meetings.SpeakingRights.ParseLead(nudge.LeadId), meeting?.Title ?? "",
            meeting?.Date);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken);
        if (Person is null)
        {
            return NotFound();
        }
        Nudges = await db.Nudges.AsNoTracking().Where(n => n.PersonId == id && n.State != NudgeStates.Retracted)
            .OrderByDescending(n => n.Due).Take(200).ToListAsync(cancellationToken);
        var meetingIds = Nudges.Where(n => n.Kind == NudgeKinds.Speaking).Select(n => Timing.Worker.SpeakingOutbox.MeetingId(n.Subject)).OfType<long>().Distinct().ToList();
        Meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        Counts = string.Join(" · ", Nudges.GroupBy(n => n.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{StateName(g.Key)}: {g.Count()}"));
        return Page();
    }

    /// <summary>A director's deliberate resend of a failed or uncertain nudge: back in the queue, same message and Message-ID.</summary>
    public async Task<IActionResult> OnPostResendAsync(int id, [FromForm] long nudgeId, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        var resent = await db.Nudges.Where(n => n.Id == nudgeId && n.PersonId == id && (n.State == NudgeStates.Failed || n.State == NudgeStates.Uncertain))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NudgeStates.Pending)
                .SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NextAttempt, Nudge.Immediately)
                .SetProperty(n => n.LastError, (string?)null), cancellationToken);
        TempData.Flash(resent > 0
            ? HttpContext.T($"De herinnering voor {person.Email} staat opnieuw in de wachtrij en gaat binnen een paar minuten weg, met hetzelfde Message-ID.",
                $"The reminder for {person.Email} is queued again and goes out within a few minutes, with the same Message-ID.")
            : HttpContext.T("Niets gewijzigd: deze herinnering stond al in de wachtrij of is al verstuurd.", "Nothing changed: this reminder was already queued or has been sent."));
        return Redirect($"/mensen/{id}");
    }

    /// <summary>"Coalitieakkoord (2030), Utrecht: 14 dagen vóór het begin" for a nudge; the week for a digest.</summary>
    public string SubjectText(Nudge nudge)
    {
        var lang = Ui.Language(HttpContext);
        var parts = nudge.Subject.Split('/');
        if (nudge.Kind == NudgeKinds.Digest || parts.Length < 3)
        {
            return HttpContext.T("Weekoverzicht ", "Weekly digest ") + nudge.Subject;
        }
        var title = rules.Moments.FirstOrDefault(d => d.Kind == parts[1])?.GenericName(lang) ?? parts[1];
        var lead = nudge.LeadId.Split('-', 2);
        var when = lead.Length == 2 && NodaTime.Text.PeriodPattern.NormalizingIso.Parse(lead[1]) is { Success: true } parsed
            ? $"{PeriodText(parsed.Value)} {(lead[0] == "end" ? HttpContext.T("vóór het einde", "before the end") : HttpContext.T("vóór het begin", "before the start"))}"
            : nudge.LeadId;
        return $"{title} ({parts[2]}), {parts[0]}: {when}";
    }

    private string PeriodText(Period period)
    {
        var parts = new List<string>();
        void Add(long n, string nl1, string nlN, string en1, string enN)
        {
            if (n != 0)
            {
                parts.Add(HttpContext.T($"{n} {(n == 1 ? nl1 : nlN)}", $"{n} {(n == 1 ? en1 : enN)}"));
            }
        }
        Add(period.Years, "jaar", "jaar", "year", "years");
        Add(period.Months, "maand", "maanden", "month", "months");
        Add(period.Weeks, "week", "weken", "week", "weeks");
        Add(period.Days, "dag", "dagen", "day", "days");
        return parts.Count == 0 ? HttpContext.T("op de dag zelf", "on the day") : string.Join(" ", parts);
    }

    public string StateName(string state) => state switch
    {
        NudgeStates.Pending => HttpContext.T("gepland", "pending"),
        NudgeStates.Sent => HttpContext.T("verstuurd", "sent"),
        NudgeStates.Failed => HttpContext.T("mislukt", "failed"),
        NudgeStates.Uncertain => HttpContext.T("onzeker (niet opnieuw verstuurd)", "uncertain (not resent)"),
        _ => HttpContext.T("bezig", "in progress"),
    };
}
