using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;
using Timing.Web.Texts;

namespace Timing.Web.Pages.People;

/// <summary>The confirmation step before a director removes a colleague; the post removes and re-plans.</summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class RemovePersonModel(TimingDbContext db, IClock clock, Timing.Worker.PlanTrigger trigger) : PageModel
{
    public Person? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Person = await Find(id, cancellationToken);
        return Person is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var person = await Find(id, cancellationToken);
        if (person is null)
        {
            TempData.Flash(PeopleTexts.ThisPersonWasAlreadyRemoved.In(Ui.Language(HttpContext)));
            return RedirectToPage("/People/Index");
        }
        var me = await db.People.AsNoTracking().FirstAsync(p => p.Id == User.PersonId(), cancellationToken);
        await db.FeedTokens.Where(t => t.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SignInLinks.Where(t => t.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        db.OrganisationChanges.Add(new OrganisationChange
        {
            OrganisationId = person.OrganisationId,
            PersonEmail = me.Email,
            At = clock.GetCurrentInstant(),
            Subject = "remove-person",
            OldValue = person.Email,
        });
        db.People.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Flash(PeopleTexts.Removed(person.Email).In(Ui.Language(HttpContext)));
        trigger.PlanSoon();
        return RedirectToPage("/People/Index");
    }

    /// <summary>Someone of the director's own organisation, never the director themselves.</summary>
    private async Task<Person?> Find(int id, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        return id == User.PersonId() ? null
            : await db.People.FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken);
    }
}
