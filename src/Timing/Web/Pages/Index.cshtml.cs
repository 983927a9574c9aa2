using Microsoft.AspNetCore.Mvc.RazorPages;
using Timing.Core.Cycle;

namespace Timing.Web.Pages;

public sealed class IndexModel(PageData data, CycleRules rules) : PageModel
{
    public IReadOnlyList<MunicipalityView> Municipalities { get; private set; } = [];

    public CycleRules Rules => rules;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Municipalities = await data.MunicipalitiesAsync(User.OrganisationId(), cancellationToken);
}
