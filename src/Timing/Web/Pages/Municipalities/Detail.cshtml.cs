using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

/// <summary>
/// A followed municipality for the task at hand: what is next and the forms a director uses first, then the
/// timeline (picture, then a list grouped by year), the entered dates and events, and who changed what.
/// Every form posts, redirects and shows what changed once (post/redirect/get).
/// </summary>
public sealed class DetailModel(TimingDbContext db, PageData data, CyclePlanner planner, CycleRules rules, IClock clock, Timing.Worker.PlanTrigger trigger,
    Timing.Meetings.MeetingImporter importer, Timing.Facts.PublicFactStore facts) : PageModel
{
    /// <summary>Meetings the rules matched to a moment without being sure: a director confirms them.</summary>
    public IReadOnlyList<Meeting> Uncertain { get; private set; } = [];

    /// <summary>Where the municipality's meetings come from, in one sentence.</summary>
    public Timing.Meetings.SourceFreshness? Freshness { get; private set; }

    /// <summary>How Timing found the meeting calendar itself, or how its search went (<see cref="DiscoveryText"/>).</summary>
    public string? Discovery { get; private set; }

    [BindProperty] public string? PublishKind { get; set; }
    [BindProperty] public string? PublishUrl { get; set; }
    [BindProperty] public long MeetingId { get; set; }

    public string? PublishError { get; private set; }

    public MunicipalityView? View { get; private set; }

    public CycleRules Rules => rules;

    public IReadOnlyList<DateChange> Changes { get; private set; } = [];

    /// <summary>Moment kinds that last more than a day in this municipality's timeline: their actual date takes an end.</summary>
    public IReadOnlySet<string> WindowKinds { get; private set; } = new HashSet<string>();

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public string? MergerDate { get; set; }
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public string? EventTitle { get; set; }
    [BindProperty] public string? EventDate { get; set; }
    [BindProperty] public string? EventKind { get; set; }

    public string? KindError { get; private set; }
    public string? DateError { get; private set; }
    public string? EndDateError { get; private set; }
    public string? MergerError { get; private set; }
    public string? EventError { get; private set; }
    public string? EventDateError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var row = await Load(code, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        MergerDate = row.MergerDate?.ToString("yyyy-MM-dd", null);
        return await Show(row, cancellationToken);
    }

    public async Task<IActionResult> OnPostActualAsync(string code, CancellationToken cancellationToken)
    {
        var (row, me, denied) = await ForChange(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(me);
        var lang = Ui.Language(HttpContext);
        if (Kind is null || rules.Find(Kind) is null)
        {
            KindError = HttpContext.T("Kies een moment uit de lijst.", "Choose a moment from the list.");
            return await Show(row, cancellationToken);
        }
        var start = LocalDatePattern.Iso.Parse(Date ?? "");
        if (!start.Success)
        {
            DateError = HttpContext.T("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-06-10.", "Enter a date as YYYY-MM-DD, for example 2026-06-10.");
            return await Show(row, cancellationToken);
        }
        if (!SupportedDates.Contains(start.Value))
        {
            DateError = SupportedDates.Problem.In(lang);
            return await Refuse(row, cancellationToken);
        }
        var end = start.Value;
        if (!string.IsNullOrWhiteSpace(EndDate))
        {
            var parsedEnd = LocalDatePattern.Iso.Parse(EndDate);
            if (!parsedEnd.Success || parsedEnd.Value < start.Value)
            {
                EndDateError = HttpContext.T("Vul een einddatum in als JJJJ-MM-DD, op of na de begindatum; of laat het veld leeg voor één dag.",
                    "Enter an end date as YYYY-MM-DD, on or after the start date; or leave it empty for a single day.");
                return await Show(row, cancellationToken);
            }
            end = parsedEnd.Value;
            if (!SupportedDates.Contains(end))
            {
                EndDateError = SupportedDates.Problem.In(lang);
                return await Refuse(row, cancellationToken);
            }
        }
        var window = WindowKindsOf(await data.ViewAsync(row, cancellationToken));
        if (end != start.Value && !window.Contains(Kind))
        {
            EndDateError = HttpContext.T("Dit moment duurt één dag: laat de einddatum leeg.", "This moment lasts a single day: leave the end date empty.");
            return await Show(row, cancellationToken);
        }
        var dates = new DateInterval(start.Value, end);
        var cycle = planner.CycleOf(row.ToProfile(), Kind, dates.Start);
        var title = rules.Moments.First(d => d.Kind == Kind).GenericName(lang);
        if (row.Actuals.Any(a => a.Kind == Kind && a.Cycle == cycle && a.Start == dates.Start && a.End == dates.End))
        {
            TempData.Flash(HttpContext.T($"Niets gewijzigd: {title} ({cycle}) had deze datum al.", $"Nothing changed: {title} ({cycle}) already had this date."));
            return Redirect($"/gemeenten/{row.Code}");
        }
        var problem = await FollowedMunicipalities.SetActualAsync(db, planner, row, Kind, dates, me, clock.GetCurrentInstant(), cancellationToken);
        if (problem is not null)
        {
            DateError = problem.In(lang);
            db.ChangeTracker.Clear();
            return await Show((await Load(code, cancellationToken))!, cancellationToken);
        }
        var planned = await trigger.PlanNowAsync(row.OrganisationId, cancellationToken);
        TempData.Flash(HttpContext.T($"Werkelijke datum opgeslagen: {title} ({cycle}), {DateText.Range(dates.Start, dates.End, lang)}. De momenten die ervan afhangen zijn mee verschoven.",
            $"Actual date saved: {title} ({cycle}), {DateText.Range(dates.Start, dates.End, lang)}. The moments that depend on it have moved along.") + Replan.Text(HttpContext, planned));
        return Redirect($"/gemeenten/{row.Code}");
    }

    public async Task<IActionResult> OnPostScheduleAsync(string code, CancellationToken cancellationToken)
    {
        var (row, me, denied) = await ForChange(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(me);
        LocalDate? merger = null;
        if (!string.IsNullOrWhiteSpace(MergerDate))
        {
            var parsed = LocalDatePattern.Iso.Parse(MergerDate);
            if (!parsed.Success)
            {
                MergerError = HttpContext.T("Vul de herindelingsdatum in als JJJJ-MM-DD, meestal JJJJ-01-01.", "Enter the merger date as YYYY-MM-DD, usually YYYY-01-01.");
                return await Show(row!, cancellationToken);
            }
            if (!SupportedDates.Contains(parsed.Value))
            {
                MergerError = SupportedDates.Problem.In(Ui.Language(HttpContext));
                return await Refuse(row!, cancellationToken);
            }
            merger = parsed.Value;
        }
        var region = Region is not null && rules.SchoolRegion(Region) is not null ? Region : "";
        var now = clock.GetCurrentInstant();
        var changed = new List<string>();
        if (row.MergerDate != merger)
        {
            FollowedMunicipalities.Audit(db, row, me, now, "merger-date", row.MergerDate?.ToString("uuuu-MM-dd", null) ?? "", merger?.ToString("uuuu-MM-dd", null) ?? "");
            row.MergerDate = merger;
            changed.Add(merger is { } m
                ? HttpContext.T($"herindeling op {DateText.Long(m, Language.Nl)}", $"merger on {DateText.Long(m, Language.En)}")
                : HttpContext.T("geen herindeling", "no merger"));
        }
        if (row.SchoolRegion != region)
        {
            FollowedMunicipalities.Audit(db, row, me, now, "school-region", row.SchoolRegion, region);
            row.SchoolRegion = region;
            changed.Add(HttpContext.T("schoolregio ", "school region ") + RegionName(region));
        }
        if (changed.Count == 0)
        {
            TempData.Flash(HttpContext.T("Niets gewijzigd: het schema was al zo.", "Nothing changed: the schedule already was like this."));
            return Redirect($"/gemeenten/{row.Code}");
        }
        await db.SaveChangesAsync(cancellationToken);
        var planned = await trigger.PlanNowAsync(row.OrganisationId, cancellationToken);
        TempData.Flash(HttpContext.T("Schema opgeslagen: ", "Schedule saved: ") + string.Join(", ", changed) + "." + Replan.Text(HttpContext, planned));
        return Redirect($"/gemeenten/{row.Code}");
    }

    public async Task<IActionResult> OnPostEventAsync(string code, CancellationToken cancellationToken)
    {
        var (row, me, denied) = await ForChange(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(me);
        var parsed = LocalDatePattern.Iso.Parse(EventDate ?? "");
        var kind = string.IsNullOrWhiteSpace(EventKind) ? MomentKinds.LocalEvent : EventKind;
        var free = kind == MomentKinds.LocalEvent;
        if (!free && rules.Find(kind) is not { IsEntered: true })
        {
            EventError = HttpContext.T("Kies wat er gebeurt.", "Choose what happens.");
        }
        else if ((free && string.IsNullOrWhiteSpace(EventTitle)) || !TextLimits.Fits(EventTitle, TextLimits.EventTitle))
        {
            EventError = HttpContext.T($"Vul een titel in (hoogstens {TextLimits.EventTitle} tekens); bij ‘Andere gebeurtenis’ is die nodig.",
                $"Enter a title (at most {TextLimits.EventTitle} characters); it is needed for ‘Other event’.");
        }
        if (!parsed.Success)
        {
            EventDateError = HttpContext.T("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-06-10.", "Enter a date as YYYY-MM-DD, for example 2026-06-10.");
        }
        if (EventError is not null || EventDateError is not null)
        {
            return await Show(row, cancellationToken);
        }
        if (!SupportedDates.Contains(parsed.Value))
        {
            EventError = SupportedDates.Problem.In(Ui.Language(HttpContext));
            return await Refuse(row, cancellationToken);
        }
        var day = parsed.Value;
        var title = EventTitle?.Trim() ?? "";
        row.Events.Add(new LocalEventRow { Title = title, Kind = kind, Start = day, End = day });
        var name = free ? title : rules.Moment(kind).GenericName(Ui.Language(HttpContext));
        FollowedMunicipalities.Audit(db, row, me, clock.GetCurrentInstant(), "local-event", "", $"{day:uuuu-MM-dd} {name}{(free || title.Length == 0 ? "" : $": {title}")}");
        await db.SaveChangesAsync(cancellationToken);
        var planned = await trigger.PlanNowAsync(row.OrganisationId, cancellationToken);
        TempData.Flash(HttpContext.T($"Gebeurtenis toegevoegd: {name}, {DateText.Long(parsed.Value, Language.Nl)}. Ze staat in de tijdlijn en de agenda-feeds.",
            $"Event added: {name}, {DateText.Long(parsed.Value, Language.En)}. It is in the timeline and the calendar feeds.") + Replan.Text(HttpContext, planned));
        return Redirect($"/gemeenten/{row.Code}");
    }

    /// <summary>Publishes one of the organisation's own dates as a public fact for every organisation; only with a source anyone can check.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken cancellationToken)
    {
        var (row, me, denied) = await ForChange(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        var own = row!.Actuals.Where(a => $"{a.Kind}/{a.Cycle}" == PublishKind).ToArray();
        if (own.Length != 1)
        {
            PublishError = HttpContext.T("Kies een van uw eigen ingevoerde data.", "Choose one of the dates you entered.");
            return await Refuse(row, cancellationToken);
        }
        if (!Uri.TryCreate(PublishUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.OriginalString.Length > 2000)
        {
            PublishError = HttpContext.T("Geef een bron die iedereen kan controleren: een adres dat begint met https://, bijvoorbeeld de vergaderpagina van de raad.",
                "Give a source anyone can check: an address starting with https://, for example the council's meeting page.");
            return await Refuse(row, cancellationToken);
        }
        var actual = own[0];
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == row.OrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
        await Timing.Facts.PublicFactRows.SetAsync(db, row.Code, actual.Kind, actual.Cycle,
            new DateInterval(actual.Start, actual.End),
            $"Gepubliceerd door / published by {organisation}", url.ToString(), null, me!.Email, clock.GetCurrentInstant(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        facts.Invalidate(row.Code);
        trigger.PlanSoon();
        var title = KindTitle(actual.Kind);
        var dates = DateText.Range(actual.Start, actual.End, Ui.Language(HttpContext));
        TempData.Flash(HttpContext.T($"Openbaar gemaakt: {title} ({actual.Cycle}), {dates}, met bron {url}. Elke organisatie die deze gemeente volgt ziet deze datum; de herinneringen worden zo dadelijk opnieuw gepland.",
            $"Published: {title} ({actual.Cycle}), {dates}, with source {url}. Every organisation following this municipality sees this date; the reminders will be re-planned shortly."));
        return Redirect($"/gemeenten/{row.Code}");
    }

    /// <summary>Confirms an uncertain match with one click: the meeting then dates its moment for everyone.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string code, CancellationToken cancellationToken)
    {
        var (row, me, denied) = await ForChange(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == MeetingId && m.Code == row!.Code && m.Kind != "", cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (meeting.ConfirmedBy.Length == 0)
        {
            meeting.ConfirmedBy = me!.Email;
            meeting.Confirmed = clock.GetCurrentInstant();
            await db.SaveChangesAsync(cancellationToken);
            await importer.DeriveFactsAsync(row!.Code, "", cancellationToken);
            trigger.PlanSoon();
            TempData.Flash(HttpContext.T($"Bevestigd: {meeting.Title} ({DateText.Long(meeting.Date, Language.Nl)}) dateert nu {KindTitle(meeting.Kind)} voor iedereen die deze gemeente volgt; de herinneringen worden zo dadelijk opnieuw gepland.",
                $"Confirmed: {meeting.Title} ({DateText.Long(meeting.Date, Language.En)}) now dates {KindTitle(meeting.Kind)} for everyone following this municipality; the reminders will be re-planned shortly."));
        }
        else
        {
            TempData.Flash(HttpContext.T($"Niets gewijzigd: {meeting.Title} was al bevestigd door {meeting.ConfirmedBy}.", $"Nothing changed: {meeting.Title} was already confirmed by {meeting.ConfirmedBy}."));
        }
        return Redirect($"/gemeenten/{row!.Code}");
    }

    public string RegionName(string region) => rules.SchoolRegion(region)?.Name.In(Ui.Language(HttpContext)) ?? HttpContext.T("onbekend", "unknown");

    /// <summary>The title of a moment kind in the page's language, for the lists of entered dates.</summary>
    public string KindTitle(string kind) => rules.Moments.FirstOrDefault(d => d.Kind == kind)?.GenericName(Ui.Language(HttpContext)) ?? kind;

    /// <summary>An audit subject ("coalition-agreement/2030", "merger-date" …) in the page's language.</summary>
    public string SubjectText(string subject)
    {
        var parts = subject.Split('/');
        return subject switch
        {
            "merger-date" => HttpContext.T("Herindelingsdatum", "Merger date"),
            "school-region" => HttpContext.T("Regio schoolvakanties", "School holiday region"),
            "local-event" => HttpContext.T("Lokale gebeurtenis", "Local event"),
            _ when parts.Length == 2 => $"{KindTitle(parts[0])} ({parts[1]})",
            _ => subject,
        };
    }

    private static HashSet<string> WindowKindsOf(MunicipalityView view) =>
        view.Timeline.Moments.Where(m => !m.IsPoint).Select(m => m.Kind).ToHashSet(StringComparer.Ordinal);

    private Task<FollowedMunicipality?> Load(string code, CancellationToken cancellationToken) =>
        FollowedMunicipalities.FindAsync(db, User.OrganisationId(), code.ToUpperInvariant(), cancellationToken);

    /// <summary>The municipality and the director changing it, or the response that refuses the change.</summary>
    private async Task<(FollowedMunicipality?, Person?, IActionResult?)> ForChange(string code, CancellationToken cancellationToken)
    {
        if (!User.IsDirector())
        {
            return (null, null, Forbid());
        }
        var row = await Load(code, cancellationToken);
        if (row is null)
        {
            return (null, null, NotFound());
        }
        var me = await db.People.FirstAsync(p => p.Id == User.PersonId(), cancellationToken);
        return (row, me, null);
    }

    /// <summary>The page again with the problem next to the field, as 400: the request asked for something Timing cannot do.</summary>
    private async Task<IActionResult> Refuse(FollowedMunicipality row, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await Show(row, cancellationToken);
    }

    private async Task<IActionResult> Show(FollowedMunicipality row, CancellationToken cancellationToken)
    {
        View = await data.ViewAsync(row, cancellationToken);
        WindowKinds = WindowKindsOf(View);
        var from = data.Today;
        Uncertain = await db.Meetings.AsNoTracking()
            .Where(m => m.Code == row.Code && m.Kind != "" && !m.Certain && m.ConfirmedBy == "" && m.Date >= from)
            .OrderBy(m => m.Date).Take(20).ToListAsync(cancellationToken);
        Freshness = await Timing.Meetings.SourceFreshness.LoadAsync(db, row.Code, data.Today, cancellationToken);
        Discovery = await DiscoveryText.ForPageAsync(HttpContext, db, row.Code, Freshness.Source, cancellationToken);
        Changes = await db.DateChanges.AsNoTracking().Where(c => c.FollowedMunicipalityId == row.Id)
            .OrderByDescending(c => c.At).Take(50).ToListAsync(cancellationToken);
        return Page();
    }
}
