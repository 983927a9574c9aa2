using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

/// <summary>One moment of a followed municipality: the page each feed event and nudge links to.</summary>
public sealed class MomentModel(TimingDbContext db, CyclePlanner planner) : PageModel
{
    public Moment? Moment { get; private set; }

    public string MunicipalityName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string kind, int cycle, string? localId, CancellationToken cancellationToken)
    {
        var row = await FollowedMunicipalities.FindAsync(db, User.OrganisationId(), code.ToUpperInvariant(), cancellationToken);
        if (row is null || (!MomentKinds.IsKnown(kind) && kind != MomentKinds.LocalEvent))
        {
            return NotFound();
        }
        MunicipalityName = row.Name;
        var shared = await Facts.PublicFactRows.ActualsAsync(db, [row.Code], cancellationToken);
        var timeline = planner.Plan(row.ToProfile().WithPublicFacts(shared[row.Code]), new DateInterval(new LocalDate(cycle - 3, 1, 1), new LocalDate(cycle + 3, 12, 31)));
        Moment = timeline.Moments.FirstOrDefault(m => m.Kind == kind && m.Cycle == cycle && m.Key.LocalId == localId);
        return Moment is null ? NotFound() : Page();
    }
}
