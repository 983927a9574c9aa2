using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

/// <summary>
/// The confirmation step before a director removes something: a followed municipality ("gemeente"), an actual date
/// ("datum") or a local event ("gebeurtenis"). The page names what goes and what follows; the post has
/// <see cref="MunicipalityChanges"/> remove it.
/// </summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class RemoveModel(MunicipalityChanges changes) : PageModel
{
    public FollowedMunicipality? Row { get; private set; }

    public string What { get; private set; } = "";

    /// <summary>What is removed, in the page's language: "Utrecht", "Coalitieakkoord (2030): 12 juni 2030" …</summary>
    public string Thing { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string what, int? id, CancellationToken cancellationToken) =>
        await Find(code, what, id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string code, string what, int? id, CancellationToken cancellationToken)
    {
        var lang = Ui.Language(HttpContext);
        if (await Find(code, what, id, cancellationToken) is not { } removable)
        {
            // Already gone (a second tab, a reload): nothing to do, and nothing to say but that.
            TempData.Flash(ChangeTexts.AlreadyRemoved.In(lang));
            return Redirect(Row is null ? Url.Page("/Index")! : Url.Municipality(Row.Code));
        }
        TempData.Flash((await changes.RemoveAsync(Director, removable, cancellationToken)).In(lang));
        return Redirect(removable.Target is FollowedMunicipality ? Url.Page("/Index")! : Url.Municipality(removable.Row.Code));
    }

    private MunicipalityChanges.Director Director => new(User.OrganisationId(), User.PersonId(), Ui.Language(HttpContext));

    private async Task<MunicipalityChanges.Removable?> Find(string code, string what, int? id, CancellationToken cancellationToken)
    {
        Row = await changes.FindAsync(Director, code, cancellationToken);
        What = what;
        var removable = Row is null ? null : changes.Removal(Row, what, id);
        Thing = removable?.Thing.In(Ui.Language(HttpContext)) ?? "";
        return removable;
    }
}
