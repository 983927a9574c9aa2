using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;
using static Timing.Municipalities.MunicipalityChanges;

namespace Timing.Web.Pages.Municipalities;

/// <summary>
/// A followed municipality for the task at hand: what is next and the forms a director uses first, then the
/// timeline (picture, then a list grouped by year), the entered dates and events, and who changed what.
/// Every form posts, redirects and shows what changed once (post/redirect/get); <see cref="MunicipalityChanges"/> makes the change.
/// </summary>
public sealed class DetailModel(TimingDbContext db, PageData data, CycleRules rules, MunicipalityChanges changes) : PageModel
{
    private readonly Dictionary<string, string> _errors = [];

    /// <summary>Meetings the rules matched to a moment without being sure: a director confirms them.</summary>
    public IReadOnlyList<Meeting> Uncertain { get; private set; } = [];

    /// <summary>Where the municipality's meetings come from, in one sentence.</summary>
    public Timing.Meetings.SourceFreshness? Freshness { get; private set; }

    /// <summary>How Timing found the meeting calendar itself, or how its search went (<see cref="DiscoveryText"/>).</summary>
    public string? Discovery { get; private set; }

    public MunicipalityView? View { get; private set; }

    public CycleRules Rules => rules;

    public IReadOnlyList<DateChange> Changes { get; private set; } = [];

    /// <summary>What the forms show again after a problem: the values as they were posted.</summary>
    public ActualInput Actual { get; private set; } = new(null, null, null);

    public ScheduleInput Schedule { get; private set; } = new(null, null);

    public EventInput Event { get; private set; } = new(null, null, null);

    public PublishInput Publish { get; private set; } = new(null, null);

    /// <summary>The problem to show next to a form field (named as posted), if any.</summary>
    public string? Error(string field) => _errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await changes.FindAsync(Director, code, cancellationToken) is not { } row)
        {
            return NotFound();
        }
        Schedule = new(row.MergerDate?.ToString("yyyy-MM-dd", null), null);
        return await Show(row, cancellationToken);
    }

    /// <param name="returnTo">The page the answer came from ("Deze week" asks too): back there after a saved date, if it is one of Timing's own.</param>
    public Task<IActionResult> OnPostActualAsync(string code, [FromForm] ActualInput input, [FromForm] string? returnTo, CancellationToken cancellationToken) =>
        Apply(code, () => changes.SetActualAsync(Director, code, Actual = input, cancellationToken), cancellationToken,
            returnTo is { Length: > 0 } && Url.IsLocalUrl(returnTo) ? returnTo : null);

    public Task<IActionResult> OnPostScheduleAsync(string code, [FromForm] ScheduleInput input, CancellationToken cancellationToken) =>
        Apply(code, () => changes.SetScheduleAsync(Director, code, Schedule = input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEventAsync(string code, [FromForm] EventInput input, CancellationToken cancellationToken) =>
        Apply(code, () => changes.AddEventAsync(Director, code, Event = input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string code, [FromForm] PublishInput input, CancellationToken cancellationToken) =>
        Apply(code, () => changes.PublishAsync(Director, code, Publish = input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(string code, [FromForm] long meetingId, CancellationToken cancellationToken) =>
        Apply(code, () => changes.ConfirmAsync(Director, code, meetingId, cancellationToken), cancellationToken);

    /// <summary>The title of a moment kind in the page's language, for the lists of entered dates.</summary>
    public string KindTitle(string kind) => changes.KindTitle(kind).In(Ui.Language(HttpContext));

    /// <inheritdoc cref="MunicipalityChanges.KindTitle(string, int)"/>
    public string KindTitle(string kind, int cycle) => changes.KindTitle(kind, cycle).In(Ui.Language(HttpContext));

    /// <inheritdoc cref="MunicipalityChanges.RegionName"/>
    public string RegionName(string region) => changes.RegionName(region).In(Ui.Language(HttpContext));

    /// <inheritdoc cref="MunicipalityChanges.MeetingMoment"/>
    public string MeetingMoment(string kind, LocalDate date) => changes.MeetingMoment(kind, date).In(Ui.Language(HttpContext));

    private MunicipalityChanges.Director Director => new(User.OrganisationId(), User.PersonId(), Ui.Language(HttpContext));

    private async Task<IActionResult> Apply(string code, Func<Task<ChangeOutcome>> change, CancellationToken cancellationToken, string? back = null)
    {
        if (!User.IsDirector())
        {
            return Forbid();
        }
        var outcome = await change();
        var lang = Ui.Language(HttpContext);
        if (outcome.IsMissing)
        {
            return NotFound();
        }
        if (outcome.Confirmation is { } done)
        {
            TempData.Flash(done.In(lang));
            return Redirect(back ?? Url.Municipality(outcome.Code));
        }
        foreach (var (field, problem) in outcome.Problems)
        {
            _errors[field] = problem.In(lang);
        }
        if (outcome.IsRefused)
        {
            // The request asked for something Timing cannot do: the page again with the problem, as 400.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return await Show((await changes.FindAsync(Director, code, cancellationToken))!, cancellationToken);
    }

    private async Task<IActionResult> Show(FollowedMunicipality row, CancellationToken cancellationToken)
    {
        View = await data.ViewAsync(row, cancellationToken);
        var from = data.Today;
        Uncertain = await db.Meetings.AsNoTracking()
            .Where(m => m.Code == row.Code && m.Kind != "" && !m.Certain && m.ConfirmedBy == "" && m.Date >= from)
            .OrderBy(m => m.Date).Take(20).ToListAsync(cancellationToken);
        Freshness = await Timing.Meetings.SourceFreshness.LoadAsync(db, row.Code, data.Today, cancellationToken);
        Discovery = await DiscoveryText.ForPageAsync(HttpContext, db, row.Code, Freshness.Source, cancellationToken);
        Changes = await db.DateChanges.AsNoTracking().Where(c => c.FollowedMunicipalityId == row.Id)
            .OrderByDescending(c => c.At).Take(50).ToListAsync(cancellationToken);
        return Page();
    }
}
