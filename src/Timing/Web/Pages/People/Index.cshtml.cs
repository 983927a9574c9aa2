using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.People;
using Timing.Storage;

namespace Timing.Web.Pages.People;

/// <summary>The organisation's people and the form to add a colleague; changing someone happens on their own edit page.</summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class PeopleModel(TimingDbContext db, IClock clock, Invitations invitations, CycleRules rules) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>The addresses among the people that asked for no mail from Timing.</summary>
    public IReadOnlySet<string> OptedOut { get; private set; } = new HashSet<string>();

    public IReadOnlyList<FollowedMunicipality> Municipalities { get; private set; } = [];

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public List<string> SelectedAudiences { get; set; } = [];
    [BindProperty] public List<string> SelectedMunicipalities { get; set; } = [];
    [BindProperty] public string? NudgeMode { get; set; }

    public string? EmailError { get; private set; }

    /// <summary>An existing person with the entered address: the page links to their edit page.</summary>
    public int? ExistingId { get; private set; }

    public PersonForm Form => new(Email, true, EmailError, Name, NameError, ChoiceError, PersonFormValues.Language(Language), PersonFormValues.Mode(NudgeMode) ?? Core.Nudges.NudgeMode.Each, false,
        SelectedAudiences.ToHashSet(), SelectedMunicipalities.ToHashSet(), Municipalities);

    public static string ModeName(HttpContext http, NudgeMode mode) => mode switch
    {
        Core.Nudges.NudgeMode.Digest => http.T("wekelijks overzicht", "weekly digest"),
        Core.Nudges.NudgeMode.Both => http.T("elke herinnering en overzicht", "each reminder and digest"),
        Core.Nudges.NudgeMode.None => http.T("geen", "none"),
        _ => http.T("elke herinnering", "each reminder"),
    };

    /// <summary>
    /// The municipalities a person chose, by name; codes the organisation no longer follows are left out, and a
    /// choice of which the organisation follows nothing any more is said to bring nothing.
    /// </summary>
    public string MunicipalityNames(Person person)
    {
        if (person.Municipalities.Count == 0)
        {
            return HttpContext.T("alle", "all");
        }
        var names = Municipalities.Where(m => person.Municipalities.Contains(m.Code)).Select(m => m.Name).ToList();
        return names.Count == 0
            ? HttpContext.T("geen: de gekozen gemeenten worden niet meer gevolgd", "none: the chosen municipalities are no longer followed")
            : string.Join(", ", names);
    }

    /// <summary>The audiences a person chose, by name, in the form's order; ids no longer known come last, as they are.</summary>
    public string AudienceNames(Person person) => person.Audiences.Count == 0
        ? HttpContext.T("alle", "all")
        : string.Join(", ", rules.Audiences.Select(a => a.Id).Where(person.Audiences.Contains).Concat(person.Audiences.Where(a => !rules.IsAudience(a)))
            .Select(a => rules.AudienceName(a, Ui.Language(HttpContext))));

    public string? NameError { get; private set; }

    public string? ChoiceError { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => Load(cancellationToken);

    /// <summary>Adds a colleague. An address that is already here is not overwritten: the page points to the person's edit page.</summary>
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
        if (PersonFormValues.Problem(rules, Language, NudgeMode, true, SelectedAudiences, SelectedMunicipalities, codes) is { } problem)
        {
            ChoiceError = problem.In(Ui.Language(HttpContext));
            await Load(cancellationToken);
            return Page();
        }
        // Only this organisation's people are looked at: whether the address works elsewhere too is not this page's to tell.
        var existing = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email && p.OrganisationId == organisationId, cancellationToken);
        if (existing is not null)
        {
            EmailError = HttpContext.T("Deze collega staat al in de lijst. Wijzig haar of hem via ‘Wijzigen’ in de tabel.", "This colleague is already in the list. Change them with ‘Change’ in the table.");
            ExistingId = existing.Id;
            await Load(cancellationToken);
            return Page();
        }
        var person = db.People.Add(new Person
        {
            Email = email,
            OrganisationId = organisationId,
            Role = Roles.Member,
            Created = clock.GetCurrentInstant(),
            Name = Name?.Trim() ?? "",
            Language = PersonFormValues.Language(Language),
            Audiences = SelectedAudiences.ToHashSet(StringComparer.Ordinal),
            Municipalities = SelectedMunicipalities.ToHashSet(StringComparer.Ordinal),
            NudgeMode = PersonFormValues.Mode(NudgeMode) ?? Core.Nudges.NudgeMode.Each,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        // Nothing is planned for the colleague until they accept: the invitation is the only mail.
        var me = await db.People.AsNoTracking().Include(p => p.Organisation).FirstAsync(p => p.Id == User.PersonId(), cancellationToken);
        var invited = await invitations.SendAsync(person, me.Organisation!.Name, me.Name.Length > 0 ? $"{me.Name} ({me.Email})" : me.Email, cancellationToken);
        TempData.Flash(invited switch
        {
            Invitations.Outcome.Sent => HttpContext.T($"{person.Email} toegevoegd en uitgenodigd. Herinneringen beginnen pas als zij of hij de uitnodiging accepteert.",
                $"{person.Email} added and invited. Reminders start only once they accept the invitation."),
            Invitations.Outcome.OptedOut => HttpContext.T($"{person.Email} toegevoegd, maar dit adres wil geen e-mail van Timing: er is geen uitnodiging gestuurd. Zij of hij kan zich aanmelden en zelf herinneringen aanzetten.",
                $"{person.Email} added, but this address wants no e-mail from Timing: no invitation was sent. They can sign in and turn on reminders themselves."),
            _ => HttpContext.T($"{person.Email} toegevoegd, maar de uitnodiging kon niet worden verstuurd. Zij of hij kan zich aanmelden en de uitnodiging op ‘Mijn agenda-feed’ accepteren.",
                $"{person.Email} added, but the invitation could not be sent. They can sign in and accept on ‘My calendar feed’."),
        });
        return Redirect("/mensen");
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        People = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Email).ToListAsync(cancellationToken);
        OptedOut = await Consent.OptedOutAsync(db, People.Select(p => p.Email), cancellationToken);
        Municipalities = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
    }
}
