using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Web.Texts;

/// <summary>The director's pages about colleagues: inviting, changing, removing, and the reminders each receives.</summary>
public static class PeopleTexts
{
    public static LocalizedText ChangeAColleague { get; } = new("Collega wijzigen", "Change a colleague");

    public static LocalizedText Change { get; } = new("Wijzigen:", "Change:");

    public static LocalizedText Save { get; } = new("Opslaan", "Save");

    public static LocalizedText PeopleOfYourOrganisation { get; } = new("Mensen van uw organisatie", "People of your organisation");

    public static LocalizedText Person { get; } = new("Persoon", "Person");

    public static LocalizedText Role { get; } = new("Rol", "Role");

    public static LocalizedText Language { get; } = new("Taal", "Language");

    public static LocalizedText WhomTheyApproach { get; } = new("Wie benadert hij of zij", "Whom they approach");

    public static LocalizedText Municipalities { get; } = new("Gemeenten", "Municipalities");

    public static LocalizedText Reminders { get; } = new("Herinneringen", "Reminders");

    public static LocalizedText Actions { get; } = new("Acties", "Actions");

    public static LocalizedText Director { get; } = new("directeur", "director");

    public static LocalizedText Colleague { get; } = new("collega", "colleague");

    public static LocalizedText English { get; } = new("Engels", "English");

    public static LocalizedText Dutch { get; } = new("Nederlands", "Dutch");

    public static LocalizedText WantsNoEMailFromTiming { get; } = new("wil geen e-mail van Timing", "wants no e-mail from Timing");

    public static LocalizedText UnsubscribedByThisPerson { get; } = new("afgemeld door deze persoon", "unsubscribed by this person");

    public static LocalizedText WeeklyDigestUnsubscribedByThisPerson { get; } = new(" (weekoverzicht afgemeld door deze persoon)", " (weekly digest unsubscribed by this person)");

    public static LocalizedText AddAColleague { get; } = new("Collega toevoegen", "Add a colleague");

    public static LocalizedText ToThisColleaguesDetails { get; } = new("Naar de gegevens van deze collega", "To this colleague's details");

    public static LocalizedText RemindersFor { get; } = new("Herinneringen voor", "Reminders for");

    public static LocalizedText UncertainMeansTheConnectionBrokeWhile { get; } = new("Onzeker betekent: de verbinding brak terwijl het bericht werd overgedragen. Het is misschien aangekomen; controleer dat voordat u het opnieuw verstuurt (met hetzelfde Message-ID).", "Uncertain means: the connection broke while the message was handed over. It may have arrived; check before you send it again (with the same Message-ID).");

    public static LocalizedText PreviewOfADay { get; } = new("Voorbeeld van een dag", "Preview of a day");

    public static LocalizedText ThisIsHowThatDaysReminder { get; } = new("Zo ziet de herinneringsmail van die dag eruit als hij nu zou gaan. Er wordt niets verstuurd.", "This is how that day's reminder mail would look if it went now. Nothing is sent.");

    public static LocalizedText Day { get; } = new("Dag", "Day");

    public static LocalizedText ShowPreview { get; } = new("Voorbeeld tonen", "Show preview");

    public static LocalizedText Preview { get; } = new("Voorbeeld", "Preview");

    public static LocalizedText Subject { get; } = new("Onderwerp", "Subject");

    public static LocalizedText PreviewOfTheWeeklyDigest { get; } = new("Voorbeeld van het weekoverzicht", "Preview of the weekly digest");

    public static LocalizedText PlannedAndSent { get; } = new("Gepland en verstuurd", "Planned and sent");

    public static LocalizedText State { get; } = new("Status", "State");

    public static LocalizedText Details { get; } = new("Toelichting", "Details");

    public static LocalizedText Action { get; } = new("Actie", "Action");

    public static LocalizedText SendAgain { get; } = new("Opnieuw versturen", "Send again");

    public static LocalizedText RemoveAColleague { get; } = new("Collega verwijderen", "Remove a colleague");

    public static LocalizedText RemoveThisColleague { get; } = new("Collega verwijderen?", "Remove this colleague?");

    public static LocalizedText ThisPersonCanNoLongerSign { get; } = new("Deze persoon kan zich niet meer aanmelden, het persoonlijke feed-adres werkt niet meer en geplande herinneringen vervallen. De wijzigingen die deze persoon maakte blijven in de geschiedenis.", "This person can no longer sign in, their personal feed address stops working and planned reminders lapse. The changes this person made stay in the history.");

    public static LocalizedText LanguageOfFeedAndEMail { get; } = new("Taal van feed en e-mail", "Language of feed and e-mail");

    public static LocalizedText RemindersAudiencesAndMunicipalities { get; } = new("Herinneringen, doelgroepen en gemeenten", "Reminders, audiences and municipalities");

    public static LocalizedText UnsubscribedByThisPersonOnlyThis { get; } = new("Afgemeld door deze persoon. Alleen deze persoon kan dat ongedaan maken, op de eigen pagina ‘Mijn agenda-feed’.", "Unsubscribed by this person. Only this person can undo that, on their own ‘My calendar feed’ page.");

    public static LocalizedText WhomDoesThisPersonApproachNone { get; } = new("Wie benadert deze persoon? (niets aangevinkt: iedereen)", "Whom does this person approach? (none ticked: everyone)");

    public static LocalizedText MunicipalitiesNoneTickedAll { get; } = new("Gemeenten (niets aangevinkt: alle)", "Municipalities (none ticked: all)");

    public static LocalizedText YourOrganisationDoesNotFollowAny { get; } = new("Uw organisatie volgt nog geen gemeenten.", "Your organisation does not follow any municipality yet.");

    public static LocalizedText NoLongerFollowed { get; } = new("(niet meer gevolgd)", "(no longer followed)");

    public static LocalizedText NameChanged { get; } = new("naam", "name");

    public static LocalizedText LanguageChanged { get; } = new("taal", "language");

    public static LocalizedText AudiencesChanged { get; } = new("doelgroepen", "audiences");

    public static LocalizedText MunicipalitiesChanged { get; } = new("gemeenten", "municipalities");

    public static LocalizedText RemindersChanged { get; } = new("herinneringen", "reminders");

    public static LocalizedText All { get; } = new("alle", "all");

    public static LocalizedText NoneTheChosenMunicipalitiesAreNo { get; } = new("geen: de gekozen gemeenten worden niet meer gevolgd", "none: the chosen municipalities are no longer followed");

    public static LocalizedText ThisColleagueIsAlreadyInThe { get; } = new("Deze collega staat al in de lijst. Wijzig haar of hem via ‘Wijzigen’ in de tabel.", "This colleague is already in the list. Change them with ‘Change’ in the table.");

    public static LocalizedText ReminderMailOfTheDay { get; } = new("Herinneringsmail van de dag", "Reminder mail of the day");

    public static LocalizedText NothingChangedThisReminderWasAlready { get; } = new("Niets gewijzigd: deze herinnering stond al in de wachtrij of is al verstuurd.", "Nothing changed: this reminder was already queued or has been sent.");

    public static LocalizedText Pending { get; } = new("gepland", "pending");

    public static LocalizedText Sent { get; } = new("verstuurd", "sent");

    public static LocalizedText Failed { get; } = new("mislukt", "failed");

    public static LocalizedText UncertainNotResent { get; } = new("onzeker (niet opnieuw verstuurd)", "uncertain (not resent)");

    public static LocalizedText InProgress { get; } = new("bezig", "in progress");

    public static LocalizedText ThisPersonWasAlreadyRemoved { get; } = new("Deze persoon was al verwijderd.", "This person was already removed.");

    /// <summary>How a person receives reminders, as a list and the tables name it.</summary>
    public static LocalizedText Mode(NudgeMode mode) => mode switch
    {
        NudgeMode.Digest => new("wekelijks overzicht", "weekly digest"),
        NudgeMode.Both => new("elke herinnering en overzicht", "each reminder and digest"),
        NudgeMode.None => new("geen", "none"),
        _ => new("elke herinnering", "each reminder"),
    };

    public static LocalizedText NameTooLong { get; } = new($"Een naam heeft hoogstens {TextLimits.PersonName} tekens, op één regel.", $"A name has at most {TextLimits.PersonName} characters, on one line.");

    public static LocalizedText Invited(NudgeMode mode) => new($"uitgenodigd (begint met: {Mode(mode).Nl})", $"invited (starts with: {Mode(mode).En})");

    public static LocalizedText ChosenByThisPerson(NudgeMode mode) =>
        new($"Door deze persoon zelf gekozen: {Mode(mode).Nl}. Alleen deze persoon wijzigt dat, op de eigen pagina ‘Mijn agenda-feed’.",
            $"Chosen by this person: {Mode(mode).En}. Only this person changes that, on their own ‘My calendar feed’ page.");

    public static LocalizedText DigestUnsubscribedByThisPerson(NudgeMode mode) =>
        new($"{Mode(mode).Nl}; het weekoverzicht is afgemeld door deze persoon. Alleen deze persoon kan dat ongedaan maken, op de eigen pagina ‘Mijn agenda-feed’.",
            $"{Mode(mode).En}; the weekly digest was unsubscribed by this person. Only this person can undo that, on their own ‘My calendar feed’ page.");

    public static LocalizedText ChosenButNoLongerFollowed(IEnumerable<string> names) =>
        new($"Gekozen, maar niet meer gevolgd door uw organisatie: {string.Join(", ", names)}. Zolang uw organisatie geen van de aangevinkte gemeenten volgt, krijgt deze persoon over gemeenten geen herinneringen; vink ze uit om weer alle gemeenten te volgen.",
            $"Chosen, but no longer followed by your organisation: {string.Join(", ", names)}. As long as your organisation follows none of the ticked municipalities, this person gets no reminders about municipalities; untick them to follow all municipalities again.");

    public static LocalizedText NoReminderPlannedOn(LocalDate day) =>
        new($"Op {DateText.Long(day, Core.Cycle.Language.Nl)} staat geen herinnering gepland.", $"No reminder is planned on {DateText.Long(day, Core.Cycle.Language.En)}.");

    public static LocalizedText AddedAndInvited(string email) =>
        new($"{email} toegevoegd en uitgenodigd. Herinneringen beginnen pas als zij of hij de uitnodiging accepteert.", $"{email} added and invited. Reminders start only once they accept the invitation.");

    public static LocalizedText AddedButOptedOut(string email) =>
        new($"{email} toegevoegd, maar dit adres wil geen e-mail van Timing: er is geen uitnodiging gestuurd. Zij of hij kan zich aanmelden en zelf herinneringen aanzetten.",
            $"{email} added, but this address wants no e-mail from Timing: no invitation was sent. They can sign in and turn on reminders themselves.");

    public static LocalizedText Added(string email) => new($"{email} toegevoegd. ", $"{email} added. ");

    public static LocalizedText AlreadyInvited(string since, string again, string sinceEn, string againEn) =>
        new($"Dit adres kreeg op {since} al een uitnodiging van uw organisatie; een nieuwe kan vanaf {again}. Zij of hij kan zich ook aanmelden en de uitnodiging op ‘Mijn agenda-feed’ accepteren.",
            $"This address already had an invitation from your organisation on {sinceEn}; a new one can go from {againEn}. They can also sign in and accept on ‘My calendar feed’.");

    public static LocalizedText InvitedAgain(string email) =>
        new($"{email} is opnieuw uitgenodigd.", $"{email} was invited again.");

    public static LocalizedText InviteAgain { get; } = new("Opnieuw uitnodigen", "Invite again");

    public static LocalizedText AddedButNotInvited(string email) =>
        new($"{email} toegevoegd, maar de uitnodiging kon niet worden verstuurd. Zij of hij kan zich aanmelden en de uitnodiging op ‘Mijn agenda-feed’ accepteren.",
            $"{email} added, but the invitation could not be sent. They can sign in and accept on ‘My calendar feed’.");

    public static LocalizedText NothingChangedFor(string email) => new($"Niets gewijzigd voor {email}.", $"Nothing changed for {email}.");

    public static LocalizedText SavedFor(string email, IReadOnlyList<LocalizedText> changed) =>
        new($"Opgeslagen voor {email}: {string.Join(", ", changed.Select(c => c.Nl))} gewijzigd.", $"Saved for {email}: {string.Join(", ", changed.Select(c => c.En))} changed.");

    public static LocalizedText NotADate(string preview) =>
        new($"'{preview}' is geen datum die Timing kent; kies een dag als 17-03-2027.", $"'{preview}' is not a date Timing knows; choose a day such as 17-03-2027.");

    public static LocalizedText QueuedAgain(string email) =>
        new($"De herinnering voor {email} staat opnieuw in de wachtrij en gaat binnen een paar minuten weg, met hetzelfde Message-ID.",
            $"The reminder for {email} is queued again and goes out within a few minutes, with the same Message-ID.");

    public static LocalizedText Removed(string email) =>
        new($"{email} is verwijderd. Het feed-adres werkt niet meer en er worden geen herinneringen meer verstuurd.",
            $"{email} has been removed. The feed address no longer works and no more reminders are sent.");
}
