using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;
using Timing.Web.Texts;

namespace Timing.Web.Pages.People;

/// <summary>
/// Changing a colleague. The form shows the person's current choices; saving changes only what the form shows
/// and what differs, so saving without changes changes nothing. A person's own unsubscribe is not the
/// director's to undo: the reminder setting is then shown, not offered.
/// </summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class EditPersonModel(TimingDbContext db, Timing.Worker.PlanTrigger trigger, CycleRules rules) : PageModel
{
    public Person? Person { get; private set; }

    public IReadOnlyList<FollowedMunicipality> Municipalities { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public List<string> SelectedAudiences { get; set; } = [];
    [BindProperty] public List<string> SelectedMunicipalities { get; set; } = [];
    [BindProperty] public string? NudgeMode { get; set; }

    public string? NameError { get; private set; }

    public string? ChoiceError { get; private set; }

    public PersonForm Form => new(Person!.Email, false, null, Name, NameError, ChoiceError, PersonFormValues.Language(Language), PersonFormValues.Mode(NudgeMode) ?? Core.Nudges.NudgeMode.Each, Person.ModeBeforeUnsubscribe is not null,
        SelectedAudiences.ToHashSet(), SelectedMunicipalities.ToHashSet(), Municipalities, Person.OwnChoices);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }
        var p = Person!;
        Name = p.Name;
        Language = PersonFormValues.Value(p.Language);
        NudgeMode = PersonFormValues.Value(p.NudgeMode);
        SelectedAudiences = [.. p.Audiences];
        SelectedMunicipalities = [.. p.Municipalities];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await Load(id, cancellationToken))
        {
            return NotFound();
        }
        var person = await db.People.FirstAsync(p => p.Id == id, cancellationToken);
        var shown = Municipalities.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var changed = new List<LocalizedText>();

        if (!TextLimits.Fits(Name, TextLimits.PersonName))
        {
            NameError = PeopleTexts.NameTooLong.In(Ui.Language(HttpContext));
            return Page();
        }
        // The form also shows, ticked, the person's chosen municipalities the organisation no longer follows.
        var offered = shown.Concat(person.Municipalities).ToHashSet(StringComparer.Ordinal);
        if (PersonFormValues.Problem(rules, Language, NudgeMode, person.ModeBeforeUnsubscribe is null, SelectedAudiences, SelectedMunicipalities, offered) is { } problem)
        {
            ChoiceError = problem.In(Ui.Language(HttpContext));
            return Page();
        }
        var name = Name?.Trim() ?? "";
        if (name != person.Name)
        {
            person.Name = name;
            changed.Add(PeopleTexts.NameChanged);
        }
        var language = Language is null ? person.Language : PersonFormValues.Language(Language);
        if (language != person.Language)
        {
            person.Language = language;
            changed.Add(PeopleTexts.LanguageChanged);
        }
        if (person.OwnChoices)
        {
            // The person chose their reminders, audiences and municipalities themselves; the director set only the start.
            SelectedAudiences = [.. person.Audiences];
            SelectedMunicipalities = [.. person.Municipalities];
            NudgeMode = PersonFormValues.Value(person.NudgeMode);
        }
        // Unknown audiences a person had are kept: the form only shows, and so only changes, the known ones.
        var audiences = person.Audiences.Where(a => !rules.IsAudience(a))
            .Concat(rules.Audiences.Select(a => a.Id).Where(SelectedAudiences.Contains)).ToHashSet(StringComparer.Ordinal);
        if (!audiences.SetEquals(person.Audiences))
        {
            person.Audiences = audiences;
            changed.Add(PeopleTexts.AudiencesChanged);
        }
        var municipalities = SelectedMunicipalities.ToHashSet(StringComparer.Ordinal);
        if (!municipalities.SetEquals(person.Municipalities))
        {
            person.Municipalities = municipalities;
            changed.Add(PeopleTexts.MunicipalitiesChanged);
        }
        if (person.ModeBeforeUnsubscribe is null && PersonFormValues.Mode(NudgeMode) is { } mode && mode != person.NudgeMode)
        {
            person.NudgeMode = mode;
            changed.Add(PeopleTexts.RemindersChanged);
        }
        if (changed.Count == 0)
        {
            TempData.Flash(PeopleTexts.NothingChangedFor(person.Email).In(Ui.Language(HttpContext)));
            return RedirectToPage("/People/Index");
        }
        await db.SaveChangesAsync(cancellationToken);
        var planned = await trigger.PlanNowAsync(person.OrganisationId, cancellationToken);
        TempData.Flash((PeopleTexts.SavedFor(person.Email, changed) + Replan.Text(planned)).In(Ui.Language(HttpContext)));
        return RedirectToPage("/People/Index");
    }

    private async Task<bool> Load(int id, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken);
        Municipalities = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return Person is not null;
    }
}
