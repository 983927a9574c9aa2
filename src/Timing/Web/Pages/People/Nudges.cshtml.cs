using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;
using Timing.Web.Texts;

namespace Timing.Web.Pages.People;

/// <summary>
/// A director's view of one person's mail: what is planned, next first, then what went, newest first; one line per
/// moment, lead and day across municipalities; and a preview of the mail of any day, rendered as dispatch would.
/// </summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class PersonNudgesModel(TimingDbContext db, Timing.Core.Cycle.CycleRules rules, Timing.Worker.NudgeRenderer renderer, Timing.Worker.NudgeOutbox outbox, IClock clock) : PageModel
{
    private const int Shown = 200;

    public Timing.Core.Cycle.CycleRules Rules => rules;

    public Person? Person { get; private set; }

    /// <summary>The rows as lines: the reminders of one moment, lead, day and state share a line across municipalities.</summary>
    public IReadOnlyList<IReadOnlyList<Nudge>> Lines { get; private set; } = [];

    public string Counts { get; private set; } = "";

    /// <summary>The organisation's municipalities by code, to name each reminder's.</summary>
    public IReadOnlyDictionary<string, string> MunicipalityNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The day asked for a preview, and the mail it would send (null: nothing is planned that day).</summary>
    public LocalDate? PreviewDay { get; private set; }

    public MimeKit.MimeMessage? Preview { get; private set; }

    /// <summary>The weekly digest of the previewed day, when it is the digest's Monday and the person chose one.</summary>
    public MimeKit.MimeMessage? PreviewDigest { get; private set; }

    /// <summary>Why the day asked for could not be read.</summary>
    public string? PreviewProblem { get; private set; }

    /// <summary>The next day with a planned reminder: what the preview form offers first.</summary>
    public LocalDate NextDay { get; private set; }

    /// <summary>The committee meetings the listed speaking-rights nudges are about.</summary>
    public IReadOnlyDictionary<long, Meeting> Meetings { get; private set; } = new Dictionary<long, Meeting>();

    /// <summary>What a listed nudge is about, in words: a moment and its lead, a speaking-rights nudge with its meeting, a day's mail, or a digest.</summary>
    public string SubjectOf(Nudge nudge)
    {
        var language = Ui.Language(HttpContext);
        if (nudge.Kind == NudgeKinds.Daily)
        {
            return PeopleTexts.ReminderMailOfTheDay.In(Ui.Language(HttpContext));
        }
        if (nudge.Kind != NudgeKinds.Speaking)
        {
            return SubjectNames.Nudge(nudge.Subject, nudge.LeadId, rules, language);
        }
        var meeting = Timing.Worker.SpeakingOutbox.MeetingId(nudge.Subject) is { } id ? Meetings.GetValueOrDefault(id) : null;
        return Timing.Mail.SpeakingContent.ListName(Timing.Core.Meetings.SpeakingRights.ParseLead(nudge.LeadId), meeting?.Title ?? "",
            meeting?.Date).In(language);
    }

    /// <summary>
    /// The municipalities of a line's reminders by name, "Amsterdam en Utrecht", whatever order their rows came in (the
    /// outbox's, or the plan's beyond it); empty for a mail.
    /// </summary>
    public string PlacesOf(IReadOnlyList<Nudge> line) => Timing.Core.Nudges.MomentLines.Names(line
        .Where(n => n.Kind is NudgeKinds.Nudge or NudgeKinds.Speaking)
        .Select(n => n.Subject.Split('/')[0]).Distinct().Select(code => MunicipalityNames.GetValueOrDefault(code) ?? code)
        .Order(StringComparer.Ordinal).ToList(), Ui.Language(HttpContext));

    public async Task<IActionResult> OnGetAsync(int id, string? preview, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken);
        if (Person is null)
        {
            return NotFound();
        }
        MunicipalityNames = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.OrganisationId == organisationId)
            .ToDictionaryAsync(m => m.Code, m => m.Name, cancellationToken);
        var mine = db.Nudges.AsNoTracking().Where(n => n.PersonId == id && n.State != NudgeStates.Retracted);
        // What comes next first, then what went, newest first.
        var planned = await mine.Where(n => n.State == NudgeStates.Pending).OrderBy(n => n.Due).ThenBy(n => n.Id).Take(Shown).ToListAsync(cancellationToken);
        if (planned.Count < Shown)
        {
            // The outbox holds the coming weeks; what the plan has after them is listed as planned too.
            var last = outbox.LastOutboxDay(Timing.Core.ProductTime.Today(clock));
            var later = await outbox.BeyondOutboxAsync(organisationId, id, cancellationToken);
            planned.AddRange(later.Where(n => n.Day > last && !planned.Any(p => p.Kind == n.Kind && p.Subject == n.Subject && p.LeadId == n.LeadId && p.Day == n.Day))
                .Take(Shown - planned.Count));
        }
        var done = await mine.Where(n => n.State != NudgeStates.Pending).OrderByDescending(n => n.Due).ThenBy(n => n.Id).Take(Shown).ToListAsync(cancellationToken);
        var nudges = planned.Concat(done).ToList();
        Lines = nudges.GroupBy(n => n.Kind == NudgeKinds.Nudge
                ? $"{n.Kind}|{n.Subject[(n.Subject.IndexOf('/', StringComparison.Ordinal) + 1)..]}|{n.LeadId}|{n.Day}|{n.State}"
                : n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => (IReadOnlyList<Nudge>)g.ToList()).ToList();
        var meetingIds = nudges.Where(n => n.Kind == NudgeKinds.Speaking).Select(n => Timing.Worker.SpeakingOutbox.MeetingId(n.Subject)).OfType<long>().Distinct().ToList();
        Meetings = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        // Counted as the list shows them: a line per moment, however many municipalities share it.
        Counts = string.Join(" · ", Lines.GroupBy(l => l[0].State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{StateName(g.Key)}: {g.Count()}"));
        NextDay = planned.FirstOrDefault(n => n.Kind is NudgeKinds.Nudge or NudgeKinds.Speaking)?.Day ?? Timing.Core.ProductTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(preview))
        {
            var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(preview.Trim());
            if (!parsed.Success || !Timing.Core.SupportedDates.Contains(parsed.Value))
            {
                PreviewProblem = PeopleTexts.NotADate(preview).In(Ui.Language(HttpContext));
            }
            else
            {
                PreviewDay = parsed.Value;
                Preview = await renderer.PreviewAsync(id, parsed.Value, cancellationToken);
                PreviewDigest = await renderer.PreviewDigestAsync(id, parsed.Value, cancellationToken);
            }
        }
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
        TempData.Flash((resent > 0 ? PeopleTexts.QueuedAgain(person.Email) : PeopleTexts.NothingChangedThisReminderWasAlready).In(Ui.Language(HttpContext)));
        return RedirectToPage("/People/Nudges", new { id });
    }

    public string StateName(string state) => state switch
    {
        NudgeStates.Pending => PeopleTexts.Pending.In(Ui.Language(HttpContext)),
        NudgeStates.Sent => PeopleTexts.Sent.In(Ui.Language(HttpContext)),
        NudgeStates.Failed => PeopleTexts.Failed.In(Ui.Language(HttpContext)),
        NudgeStates.Uncertain => PeopleTexts.UncertainNotResent.In(Ui.Language(HttpContext)),
        _ => PeopleTexts.InProgress.In(Ui.Language(HttpContext)),
    };
}
