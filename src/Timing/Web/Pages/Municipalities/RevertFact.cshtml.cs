using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Timing.Core.Cycle;
using Timing.Facts;
using Timing.Municipalities;
using Timing.Storage;
using Timing.Web.Texts;

namespace Timing.Web.Pages.Municipalities;

/// <summary>
/// The confirmation step before an operator reverts a public fact: the page names the fact and what follows; the
/// post reverts it (the previous value, or the rules, apply again), audited like <c>timing facts revert</c>.
/// </summary>
public sealed class RevertFactModel(TimingDbContext db, MunicipalityCatalog catalog, IClock clock, IOptions<WebOptions> web,
    PublicFactStore store, Timing.Worker.PlanTrigger trigger, CycleRules rules) : PageModel
{
    public PublicFact? Fact { get; private set; }

    /// <summary>The municipality's name, for the way back.</summary>
    public string Municipality { get; private set; } = "";

    /// <summary>The moment as readers know it: "Begrotingsbehandeling 2027".</summary>
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string kind, int cycle, CancellationToken cancellationToken)
    {
        if (!User.IsOperator(web.Value))
        {
            return Forbid();
        }
        return await FindAsync(code, kind, cycle, cancellationToken) ? Page() : NotFound();
    }

    /// <param name="factId">The value the confirmation page showed: only that one is reverted, so a second click or tab reverts nothing more.</param>
    public async Task<IActionResult> OnPostAsync(string code, string kind, int cycle, [FromForm] long? factId, CancellationToken cancellationToken)
    {
        if (!User.IsOperator(web.Value))
        {
            return Forbid();
        }
        var found = await FindAsync(code, kind, cycle, cancellationToken);
        var reverted = found && Fact!.Id == factId
            ? await PublicFactRows.RevertAsync(db, Fact.Code, kind, cycle, "operator:" + User.Identity!.Name, clock.GetCurrentInstant(), cancellationToken)
            : null;
        if (reverted is null)
        {
            // Already reverted or changed meanwhile (a second tab, a double click, a reload): nothing to do, and nothing to say but that.
            TempData.Flash(PublicTexts.RevertedMeanwhile(Name).In(Ui.Language(HttpContext)));
            return Redirect(Url.MunicipalityPublic(code));
        }
        var value = Fact!.Code;
        store.Invalidate(value);
        trigger.PlanSoon();
        var now = (await PublicFactRows.CurrentAsync(db, [value], cancellationToken)).FirstOrDefault(f => f.Kind == kind && f.Cycle == cycle);
        var was = PublicFactText.Days(reverted.Start, reverted.End, Ui.Language(HttpContext));
        TempData.Flash((now is null
            ? PublicTexts.RevertedToTheRules(Name, was)
            : PublicTexts.RevertedTo(Name, was, PublicFactRows.Describe(now.Start, now.End), PublicFactRows.SourceText(now))).In(Ui.Language(HttpContext)));
        return Redirect(Url.MunicipalityPublic(value));
    }

    /// <summary>The fact's current value, with the names the page shows; false when there is none to revert.</summary>
    private async Task<bool> FindAsync(string code, string kind, int cycle, CancellationToken cancellationToken)
    {
        Name = SubjectNames.Change($"{kind}/{cycle.ToString(System.Globalization.CultureInfo.InvariantCulture)}", rules, Ui.Language(HttpContext));
        if (!MunicipalityCode.TryParse(code, out var parsed))
        {
            return false;
        }
        var value = parsed.Value.Value;
        Fact = (await PublicFactRows.CurrentAsync(db, [value], cancellationToken)).FirstOrDefault(f => f.Kind == kind && f.Cycle == cycle);
        Municipality = (await catalog.GetAsync(cancellationToken)).Describe(parsed.Value).Name;
        return Fact is not null;
    }
}
