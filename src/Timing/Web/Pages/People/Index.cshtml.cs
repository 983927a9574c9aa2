using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.People;
using Timing.Storage;
using Timing.Web.Texts;

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

    /// <summary>
    /// The municipalities a person chose, by name; codes the organisation no longer follows are left out, and a
    /// choice of which the organisation follows nothing any more is said to bring nothing.
    /// </summary>
    public string MunicipalityNames(Person person)
    {
        if (person.Municipalities.Count == 0)
        {
            return PeopleTexts.All.In(Ui.Language(HttpContext));
        }
        var names = Municipalities.Where(m => person.Municipalities.Contains(m.Code)).Select(m => m.Name).ToList();
        return names.Count == 0
            ? PeopleTexts.NoneTheChosenMunicipalitiesAreNo.In(Ui.Language(HttpContext))
            : string.Join(", ", names);
    }

    /// <summary>The audiences a person chose, by name, in the form's order; ids no longer known come last, as they are.</summary>
    public string AudienceNames(Person person) => person.Audiences.Count == 0
        ? PeopleTexts.All.In(Ui.Language(HttpContext))
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
            EmailError = SiteTexts.EnterAValidEmail.In(Ui.Language(HttpContext));
            await Load(cancellationToken);
            return Page();
        }
        if (!TextLimits.Fits(Name, TextLimits.PersonName))
        {
            NameError = PeopleTexts.NameTooLong.In(Ui.Language(HttpContext));
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
            EmailError = PeopleTexts.ThisColleagueIsAlreadyInThe.In(Ui.Language(HttpContext));
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
        var invited = await invitations.SendAsync(person, me, me.Organisation!.Name, cancellationToken);
        TempData.Flash((invited switch
        {
            Invitations.Outcome.Sent => PeopleTexts.AddedAndInvited(person.Email),
            Invitations.Outcome.OptedOut => PeopleTexts.AddedButOptedOut(person.Email),
            Invitations.Outcome.AlreadyInvited => PeopleTexts.Added(person.Email) + AlreadyInvited(person),
            _ => PeopleTexts.AddedButNotInvited(person.Email),
        }).In(Ui.Language(HttpContext)));
        return RedirectToPage("/People/Index");
    }

    /// <summary>Sends a colleague who has not accepted their invitation once more, at most once in <see cref="Invitations.Interval"/>.</summary>
    public async Task<IActionResult> OnPostReinviteAsync(int id, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId && p.Accepted == null, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        var me = await db.People.AsNoTracking().Include(p => p.Organisation).FirstAsync(p => p.Id == User.PersonId(), cancellationToken);
        TempData.Flash((await invitations.SendAsync(person, me, me.Organisation!.Name, cancellationToken) switch
        {
            Invitations.Outcome.Sent => PeopleTexts.InvitedAgain(person.Email),
            Invitations.Outcome.OptedOut => PeopleTexts.AddedButOptedOut(person.Email),
            Invitations.Outcome.AlreadyInvited => AlreadyInvited(person),
            _ => PeopleTexts.AddedButNotInvited(person.Email),
        }).In(Ui.Language(HttpContext)));
        return RedirectToPage("/People/Index");
    }

    /// <summary>When the address was last invited, and from when it can be again.</summary>
    private static LocalizedText AlreadyInvited(Person person)
    {
        var since = person.Invited!.Value.InZone(Core.ProductTime.Zone).Date;
        var again = since.Plus(Period.FromDays((int)Invitations.Interval.TotalDays));
        return PeopleTexts.AlreadyInvited(DateText.Long(since, Core.Cycle.Language.Nl), DateText.Long(again, Core.Cycle.Language.Nl),
            DateText.Long(since, Core.Cycle.Language.En), DateText.Long(again, Core.Cycle.Language.En));
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        People = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Email).ToListAsync(cancellationToken);
        OptedOut = await Consent.OptedOutAsync(db, People.Select(p => p.Email), cancellationToken);
        Municipalities = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
    }
}
