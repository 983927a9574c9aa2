using Timing.Core.Cycle;

namespace Timing.Web.Texts;

/// <summary>The overview, the layout around every page, signing in and out, invitations, unsubscribing and errors.</summary>
public static class SiteTexts
{
    public static LocalizedText Overview { get; } = new("Overzicht", "Overview");
    public static LocalizedText DateNotKnownYet { get; } = new("Datum nog niet bekend", "Date not known yet");

    public static LocalizedText ThisWeek { get; } = new("Deze week", "This week");

    public static LocalizedText WhatToDoNowMomentsThat { get; } = new("Wat u nu kunt doen: momenten die lopen of binnen vier weken beginnen, en commissievergaderingen waar u kunt inspreken, het dringendste eerst.", "What to do now: moments that are running or start within four weeks, and committee meetings where you can speak, most urgent first.");

    public static LocalizedText RunsUntil { get; } = new("loopt tot", "runs until");

    public static LocalizedText From { get; } = new("vanaf", "from");

    public static LocalizedText Expected { get; } = new(" (verwacht)", " (expected)");

    public static LocalizedText YourMunicipalities { get; } = new("Uw gemeenten", "Your municipalities");

    public static LocalizedText YouDoNotFollowAnyMunicipality { get; } = new("U volgt nog geen gemeenten.", "You do not follow any municipality yet.");

    public static LocalizedText GetStartedInThreeSteps { get; } = new("Aan de slag in drie stappen", "Get started in three steps");

    public static LocalizedText AddTheMunicipalitiesYourOrganisationWorks { get; } = new("Voeg de gemeenten toe waar uw organisatie werkt.", "Add the municipalities your organisation works in.");

    public static LocalizedText TimingLaysOutTheirCycleBudget { get; } = new("Timing zet hun cyclus klaar: begroting, verkiezingen, coalitievorming.", "Timing lays out their cycle: budget, elections, coalition forming.");

    public static LocalizedText InviteYourColleagues { get; } = new("Nodig uw collega's uit.", "Invite your colleagues.");

    public static LocalizedText TheyGetOneInvitationAndChoose { get; } = new("Ze krijgen één uitnodiging en kiezen zelf welke herinneringen ze willen.", "They get one invitation and choose the reminders they want.");

    public static LocalizedText PutTheMomentsInYourOwn { get; } = new("Zet de momenten in uw eigen agenda.", "Put the moments in your own calendar.");

    public static LocalizedText WithACalendarFeedForOutlook { get; } = new("Met een agenda-feed voor Outlook of Google Agenda, en kies uw herinneringen per e-mail.", "With a calendar feed for Outlook or Google Calendar, and choose your e-mail reminders.");

    public static LocalizedText AddAMunicipality { get; } = new("Gemeente toevoegen", "Add a municipality");

    public static LocalizedText ComingMoments { get; } = new("Komende momenten", "Coming moments");

    public static LocalizedText SkipToContent { get; } = new("Naar de inhoud", "Skip to content");

    public static LocalizedText MainMenu { get; } = new("Hoofdmenu", "Main menu");

    public static LocalizedText AddMunicipality { get; } = new("Gemeente toevoegen", "Add municipality");

    public static LocalizedText People { get; } = new("Mensen", "People");

    public static LocalizedText MyCalendarFeed { get; } = new("Mijn agenda-feed", "My calendar feed");

    public static LocalizedText MeetingSources { get; } = new("Vergaderkalenders", "Meeting sources");

    public static LocalizedText BackgroundJobs { get; } = new("Achtergrondtaken", "Background jobs");

    public static LocalizedText SignOut { get; } = new("Afmelden", "Sign out");

    public static LocalizedText ThePoliticalCalendarForPeopleWho { get; } = new("de politieke kalender voor wie met gemeenten werkt", "the political calendar for people who work with municipalities");

    public static LocalizedText PageNotFound { get; } = new("Pagina niet gevonden", "Page not found");

    public static LocalizedText ThisPageDoesNotExistOr { get; } = new("Deze pagina bestaat niet, of niet meer. Controleer het adres, of ga terug naar het overzicht.", "This page does not exist, or no longer exists. Check the address, or go back to the overview.");

    public static LocalizedText NoAccess { get; } = new("Geen toegang", "No access");

    public static LocalizedText YouHaveNoAccessToThis { get; } = new("U heeft geen toegang tot deze pagina.", "You have no access to this page.");

    public static LocalizedText FormNotProcessed { get; } = new("Formulier niet verwerkt", "Form not processed");

    public static LocalizedText ThisFormCouldNotBeProcessed { get; } = new("Dit formulier kon niet worden verwerkt: het was verlopen (bijvoorbeeld omdat u intussen opnieuw bent aangemeld) of een veld was te lang. Laad de pagina opnieuw en probeer het nog eens.", "This form could not be processed: it had expired (for example because you signed in again meanwhile) or a field was too long. Reload the page and try again.");

    public static LocalizedText FormTooLarge { get; } = new("Formulier te groot", "Form too large");

    public static LocalizedText WhatYouSentIsLargerThan { get; } = new("Wat u verstuurde is groter dan Timing aanneemt. Maak de tekst korter en probeer het opnieuw.", "What you sent is larger than Timing accepts. Make the text shorter and try again.");

    public static LocalizedText RequestNotUnderstood { get; } = new("Verzoek niet begrepen", "Request not understood");

    public static LocalizedText TheAddressOrFormContainsSomething { get; } = new("Het adres of formulier bevat iets wat we niet kunnen lezen.", "The address or form contains something we cannot read.");

    public static LocalizedText SomethingWentWrong { get; } = new("Er ging iets mis", "Something went wrong");

    public static LocalizedText SomethingWentWrongOnOurSide { get; } = new("Er ging aan onze kant iets mis. Uw laatste handeling is misschien niet uitgevoerd; probeer het over een paar minuten opnieuw.", "Something went wrong on our side. Your last action may not have been carried out; please try again in a few minutes.");

    public static LocalizedText ThatDidNotWork { get; } = new("Dat lukte niet", "That did not work");

    public static LocalizedText ThisPageCouldNotBeShown { get; } = new("Deze pagina kon niet worden getoond.", "This page could not be shown.");

    public static LocalizedText IfYouReportThisPleaseQuote { get; } = new("Meldt u dit, noem dan deze referentie:", "If you report this, please quote this reference:");

    public static LocalizedText ToTheOverview { get; } = new("Naar het overzicht", "To the overview");

    public static LocalizedText SignIn { get; } = new("Aanmelden", "Sign in");

    public static LocalizedText SignInToTiming { get; } = new("Aanmelden bij Timing", "Sign in to Timing");

    public static LocalizedText IfWeKnowThisAddressYou { get; } = new("Als dit adres bij ons bekend is, ontvangt u binnen een paar minuten een e-mail met een aanmeldlink. De link is 15 minuten geldig en werkt één keer.", "If we know this address, you will receive an e-mail with a sign-in link within a few minutes. The link is valid for 15 minutes and works once.");

    public static LocalizedText NoPasswordToRememberWeE { get; } = new("U hoeft geen wachtwoord te onthouden: we sturen u een aanmeldlink per e-mail.", "No password to remember: we e-mail you a sign-in link.");

    public static LocalizedText TooManyLinksWereAskedFor { get; } = new("Vanaf uw verbinding zijn te veel links aangevraagd. Probeer het over een kwartier opnieuw.", "Too many links were asked for from your connection. Please try again in fifteen minutes.");

    public static LocalizedText EMailAddress { get; } = new("E-mailadres", "E-mail address");

    public static LocalizedText SendMeASignInLink { get; } = new("Stuur mij een aanmeldlink", "Send me a sign-in link");

    public static LocalizedText ThisSignInLinkIsInvalid { get; } = new("Deze aanmeldlink is ongeldig, al gebruikt of verlopen.", "This sign-in link is invalid, already used or expired.");

    public static LocalizedText AskForANewLink { get; } = new("Vraag een nieuwe link aan", "Ask for a new link");

    public static LocalizedText StaySignedInOnThisDevice { get; } = new("Aangemeld blijven op dit apparaat", "Stay signed in on this device");

    public static LocalizedText OnlyOnYourOwnDeviceYou { get; } = new("Alleen op een eigen apparaat: u blijft dan ook na het sluiten van de browser 14 dagen aangemeld.", "Only on your own device: you then stay signed in for 14 days, also after closing the browser.");

    public static LocalizedText Invitation { get; } = new("Uitnodiging", "Invitation");

    public static LocalizedText YouAskedForNoEMail { get; } = new("U heeft gevraagd geen e-mail van Timing te ontvangen. Alleen u kunt dat ongedaan maken: meld u aan en kies op ‘Mijn agenda-feed’ voor herinneringen.", "You asked for no e-mail from Timing. Only you can undo that: sign in and choose reminders on ‘My calendar feed’.");

    public static LocalizedText SignInToChooseForYourself { get; } = new("Meld u aan om zelf te kiezen wat u ontvangt, over welke gemeenten en doelgroepen.", "Sign in to choose for yourself what you receive, about which municipalities and audiences.");

    public static LocalizedText YesIAccept { get; } = new("Ja, ik doe mee", "Yes, I accept");

    public static LocalizedText RatherNotThenDoNothingWithout { get; } = new("Liever niet? Dan hoeft u niets te doen: zonder uw akkoord stuurt Timing u niets meer.", "Rather not? Then do nothing: without your consent Timing sends you nothing more.");

    public static LocalizedText NeverEMailMeFromTiming { get; } = new("Nooit e-mail van Timing", "Never e-mail me from Timing");

    public static LocalizedText StopEMails { get; } = new("Geen e-mails meer", "Stop e-mails");

    public static LocalizedText StopReceivingReminders { get; } = new("Geen herinneringen meer ontvangen", "Stop receiving reminders");

    public static LocalizedText YouWillNoLongerReceiveThe { get; } = new("U ontvangt het weekoverzicht niet meer. Andere herinneringen die u had ingesteld, blijven komen; uw agenda-feed blijft werken.", "You will no longer receive the weekly digest. Other reminders you had set keep coming; your calendar feed keeps working.");

    public static LocalizedText YouWillNoLongerReceiveReminders { get; } = new("U ontvangt geen herinneringen en overzichten meer. Uw agenda-feed blijft werken.", "You will no longer receive reminders and digests. Your calendar feed keeps working.");

    public static LocalizedText DoYouWantToStopThe { get; } = new("Wilt u het weekoverzicht niet meer ontvangen? Losse herinneringen die u heeft ingesteld, blijven dan komen.", "Do you want to stop the weekly digest? Single reminders you have set then keep coming.");

    public static LocalizedText StopTheWeeklyDigest { get; } = new("Geen weekoverzicht meer", "Stop the weekly digest");

    public static LocalizedText OrDoYouWantNoE { get; } = new("Of wilt u helemaal geen e-mails meer van Timing?", "Or do you want no e-mails from Timing at all?");

    public static LocalizedText StopAllEMails { get; } = new("Geen e-mails meer", "Stop all e-mails");

    public static LocalizedText DoYouWantToStopReceiving { get; } = new("Wilt u geen e-mails meer van Timing ontvangen?", "Do you want to stop receiving e-mails from Timing?");

    public static LocalizedText OnlyADirector { get; } = new("Dit kan alleen een directeur van uw organisatie doen.", "Only a director of your organisation can do this.");

    public static LocalizedText EnterAValidEmail { get; } = new($"Vul een geldig e-mailadres in, zoals naam@organisatie.nl (hoogstens {TextLimits.Email} tekens).",
        $"Enter a valid e-mail address, such as name@organisation.nl (at most {TextLimits.Email} characters).");

    public static LocalizedText InvitationFor(string organisation) => new($"Uitnodiging voor Timing van {organisation}", $"Invitation to Timing for {organisation}");

    public static LocalizedText InvitationAccepted(LocalizedText sends) =>
        new($"U heeft de uitnodiging geaccepteerd. Timing stuurt u voortaan {sends.Nl}.", $"You accepted the invitation. From now on Timing sends you {sends.En}.");

    public static LocalizedText AddedTo(string organisation, string email) =>
        new($"U bent toegevoegd aan Timing voor {organisation}, met het adres {email}.", $"You were added to Timing for {organisation}, with the address {email}.");

    public static LocalizedText IfYouAccept(LocalizedText sends) =>
        new($"Als u accepteert, stuurt Timing u {sends.Nl}. U kiest daarna zelf wat u ontvangt; elke e-mail heeft een link om te stoppen.",
            $"If you accept, Timing sends you {sends.En}. Afterwards you choose what you receive; every e-mail has a link to stop.");

    public static LocalizedText PublicFacts { get; } = new("Openbare feiten", "Public facts");

    public static LocalizedText Moment { get; } = new("Moment", "Moment");

    public static LocalizedText Date { get; } = new("Datum", "Date");

    public static LocalizedText Source { get; } = new("Bron", "Source");

    public static LocalizedText Revert { get; } = new("Terugdraaien", "Revert");

    public static LocalizedText NoChangesYet { get; } = new("Nog geen wijzigingen.", "No changes yet.");

    public static LocalizedText When { get; } = new("Wanneer", "When");

    public static LocalizedText Municipality { get; } = new("Gemeente", "Municipality");

    public static LocalizedText SourceOfTheDate { get; } = new("Bron van de datum", "Source of the date");

    public static LocalizedText WhomToApproach { get; } = new("Wie u benadert", "Whom to approach");

    public static LocalizedText WhatToBring { get; } = new("Wat neemt u mee", "What to bring");

    public static LocalizedText Change { get; } = new("Wijzigen", "Change");

    public static LocalizedText Cancel { get; } = new("Annuleren", "Cancel");

    public static LocalizedText Remove { get; } = new("Verwijderen", "Remove");

    public static LocalizedText Add { get; } = new("Toevoegen", "Add");

    public static LocalizedText Name { get; } = new("Naam", "Name");

    public static LocalizedText EMailReminders { get; } = new("Herinneringen per e-mail", "E-mail reminders");

    public static LocalizedText SignInMailSubject { get; } = new("Uw aanmeldlink voor Timing", "Your sign-in link for Timing");

    /// <summary>The sign-in mail's opening; someone with accounts in several organisations gets a link for each.</summary>
    public static LocalizedText SignInMailIntro(bool several) => several
        ? new("U werkt in Timing voor meer dan één organisatie. Meld u aan met de link van de organisatie waarvoor u nu wilt werken (elke link 15 minuten geldig, één keer te gebruiken):",
            "You work for more than one organisation in Timing. Sign in with the link of the organisation you want to work for now (each valid for 15 minutes, once):")
        : new("Meld u aan bij Timing met deze link (15 minuten geldig, één keer te gebruiken):", "Sign in to Timing with this link (valid for 15 minutes, once):");

    public static LocalizedText NotAskedForIt { get; } = new("Niet aangevraagd? Dan kunt u dit bericht negeren.", "Did you not ask for it? Then ignore this message.");
}
