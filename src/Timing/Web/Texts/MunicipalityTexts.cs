using Timing.Core.Cycle;

namespace Timing.Web.Texts;

/// <summary>The signed-in pages of a followed municipality: its overview, moments, forms and the steps to add or remove.</summary>
public static class MunicipalityTexts
{
    public static LocalizedText PublicPageSharedFactsMeetingCalendar { get; } = new("Openbare pagina: gedeelde feiten, vergaderkalender en wijzigingen", "Public page: shared facts, meeting calendar and changes");

    public static LocalizedText WhatIsNext { get; } = new("Wat komt eraan", "What is next");

    public static LocalizedText Now { get; } = new("Nu", "Now");

    public static LocalizedText MeetingsToConfirm { get; } = new("Vergaderingen om te bevestigen", "Meetings to confirm");

    public static LocalizedText TheseMeetingsSeemToBeAbout { get; } = new("Deze vergaderingen lijken over een moment te gaan, maar dat is niet zeker (een commissie of informatiebijeenkomst). Bevestig er een, en de datum geldt voor iedere organisatie die deze gemeente volgt.", "These meetings seem to be about a moment, but that is not certain (a committee or an information session). Confirm one, and its date applies to every organisation following this municipality.");

    public static LocalizedText Confirm { get; } = new("Bevestigen", "Confirm");

    public static LocalizedText EnterAnActualDate { get; } = new("Werkelijke datum invoeren", "Enter an actual date");

    public static LocalizedText IsADateKnownSuchAs { get; } = new("Is een datum bekend, zoals de presentatie van het coalitieakkoord? Vul hem in: alles wat ervan afhangt schuift mee.", "Is a date known, such as the presentation of the coalition agreement? Enter it: everything that depends on it moves along.");

    public static LocalizedText Period { get; } = new(" (periode)", " (period)");

    public static LocalizedText DateOrStartDate { get; } = new("Datum of begindatum", "Date or start date");

    public static LocalizedText ForExample20260610 { get; } = new("Bijvoorbeeld 2026-06-10", "For example 2026-06-10");

    public static LocalizedText EndDateOnlyForAPeriod { get; } = new("Einddatum (alleen voor een periode)", "End date (only for a period)");

    public static LocalizedText EmptyForASingleDay { get; } = new("Leeg voor één dag", "Empty for a single day");

    public static LocalizedText SaveDate { get; } = new("Datum opslaan", "Save date");

    public static LocalizedText AddAnEventInTheMunicipality { get; } = new("Gebeurtenis in de gemeente toevoegen", "Add an event in the municipality");

    public static LocalizedText IsAWethouderLeavingHasThe { get; } = new("Vertrekt er een wethouder, valt de coalitie, komt er een nieuwe burgemeester of opent de subsidieronde? Vul het in: u krijgt advies en herinneringen die erbij passen.", "Is a wethouder leaving, has the coalition broken up, is a new mayor coming or does the grant round open? Enter it: you get advice and reminders that fit.");

    public static LocalizedText WhatHappens { get; } = new("Wat gebeurt er?", "What happens?");

    public static LocalizedText OtherEvent { get; } = new("Andere gebeurtenis", "Other event");

    public static LocalizedText TitleOrNote { get; } = new("Titel of toelichting", "Title or note");

    public static LocalizedText MergerAndSchoolRegion { get; } = new("Herindeling en schoolregio", "Merger and school region");

    public static LocalizedText DateOfTheMunicipalMergerUsually { get; } = new("Datum van de herindeling (meestal 1 januari; bij een samenvoeging in het voorjaar de dag van installatie van de nieuwe raad); laat leeg als de gemeente niet bij een herindeling betrokken is", "Date of the municipal merger (usually 1 January; for a spring merger the day the new council is installed); leave empty if the municipality is not part of a merger");

    public static LocalizedText SchoolHolidayRegion { get; } = new("Regio schoolvakanties", "School holiday region");

    public static LocalizedText DefaultForThisMunicipalityUnknownWhen { get; } = new("Standaard voor deze gemeente (onbekend als die niet vastligt)", "Default for this municipality (unknown when not listed)");

    public static LocalizedText North { get; } = new("Noord", "North");

    public static LocalizedText Central { get; } = new("Midden", "Central");

    public static LocalizedText South { get; } = new("Zuid", "South");

    public static LocalizedText SaveSchedule { get; } = new("Schema opslaan", "Save schedule");

    public static LocalizedText PublishADate { get; } = new("Datum openbaar maken", "Publish a date");

    public static LocalizedText PublishOneOfYourOwnDates { get; } = new("Maak een van uw eigen data openbaar, zodat iedere organisatie die deze gemeente volgt hem ziet. Geef een bron die iedereen kan controleren.", "Publish one of your own dates so every organisation following this municipality sees it. Give a source anyone can check.");

    public static LocalizedText SourceAddress { get; } = new("Bron (adres)", "Source (address)");

    public static LocalizedText ForExampleTheCouncilsMeetingPage { get; } = new("Bijvoorbeeld de vergaderpagina van de raad, https://…", "For example the council's meeting page, https://…");

    public static LocalizedText Publish { get; } = new("Openbaar maken", "Publish");

    public static LocalizedText Timeline { get; } = new("Tijdlijn", "Timeline");

    public static LocalizedText BarsArePeriodsDiamondsSingleDays { get; } = new("Balken zijn periodes, ruiten vaste dagen, lichte vlakken de marge van een schatting; de rode lijn is vandaag.", "Bars are periods, diamonds single days, pale areas the range of an estimate; the red line is today.");

    public static LocalizedText Phases { get; } = new("Fasen", "Phases");

    public static LocalizedText Until { get; } = new("tot", "until");

    public static LocalizedText Next { get; } = new("Volgende", "Next");

    public static LocalizedText Moments { get; } = new("momenten", "moments");

    public static LocalizedText MomentsIn { get; } = new("Momenten in", "Moments in");

    public static LocalizedText Certainty { get; } = new("Zekerheid", "Certainty");

    public static LocalizedText EnteredDatesAndEvents { get; } = new("Ingevoerde datums en gebeurtenissen", "Entered dates and events");

    public static LocalizedText NothingEnteredYetTheTimelineFollows { get; } = new("Nog niets ingevoerd: de tijdlijn volgt de wet, de gewoonte en schattingen.", "Nothing entered yet: the timeline follows the law, practice and estimates.");

    public static LocalizedText Delete { get; } = new("Verwijderen", "Delete");

    public static LocalizedText StopFollowingThisMunicipality { get; } = new("Deze gemeente niet meer volgen", "Stop following this municipality");

    public static LocalizedText WhoChangedWhat { get; } = new("Wie wijzigde wat", "Who changed what");

    public static LocalizedText Who { get; } = new("Wie", "Who");

    public static LocalizedText What { get; } = new("Wat", "What");

    public static LocalizedText Old { get; } = new("Oud", "Old");

    public static LocalizedText New { get; } = new("Nieuw", "New");

    public static LocalizedText SearchByNameOrCode { get; } = new("Zoek op naam of code", "Search by name or code");

    public static LocalizedText Search { get; } = new("Zoeken", "Search");

    public static LocalizedText Results { get; } = new("Resultaten", "Results");

    public static LocalizedText Follow { get; } = new("Volgen", "Follow");

    public static LocalizedText NothingFoundInTheMunicipalityList { get; } = new("Niets gevonden in de gemeentelijst.", "Nothing found in the municipality list.");

    public static LocalizedText OrTypeACodeAndName { get; } = new("Of typ een code en naam", "Or type a code and name");

    public static LocalizedText CBSCode { get; } = new("CBS-code", "CBS code");

    public static LocalizedText GMFollowedByFourDigitsE { get; } = new("GM gevolgd door vier cijfers, bijvoorbeeld GM0344", "GM followed by four digits, e.g. GM0344");

    public static LocalizedText FollowMunicipality { get; } = new("Gemeente volgen", "Follow municipality");

    public static LocalizedText ThisIsNotAMunicipalityCode { get; } = new("Dit is geen gemeentecode: gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0344.", "This is not a municipality code: use GM followed by four digits, e.g. GM0344.");

    public static LocalizedText TheMunicipalityDisappearsFromTheOverview { get; } = new("De gemeente verdwijnt uit het overzicht en uit de agenda-feeds van iedereen in uw organisatie. Geplande herinneringen erover worden ingetrokken. De ingevoerde datums, gebeurtenissen en de wijzigingsgeschiedenis van deze gemeente gaan verloren; dat u haar niet meer volgt, wordt vastgelegd.", "The municipality disappears from the overview and from the calendar feeds of everyone in your organisation. Planned reminders about it are withdrawn. Its entered dates, events and change history are lost; that you stopped following it is recorded.");

    public static LocalizedText StopFollowing { get; } = new("Niet meer volgen", "Stop following");

    public static LocalizedText RemoveTheActualDate { get; } = new("Werkelijke datum verwijderen?", "Remove the actual date?");

    public static LocalizedText TheTimelineThenFollowsTheLaw { get; } = new("De tijdlijn volgt dan weer de wet, de gewoonte of de schatting; wat ervan afhangt schuift mee, in de agenda-feeds en de herinneringen. De verwijdering wordt vastgelegd.", "The timeline then follows the law, practice or the estimate again; what depends on it moves along, in the calendar feeds and the reminders. The removal is recorded.");

    public static LocalizedText RemoveDate { get; } = new("Datum verwijderen", "Remove date");

    public static LocalizedText DeleteTheEvent { get; } = new("Gebeurtenis verwijderen?", "Delete the event?");

    public static LocalizedText TheEventDisappearsFromTheTimeline { get; } = new("De gebeurtenis verdwijnt uit de tijdlijn, de agenda-feeds en de herinneringen. De verwijdering wordt vastgelegd.", "The event disappears from the timeline, the calendar feeds and the reminders. The deletion is recorded.");

    public static LocalizedText DeleteEvent { get; } = new("Gebeurtenis verwijderen", "Delete event");

    public static LocalizedText MomentNotAvailable { get; } = new("Moment niet beschikbaar", "Moment not available");

    public static LocalizedText RevertThePublicFact { get; } = new("Openbaar feit terugdraaien?", "Revert the public fact?");

    public static LocalizedText ForEveryOrganisationThatFollowsThis { get; } = new("Voor iedere organisatie die deze gemeente volgt, geldt dan weer de vorige waarde, of anders de regels; de agenda-feeds en de herinneringen schuiven mee. Het terugdraaien staat op de openbare pagina in de wijzigingen, met wie het deed.", "For every organisation that follows this municipality, the previous value applies again, or else the rules; the calendar feeds and the reminders move along. The revert is listed among the changes on the public page, with who did it.");

    public static LocalizedText YesOnThisDate { get; } = new("Ja, op deze datum", "Yes, on this date");

    public static LocalizedText KnowTheDateYourDirectorCan { get; } = new("Weet u de datum? Uw directeur kan hem invullen.", "Know the date? Your director can enter it.");

    public static LocalizedText SearchTooLong { get; } = new($"Zoek met hoogstens {TextLimits.Search} tekens.", $"Search with at most {TextLimits.Search} characters.");

    public static LocalizedText EnterTheName { get; } = new($"Vul de naam van de gemeente in: 1 tot {TextLimits.MunicipalityName} tekens, op één regel.",
        $"Enter the municipality's name: 1 to {TextLimits.MunicipalityName} characters, on one line.");

    public static LocalizedText AlreadyFollowed(string name) => new($"Uw organisatie volgt {name} al; er is niets veranderd.", $"Your organisation already follows {name}; nothing changed.");

    public static LocalizedText NowFollowed(string name) => new($"{name} wordt nu gevolgd. De gemeente staat in het overzicht en in de agenda-feeds van uw organisatie.",
        $"{name} is now followed. It is in the overview and in your organisation's calendar feeds.");

    public static LocalizedText StopFollowingQuestion(string name) => new($"{name} niet meer volgen?", $"Stop following {name}?");

    /// <summary>What is still possible for an estimate that has passed; once even its latest plausible day is past, only that it is late.</summary>
    public static LocalizedText StillPossibleUntil(LocalDate latest, LocalDate today) => latest > today
        ? new($"Timing verwachtte het al; nog mogelijk tot {DateText.Short(latest, Language.Nl)}. Herinneringen wachten op de echte datum.",
            $"Timing expected it already; still possible until {DateText.Short(latest, Language.En)}. Reminders wait for the real date.")
        : new("Timing verwachtte het eerder; vul de echte datum in. Herinneringen wachten erop.",
            "Timing expected it earlier; enter the real date. Reminders wait for it.");
}
