using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.People;
using Timing.Storage;

namespace Timing.Web.Pages;

/// <summary>
/// Where an invited colleague says yes: the link in the invitation opens this page, and only its button (a POST)
/// accepts, so a mail scanner that follows links accepts nothing. No sign-in: the signed token is the proof.
/// </summary>
public sealed class InvitationModel(TimingDbContext db, Timing.Mail.Unsubscribe tokens, IClock clock, Worker.PlanTrigger trigger) : PageModel
{
    public string Token { get; private set; } = "";

    public string UnsubscribeToken { get; private set; } = "";

    public Person? Person { get; private set; }

    public string Organisation { get; private set; } = "";

    /// <summary>The address asked for no mail: only the person, signed in, can undo that.</summary>
    public bool OptedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await Load(token, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await Load(token, cancellationToken))
        {
            return NotFound();
        }
        if (!OptedOut && Person!.Accepted is null)
        {
            var person = await db.People.FirstAsync(p => p.Id == Person.Id, cancellationToken);
            person.Accepted = clock.GetCurrentInstant();
            await db.SaveChangesAsync(cancellationToken);
            await trigger.PlanNowAsync(person.OrganisationId, cancellationToken);
        }
        return RedirectToPage("/Invitation", new { token });
    }

    private async Task<bool> Load(string token, CancellationToken cancellationToken)
    {
        var id = await tokens.ReadInvitationAsync(token, cancellationToken);
        Person = id is null ? null : await db.People.AsNoTracking().Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (Person is null)
        {
            return false; // removed since the invitation went out
        }
        HttpContext.Items[Ui.RecipientLanguage] = Person.Language;
        Token = token;
        UnsubscribeToken = await tokens.TokenAsync(Person.Id, cancellationToken);
        Organisation = Person.Organisation!.Name;
        OptedOut = await Consent.IsOptedOutAsync(db, Person.Email, cancellationToken);
        return true;
    }
}
