using Microsoft.EntityFrameworkCore;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Web;

/// <summary>What the pages show of a followed municipality: its row, its timeline and where it stands today.</summary>
public sealed record MunicipalityView(FollowedMunicipality Row, Timeline Timeline, LocalDate Today)
{
    /// <summary>The phase of the most recently started election-cycle moment that is still running.</summary>
    public Moment? Current => Timeline.Moments
        .Where(m => m.Start <= Today && m.End >= Today && !m.Definition.IsYearly && m.Kind != MomentKinds.LocalEvent)
        .OrderByDescending(m => m.Start).FirstOrDefault();

    public IEnumerable<Moment> Next(int count) => Timeline.Moments.Where(m => m.Start > Today).Take(count);

    /// <summary>Moment kinds that last more than a day in this timeline: their actual date takes an end.</summary>
    public IReadOnlySet<string> WindowKinds => Timeline.Moments.Where(m => !m.IsPoint).Select(m => m.Kind).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Loads an organisation's municipalities and plans them; every query is limited to that organisation.</summary>
public sealed class PageData(TimingDbContext db, CyclePlanner planner, IClock clock, Facts.PublicFactStore facts)
{
    public LocalDate Today => ProductTime.Today(clock);

    public async Task<IReadOnlyList<MunicipalityView>> MunicipalitiesAsync(int organisationId, CancellationToken cancellationToken)
    {
        var rows = await db.FollowedMunicipalities.AsNoTracking().Include(m => m.Actuals).Include(m => m.Events)
            .Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var shared = await facts.GetManyAsync(rows.Select(r => r.Code).ToArray(), cancellationToken);
        return rows.Select(r => View(r, shared[r.Code].Facts)).ToArray();
    }

    public async Task<MunicipalityView> ViewAsync(FollowedMunicipality row, CancellationToken cancellationToken) =>
        View(row, (await facts.GetAsync(row.Code, cancellationToken)).Facts);

    private MunicipalityView View(FollowedMunicipality row, IReadOnlyList<ActualDate> shared) =>
        new(row, planner.Plan(row.ToProfile().WithPublicFacts(shared), new DateInterval(Today.PlusYears(-1), Today.PlusYears(4))), Today);
}
