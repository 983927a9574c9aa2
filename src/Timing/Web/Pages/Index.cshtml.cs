using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;
using Timing.Worker;

namespace Timing.Web.Pages;

public sealed class IndexModel(PageData data, CycleRules rules, TimingDbContext db) : PageModel
{
    public IReadOnlyList<MunicipalityView> Municipalities { get; private set; } = [];

    /// <summary>"Deze week": what the signed-in person should do now across their municipalities, most urgent first.</summary>
    public IReadOnlyList<ThisWeekItem> ThisWeekItems { get; private set; } = [];

    public CycleRules Rules => rules;

    public LocalDate Today => data.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipalities = await data.MunicipalitiesAsync(User.OrganisationId(), cancellationToken);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == User.PersonId(), cancellationToken);
        if (person is not null)
        {
            var followed = Municipalities.Select(m => MunicipalityCode.Parse(m.Row.Code)).ToHashSet();
            if (person.Role != Roles.Director)
            {
                // A colleague reads about the municipalities they chose; the director sees all, to manage them.
                var own = NudgeOutbox.Recipient(person, followed).Municipalities;
                Municipalities = Municipalities.Where(m => own.Contains(MunicipalityCode.Parse(m.Row.Code))).ToList();
            }
            var meetings = await SpeakingOutbox.CommitteeMeetingsAsync(db, Municipalities.Select(m => m.Row.Code).ToArray(), data.Today, cancellationToken, data.Today.PlusDays(ThisWeek.Days));
            ThisWeekItems = ThisWeek.For(Municipalities.Select(m => m.Timeline), NudgeOutbox.Recipient(person, followed), data.Today, meetings);
        }
    }
}
