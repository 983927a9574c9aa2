using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class AddModel(TimingDbContext db, Timing.Municipalities.MunicipalityCatalog catalog, Timing.Worker.PlanTrigger trigger,
    Timing.Meetings.SourceDiscoveryTrigger discovery) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? CodeError { get; private set; }

    public string? NameError { get; private set; }

    public string? QueryError { get; private set; }

    public IReadOnlyList<MunicipalityName> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Query?.Trim() ?? "";
        if (!TextLimits.Fits(q, TextLimits.Search))
        {
            QueryError = HttpContext.T($"Zoek met hoogstens {TextLimits.Search} tekens.", $"Search with at most {TextLimits.Search} characters.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (q.Length >= 2)
        {
            var upper = q.ToUpperInvariant();
            var all = await AllNamesAsync(cancellationToken);
            Results = all.Where(m => m.Code.Contains(upper, StringComparison.Ordinal) || m.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
                .OrderBy(m => m.Name, StringComparer.Ordinal).Take(20).ToArray();
        }
    }

    private async Task<List<MunicipalityName>> AllNamesAsync(CancellationToken cancellationToken) =>
        (await catalog.GetAsync(cancellationToken)).All.Select(m => new MunicipalityName { Code = m.Code.Value, Name = m.Name }).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MunicipalityCode.TryParse(Code, out var code))
        {
            CodeError = HttpContext.T("Dit is geen gemeentecode: gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0344.",
                "This is not a municipality code: use GM followed by four digits, e.g. GM0344.");
        }
        var listed = code is null ? null : (await AllNamesAsync(cancellationToken)).FirstOrDefault(m => m.Code == code.Value.Value);
        var name = string.IsNullOrWhiteSpace(Name) ? listed?.Name : Name.Trim();
        if (name is null || Timing.Municipalities.MunicipalityList.NameProblem(name) is not null)
        {
            NameError = HttpContext.T($"Vul de naam van de gemeente in: 1 tot {TextLimits.MunicipalityName} tekens, op één regel.",
                $"Enter the municipality's name: 1 to {TextLimits.MunicipalityName} characters, on one line.");
        }
        if (CodeError is not null || NameError is not null)
        {
            return Page();
        }
        var organisationId = User.OrganisationId();
        if (await db.FollowedMunicipalities.AnyAsync(m => m.OrganisationId == organisationId && m.Code == code!.Value.Value, cancellationToken))
        {
            TempData.Flash(HttpContext.T($"Uw organisatie volgt {name} al; er is niets veranderd.", $"Your organisation already follows {name}; nothing changed."));
        }
        else
        {
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = organisationId, Code = code!.Value.Value, Name = name! });
            await db.SaveChangesAsync(cancellationToken);
            var planned = await trigger.PlanNowAsync(organisationId, cancellationToken);
            // In the background: the director's page does not wait for two councils' systems.
            discovery.Soon(code!.Value.Value);
            TempData.Flash(HttpContext.T($"{name} wordt nu gevolgd. De gemeente staat in het overzicht en in de agenda-feeds van uw organisatie.",
                $"{name} is now followed. It is in the overview and in your organisation's calendar feeds.") + Replan.Text(HttpContext, planned));
        }
        return Redirect($"/gemeenten/{code!.Value.Value}");
    }
}
