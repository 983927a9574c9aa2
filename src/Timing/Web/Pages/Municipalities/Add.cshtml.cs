using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Storage;
using Timing.Web.Texts;

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
            QueryError = MunicipalityTexts.SearchTooLong.In(Ui.Language(HttpContext));
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
            CodeError = MunicipalityTexts.ThisIsNotAMunicipalityCode.In(Ui.Language(HttpContext));
        }
        var listed = code is null ? null : (await AllNamesAsync(cancellationToken)).FirstOrDefault(m => m.Code == code.Value.Value);
        var name = string.IsNullOrWhiteSpace(Name) ? listed?.Name : Name.Trim();
        if (name is null || Timing.Municipalities.MunicipalityList.NameProblem(name) is not null)
        {
            NameError = MunicipalityTexts.EnterTheName.In(Ui.Language(HttpContext));
        }
        if (CodeError is not null || NameError is not null)
        {
            return Page();
        }
        var organisationId = User.OrganisationId();
        if (await db.FollowedMunicipalities.AnyAsync(m => m.OrganisationId == organisationId && m.Code == code!.Value.Value, cancellationToken))
        {
            TempData.Flash(MunicipalityTexts.AlreadyFollowed(name!).In(Ui.Language(HttpContext)));
        }
        else
        {
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = organisationId, Code = code!.Value.Value, Name = name! });
            await db.SaveChangesAsync(cancellationToken);
            var planned = await trigger.PlanNowAsync(organisationId, cancellationToken);
            // In the background: the director's page does not wait for two councils' systems.
            discovery.Soon(code!.Value.Value);
            TempData.Flash((MunicipalityTexts.NowFollowed(name!) + Replan.Text(planned)).In(Ui.Language(HttpContext)));
        }
        return Redirect(Url.Municipality(code!.Value.Value));
    }
}
