using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

/// <summary>One moment of a followed municipality: the page each feed event and nudge links to.</summary>
public sealed class MomentModel(Timelines.TimelineLoader timelines, CycleRules rules) : PageModel
{
    public Moment? Moment { get; private set; }

    public string MunicipalityName { get; private set; } = "";

    /// <summary>The day the page is planned for; a question's answer offers it first.</summary>
    public LocalDate Today => timelines.Today;

    /// <summary>Why the moment cannot be shown (a cycle outside the supported years), or null.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string kind, int cycle, string? localId, CancellationToken cancellationToken)
    {
        var organisation = await timelines.ForOrganisationAsync(User.OrganisationId(), cancellationToken);
        var row = organisation.Find(code.ToUpperInvariant());
        if (row is null || (rules.Find(kind) is null && kind != MomentKinds.LocalEvent))
        {
            return NotFound();
        }
        MunicipalityName = row.Name;
        if (!SupportedDates.Contains(cycle))
        {
            Problem = SupportedDates.Problem.In(Ui.Language(HttpContext));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Moment = organisation.Find(row, new MomentKey(MunicipalityCode.Parse(row.Code), kind, cycle, localId));
        return Moment is null ? NotFound() : Page();
    }
}
