using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Facts;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

/// <summary>
/// A municipality's public page, open to anyone: its public facts with their sources, every change to them,
/// where its meetings come from and how far ahead that source sees. Every list is bounded. An operator of the
/// instance reverts a fact from here, through its confirmation page (or with <c>timing facts revert</c>).
/// </summary>
public sealed class PublicModel(TimingDbContext db, MunicipalityCatalog catalog, IClock clock, IOptions<WebOptions> web, CycleRules rules) : PageModel
{
    /// <summary>A moment as readers know it: "Kadernota 2027", never its key.</summary>
    public string MomentName(string kind, int cycle) =>
        SubjectNames.Change($"{kind}/{cycle.ToString(System.Globalization.CultureInfo.InvariantCulture)}", rules, Ui.Language(HttpContext));

    /// <summary>The moment a meeting dates, named for the year it is held in, e.g. "Programmabegroting 2028 in de raad" in November 2027.</summary>
    public string KindName(string kind, LocalDate date) => rules.Find(kind)?.NameIn(date.Year, Ui.Language(HttpContext)) ?? kind;

    /// <summary>Who or what set a fact, in words (<see cref="PublicFactText.Who"/>).</summary>
    public string SetByName(string setBy) => PublicFactText.Who(setBy, Ui.Language(HttpContext));

    /// <summary>Whether the person asking may revert facts.</summary>
    public bool CanRevert => User.IsOperator(web.Value);

    public Municipality? Municipality { get; private set; }

    public IReadOnlyList<PublicFact> Current { get; private set; } = [];

    public IReadOnlyList<PublicFact> History { get; private set; } = [];

    /// <summary>Where the meetings come from and how far that source can be trusted.</summary>
    public Timing.Meetings.SourceFreshness? Freshness { get; private set; }

    /// <summary>How Timing found the meeting calendar itself, or how its search went (<see cref="DiscoveryText"/>).</summary>
    public string? Discovery { get; private set; }

    public IReadOnlyList<Meeting> Upcoming { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public Instant Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!MunicipalityCode.TryParse(code, out var parsed))
        {
            return NotFound();
        }
        var directory = await catalog.GetAsync(cancellationToken);
        if (directory.Count > 0 && !directory.Contains(parsed.Value))
        {
            return NotFound();
        }
        Municipality = directory.Describe(parsed.Value);
        var value = parsed.Value.Value;
        Now = clock.GetCurrentInstant();
        Today = ProductTime.Today(clock);
        Current = await PublicFactRows.CurrentAsync(db, [value], cancellationToken);
        History = await PublicFactRows.HistoryAsync(db, value, 100, cancellationToken);
        Freshness = await Timing.Meetings.SourceFreshness.LoadAsync(db, value, Today, cancellationToken);
        Discovery = await DiscoveryText.ForPageAsync(HttpContext, db, value, Freshness.Source, cancellationToken);
        var from = Today;
        Upcoming = await db.Meetings.AsNoTracking().Where(m => m.Code == value && m.Date >= from)
            .OrderBy(m => m.Date).ThenBy(m => m.Start != null).ThenBy(m => m.Start).Take(30).ToListAsync(cancellationToken);
        return Page();
    }
}
