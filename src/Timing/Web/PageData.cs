using Timing.Core;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;
using Timing.Timelines;

namespace Timing.Web;

/// <summary>What the pages show of a followed municipality: its row, its timeline and where it stands today.</summary>
public sealed record MunicipalityView(FollowedMunicipality Row, Timeline Timeline, LocalDate Today)
{
    /// <summary>
    /// The phase of the most recently started election-cycle moment that is still running. A passed estimate that is
    /// asked about is no phase: that the coalition is perhaps still negotiating is a question, not where things stand.
    /// </summary>
    public Moment? Current => Timeline.Moments
        .Where(m => m.Start <= Today && m.End >= Today && !m.Definition.IsYearly && m.Kind != MomentKinds.LocalEvent && !m.AwaitsDate)
        .OrderByDescending(m => m.Start).FirstOrDefault();

    public IEnumerable<Moment> Next(int count) => Timeline.Moments.Where(m => m.Start > Today).Take(count);

    /// <summary>Moment kinds that last more than a day in this timeline: their actual date takes an end.</summary>
    public IReadOnlySet<string> WindowKinds => Timeline.Moments.Where(m => !m.IsPoint).Select(m => m.Kind).ToHashSet(StringComparer.Ordinal);
}

/// <summary>What the pages show of an organisation's municipalities, read through the <see cref="TimelineLoader"/>.</summary>
public sealed class PageData(TimelineLoader timelines)
{
    public LocalDate Today => timelines.Today;

    public async Task<IReadOnlyList<MunicipalityView>> MunicipalitiesAsync(int organisationId, CancellationToken cancellationToken) =>
        Views(await timelines.ForOrganisationAsync(organisationId, cancellationToken));

    public async Task<MunicipalityView> ViewAsync(FollowedMunicipality row, CancellationToken cancellationToken) =>
        Views(await timelines.ForRowsAsync([row], cancellationToken))[0];

    private MunicipalityView[] Views(OrganisationTimelines organisation)
    {
        var today = Today;
        var range = new DateInterval(today.PlusYears(-1), today.PlusYears(4));
        return organisation.Rows.Select(r => new MunicipalityView(r, organisation.Plan(r, range), today)).ToArray();
    }
}
