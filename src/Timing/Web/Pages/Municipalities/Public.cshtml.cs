using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Facts;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web.Pages.Municipalities;

/// <summary>
/// A municipality's public page, open to anyone: its public facts with their sources, every change to them,
/// where its meetings come from and how far ahead that source sees. Every list is bounded.
/// </summary>
public sealed class PublicModel(TimingDbContext db, MunicipalityCatalog catalog, IClock clock) : PageModel
{
    public Municipality? Municipality { get; private set; }

    public IReadOnlyList<PublicFact> Current { get; private set; } = [];

    public IReadOnlyList<PublicFact> History { get; private set; } = [];

    public MeetingSource? Source { get; private set; }

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
        Source = await db.MeetingSources.AsNoTracking().FirstOrDefaultAsync(s => s.Code == value, cancellationToken);
        var from = FollowedMunicipalities.Stored(Today);
        Upcoming = await db.Meetings.AsNoTracking().Where(m => m.Code == value && m.Date >= from)
            .OrderBy(m => m.Date).ThenBy(m => m.StartUnixMs).Take(30).ToListAsync(cancellationToken);
        return Page();
    }
}
