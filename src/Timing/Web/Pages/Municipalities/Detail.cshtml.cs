using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

public sealed class DetailModel(TimingDbContext db, PageData data, CyclePlanner planner, CycleRules rules, IClock clock, Timing.Worker.PlanTrigger trigger,
    Timing.Meetings.MeetingImporter importer, Timing.Facts.PublicFactStore facts) : PageModel
{
    /// <summary>Meetings the rules matched to a moment without being sure: a director confirms them.</summary>
    public IReadOnlyList<Meeting> Uncertain { get; private set; } = [];

    [BindProperty] public string? PublishKind { get; set; }
    [BindProperty] public string? PublishUrl { get; set; }
    [BindProperty] public long MeetingId { get; set; }

    public string? PublishError { get; private set; }

    public MunicipalityView? View { get; private set; }

    public CycleRules Rules => rules;

    public IReadOnlyList<DateChange> Changes { get; private set; } = [];

    public bool Saved { get; private set; }

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? MergerDate { get; set; }
    [BindProperty] public string? Region { get; set; }
    [BindProperty] public string? EventTitle { get; set; }
    [BindProperty] public string? EventDate { get; set; }

    public string? DateError { get; private set; }
    public string? MergerError { get; private set; }
    public string? EventError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] bool saved, CancellationToken cancellationToken)
    {
        var row = await Load(code, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        Saved = saved;
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
        if (Kind is null || !MomentKinds.IsKnown(Kind))
        {
            DateError = HttpContext.T("Kies een moment uit de lijst.", "Choose a moment from the list.");
            return await Show(row!, cancellationToken);
        }
        var parsed = LocalDatePattern.Iso.Parse(Date ?? "");
        if (!parsed.Success)
        {
            DateError = HttpContext.T("Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-06-10.", "Enter a date as YYYY-MM-DD, for example 2026-06-10.");
            return await Show(row!, cancellationToken);
        }
        var problem = await FollowedMunicipalities.SetActualAsync(db, planner, row!, Kind, new DateInterval(parsed.Value, parsed.Value), me!, clock.GetCurrentInstant(), cancellationToken);
        if (problem is not null)
        {
            DateError = problem.In(Ui.Language(HttpContext));
            db.ChangeTracker.Clear();
            return await Show((await Load(code, cancellationToken))!, cancellationToken);
        }
        trigger.PlanSoon();
        return Redirect($"/gemeenten/{row!.Code}?saved=true");
    }

    public async Task<IActionResult> OnPostScheduleAsync(string code, CancellationToken cancellationToken)
    {
        var (row, me, denied) = await ForChange(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        DateOnly? merger = null;
        if (!string.IsNullOrWhiteSpace(MergerDate))
        {
            var parsed = LocalDatePattern.Iso.Parse(MergerDate);
            if (!parsed.Success || parsed.Value.Month != 1 || parsed.Value.Day != 1)
            {
                MergerError = HttpContext.T("Een herindeling gaat in op 1 januari: vul een datum in als JJJJ-01-01.", "A merger takes effect on 1 January: enter a date as YYYY-01-01.");
                return await Show(row!, cancellationToken);
            }
            merger = FollowedMunicipalities.Stored(parsed.Value);
        }
        var region = Region is "noord" or "midden" or "zuid" ? Region : "";
        var now = clock.GetCurrentInstant();
        if (row!.MergerDate != merger)
        {
            FollowedMunicipalities.Audit(db, row, me!, now, "merger-date", row.MergerDate?.ToString("yyyy-MM-dd", null) ?? "", merger?.ToString("yyyy-MM-dd", null) ?? "");
            row.MergerDate = merger;
        }
        if (row.SchoolRegion != region)
        {
            FollowedMunicipalities.Audit(db, row, me!, now, "school-region", row.SchoolRegion, region);
            row.SchoolRegion = region;
        }
        await db.SaveChangesAsync(cancellationToken);
        trigger.PlanSoon();
        return Redirect($"/gemeenten/{row.Code}?saved=true");
    }

    public async Task<IActionResult> OnPostEventAsync(string code, CancellationToken cancellationToken)
    {
        var (row, me, denied) = await ForChange(code, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        var parsed = LocalDatePattern.Iso.Parse(EventDate ?? "");
        if (string.IsNullOrWhiteSpace(EventTitle) || EventTitle.Length > 200 || !parsed.Success)
        {
            EventError = HttpContext.T("Vul een titel (hoogstens 200 tekens) en een datum in.", "Enter a title (at most 200 characters) and a date.");
            return await Show(row!, cancellationToken);
        }
        var day = FollowedMunicipalities.Stored(parsed.Value);
        row!.Events.Add(new LocalEventRow { Title = EventTitle.Trim(), Start = day, End = day });
        FollowedMunicipalities.Audit(db, row, me!, clock.GetCurrentInstant(), "local-event", "", $"{day:yyyy-MM-dd} {EventTitle.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        trigger.PlanSoon();
        return Redirect($"/gemeenten/{row.Code}?saved=true");
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
            return await Show(row, cancellationToken);
        }
        if (!Uri.TryCreate(PublishUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.OriginalString.Length > 2000)
        {
            PublishError = HttpContext.T("Geef een bron die iedereen kan controleren: een adres dat begint met https://, bijvoorbeeld de vergaderpagina van de raad.",
                "Give a source anyone can check: an address starting with https://, for example the council's meeting page.");
            return await Show(row, cancellationToken);
        }
        var actual = own[0];
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == row.OrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
        await Timing.Facts.PublicFactRows.SetAsync(db, row.Code, actual.Kind, actual.Cycle,
            new DateInterval(FollowedMunicipalities.Local(actual.Start), FollowedMunicipalities.Local(actual.End)),
            $"Gepubliceerd door / published by {organisation}", url.ToString(), null, me!.Email, clock.GetCurrentInstant(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        facts.Invalidate(row.Code);
        trigger.PlanSoon();
        return Redirect($"/gemeenten/{row.Code}?saved=true");
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
            meeting.ConfirmedUnixMs = clock.GetCurrentInstant().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(cancellationToken);
            await importer.DeriveFactsAsync(row!.Code, "", cancellationToken);
            trigger.PlanSoon();
        }
        return Redirect($"/gemeenten/{row!.Code}?saved=true");
    }

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

    private async Task<IActionResult> Show(FollowedMunicipality row, CancellationToken cancellationToken)
    {
        View = await data.ViewAsync(row, cancellationToken);
        var from = FollowedMunicipalities.Stored(data.Today);
        Uncertain = await db.Meetings.AsNoTracking()
            .Where(m => m.Code == row.Code && m.Kind != "" && !m.Certain && m.ConfirmedBy == "" && m.Date >= from)
            .OrderBy(m => m.Date).Take(20).ToListAsync(cancellationToken);
        Changes = await db.DateChanges.AsNoTracking().Where(c => c.FollowedMunicipalityId == row.Id)
            .OrderByDescending(c => c.AtUnixMs).Take(50).ToListAsync(cancellationToken);
        return Page();
    }
}
