using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

/// <summary>
/// The confirmation step before a director removes something: a followed municipality ("gemeente"), an actual date
/// ("datum") or a local event ("gebeurtenis"). The page names what goes and what follows; the post does it,
/// records it in the audit trail and re-plans the organisation's reminders.
/// </summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class RemoveModel(TimingDbContext db, CycleRules rules, IClock clock, Timing.Worker.PlanTrigger trigger) : PageModel
{
    public FollowedMunicipality? Row { get; private set; }

    public string What { get; private set; } = "";

    /// <summary>What is removed, in the page's language: "Utrecht", "Coalitieakkoord (2030): 12 juni 2030" …</summary>
    public string Thing { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string what, int? id, CancellationToken cancellationToken) =>
        await Find(code, what, id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string code, string what, int? id, CancellationToken cancellationToken)
    {
        var target = await Find(code, what, id, cancellationToken);
        if (target is null)
        {
            // Already gone (a second tab, a reload): nothing to do, and nothing to say but that.
            TempData.Flash(HttpContext.T("Dit was al verwijderd.", "This was already removed."));
            return Redirect(Row is null ? "/" : $"/gemeenten/{Row.Code}");
        }
        var row = Row!;
        var me = await db.People.FirstAsync(p => p.Id == User.PersonId(), cancellationToken);
        var now = clock.GetCurrentInstant();
        string message;
        switch (target)
        {
            case ActualDateRow actual:
                FollowedMunicipalities.Audit(db, row, me, now, $"{actual.Kind}/{actual.Cycle}", Timing.Facts.PublicFactRows.Describe(actual.Start, actual.End), "");
                db.ActualDates.Remove(actual);
                message = HttpContext.T($"Werkelijke datum verwijderd: {Thing}. De tijdlijn volgt hier weer de regels en schattingen.",
                    $"Actual date removed: {Thing}. The timeline follows the rules and estimates here again.");
                break;
            case LocalEventRow local:
                FollowedMunicipalities.Audit(db, row, me, now, "local-event", $"{local.Start:uuuu-MM-dd} {local.Title}", "");
                db.LocalEvents.Remove(local);
                message = HttpContext.T($"Gebeurtenis verwijderd: {Thing}. Ze verdwijnt uit de tijdlijn en de agenda-feeds.",
                    $"Event deleted: {Thing}. It disappears from the timeline and the calendar feeds.");
                break;
            default:
                // The municipality's own audit trail goes with it; the organisation's trail keeps that it was unfollowed.
                db.OrganisationChanges.Add(new OrganisationChange
                {
                    OrganisationId = row.OrganisationId,
                    PersonEmail = me.Email,
                    At = now,
                    Subject = $"unfollow/{row.Code}",
                    OldValue = row.Name,
                });
                await db.DateChanges.Where(c => c.FollowedMunicipalityId == row.Id).ExecuteDeleteAsync(cancellationToken);
                db.FollowedMunicipalities.Remove(row);
                message = HttpContext.T($"{row.Name} wordt niet meer gevolgd. De gemeente verdwijnt uit het overzicht en uit de agenda-feeds van uw organisatie.",
                    $"{row.Name} is no longer followed. It disappears from the overview and from your organisation's calendar feeds.");
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        var planned = await trigger.PlanNowAsync(row.OrganisationId, cancellationToken);
        TempData.Flash(message + Replan.Text(HttpContext, planned));
        return Redirect(target is FollowedMunicipality ? "/" : $"/gemeenten/{row.Code}");
    }

    private async Task<object?> Find(string code, string what, int? id, CancellationToken cancellationToken)
    {
        Row = await FollowedMunicipalities.FindAsync(db, User.OrganisationId(), code.ToUpperInvariant(), cancellationToken);
        What = what;
        var lang = Ui.Language(HttpContext);
        switch (what)
        {
            case "gemeente" when Row is not null && id is null:
                Thing = Row.Name;
                return Row;
            case "datum" when Row?.Actuals.FirstOrDefault(a => a.Id == id) is { } actual:
                var title = rules.Moments.FirstOrDefault(d => d.Kind == actual.Kind)?.NameForCycle(actual.Cycle, lang) ?? $"{actual.Kind} ({actual.Cycle})";
                Thing = $"{title}: {DateText.Range(actual.Start, actual.End, lang)}";
                return actual;
            case "gebeurtenis" when Row?.Events.FirstOrDefault(e => e.Id == id) is { } local:
                Thing = $"{local.Title}: {DateText.Long(local.Start, lang)}";
                return local;
            default:
                return null;
        }
    }
}
