using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.People;
using Timing.Storage;

namespace Timing.Web.Pages.People;

[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class PeopleModel(TimingDbContext db, IClock clock, Timing.Worker.PlanTrigger trigger) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<FollowedMunicipality> Municipalities { get; private set; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public List<string> SelectedAudiences { get; set; } = [];
    [BindProperty] public List<string> SelectedMunicipalities { get; set; } = [];
    [BindProperty] public int PersonId { get; set; }
    [BindProperty] public string? NudgeMode { get; set; }

    public string ModeName(string mode) => mode switch
    {
        "digest" => HttpContext.T("wekelijks overzicht", "weekly digest"),
        "both" => HttpContext.T("elke herinnering en overzicht", "each reminder and digest"),
        "none" => HttpContext.T("geen", "none"),
        _ => HttpContext.T("elke herinnering", "each reminder"),
    };

    public string? EmailError { get; private set; }

    public string? NameError { get; private set; }

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => Load(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        string email;
        try
        {
            email = Directors.NormaliseEmail(Email);
        }
        catch (ArgumentException)
        {
            EmailError = HttpContext.T($"Vul een geldig e-mailadres in, zoals naam@organisatie.nl (hoogstens {TextLimits.Email} tekens).", $"Enter a valid e-mail address, such as name@organisation.nl (at most {TextLimits.Email} characters).");
            await Load(cancellationToken);
            return Page();
        }
        if (!TextLimits.Fits(Name, TextLimits.PersonName))
        {
            NameError = HttpContext.T($"Een naam heeft hoogstens {TextLimits.PersonName} tekens, op één regel.", $"A name has at most {TextLimits.PersonName} characters, on one line.");
            await Load(cancellationToken);
            return Page();
        }
        var codes = await db.FollowedMunicipalities.Where(m => m.OrganisationId == organisationId).Select(m => m.Code).ToListAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.Email == email, cancellationToken);
        if (person is not null && person.OrganisationId != organisationId)
        {
            EmailError = HttpContext.T("Dit adres hoort bij een andere organisatie.", "This address belongs to another organisation.");
            await Load(cancellationToken);
            return Page();
        }
        person ??= db.People.Add(new Person { Email = email, OrganisationId = organisationId, Role = Roles.Member, CreatedUnixMs = clock.GetCurrentInstant().ToUnixTimeMilliseconds() }).Entity;
        person.Name = Name?.Trim() ?? person.Name;
        person.Language = Language == "en" ? "en" : "nl";
        person.Audiences = string.Join(',', SelectedAudiences.Where(Audiences.IsKnown).Distinct());
        person.Municipalities = string.Join(',', SelectedMunicipalities.Where(codes.Contains).Distinct());
        person.NudgeMode = NudgeMode is "digest" or "both" or "none" ? NudgeMode : "each";
        await db.SaveChangesAsync(cancellationToken);
        trigger.PlanSoon();
        return Redirect("/mensen");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == PersonId && p.OrganisationId == organisationId, cancellationToken);
        if (person is null || person.Id == User.PersonId())
        {
            return NotFound();
        }
        await db.FeedTokens.Where(t => t.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SignInLinks.Where(t => t.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        db.People.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
        trigger.PlanSoon();
        return Redirect("/mensen");
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        People = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Email).ToListAsync(cancellationToken);
        Municipalities = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
    }
}
