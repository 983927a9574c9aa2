using Timing.Core.Cycle;

namespace Timing.Web.Texts;

/// <summary>The page where a person gets their calendar feed and chooses their reminders.</summary>
public static class FeedTexts
{
    public static LocalizedText MyCalendarFeed { get; } = new("Mijn agenda-feed", "My calendar feed");

    public static LocalizedText SubscribeToYourPersonalFeedIn { get; } = new("Abonneer u in Outlook of Google Agenda op uw persoonlijke feed: de momenten van uw gemeenten, voor de mensen die u benadert.", "Subscribe to your personal feed in Outlook or Google Calendar: the moments of your municipalities, for your audiences.");

    public static LocalizedText YourFeedAddress { get; } = new("Uw feed-adres", "Your feed address");

    public static LocalizedText ThisAddressIsPersonalWhoeverHas { get; } = new("Dit adres is persoonlijk: wie het heeft, ziet uw agenda. Het werkt tot u een nieuw adres maakt.", "This address is personal: whoever has it sees your calendar. It works until you make a new address.");

    public static LocalizedText Copied { get; } = new("Gekopieerd", "Copied");

    public static LocalizedText CopyAddress { get; } = new("Kopieer adres", "Copy address");

    public static LocalizedText ShowAddress { get; } = new("Toon adres", "Show address");

    public static LocalizedText HideAddress { get; } = new("Verberg adres", "Hide address");

    public static LocalizedText OpenInYourCalendarWebcal { get; } = new("Open in uw agenda (webcal://)", "Open in your calendar (webcal://)");

    public static LocalizedText Since { get; } = new("Sinds", "Since");

    public static LocalizedText BuildYourFeed { get; } = new("Uw feed samenstellen", "Build your feed");

    public static LocalizedText WhatIsInIt { get; } = new("Wat staat erin?", "What is in it?");

    public static LocalizedText OnlyTheMunicipalitysOwnCycleWithout { get; } = new("Alleen de eigen cyclus van de gemeente (zonder Tweede Kamer-, Europese, Provinciale Staten- en waterschapsverkiezingen)", "Only the municipality's own cycle (without national, European, provincial and water board elections)");

    public static LocalizedText WithThePlainCouncilAndCommittee { get; } = new("Met de gewone raads- en commissievergaderingen, ook als ze bij geen moment horen", "With the plain council and committee meetings, also those that belong to no moment");

    public static LocalizedText AnEventPerMunicipality { get; } = new("Een afspraak per gemeente, ook als een moment in meer gemeenten op dezelfde dag valt", "An event per municipality, also when a moment falls on the same day in several");

    public static LocalizedText CopyThisAddress { get; } = new("Kopieer dit adres", "Copy this address");

    public static LocalizedText LanguageOfTheFeed { get; } = new("Taal van de feed", "Language of the feed");

    public static LocalizedText MyLanguageSetting { get; } = new("Mijn ingestelde taal", "My language setting");

    public static LocalizedText BuildTheAddress { get; } = new("Adres samenstellen", "Build the address");

    public static LocalizedText YourAddress { get; } = new("Uw samengestelde adres:", "Your address:");

    public static LocalizedText ApartFromTheMeetingsTheseChoices { get; } = new("Op de vergaderingen na maken deze keuzes de feed alleen smaller: u ziet nooit momenten buiten wat u volgt.", "Apart from the meetings, these choices only narrow the feed: you never see moments outside what you follow.");

    public static LocalizedText YouHaveHadAFeedSince { get; } = new("U heeft een feed sinds", "You have had a feed since");

    public static LocalizedText LostItOrNeedItOn { get; } = new("Kwijt, of op een nieuw apparaat nodig? Maak een nieuw adres; het oude werkt dan niet meer.", "Lost it, or need it on a new device? Make a new address; the old one stops working.");

    public static LocalizedText MakeANewAddressOldOne { get; } = new("Nieuw adres maken (oude vervalt)", "Make a new address (old one stops)");

    public static LocalizedText MakeFeedAddress { get; } = new("Feed-adres maken", "Make feed address");

    public static LocalizedText YouAskedForNoEMail { get; } = new("U heeft gevraagd geen e-mail van Timing te ontvangen. Alleen u kunt dat ongedaan maken.", "You asked for no e-mail from Timing. Only you can undo that.");

    public static LocalizedText YouWereInvitedTimingSendsYou { get; } = new("U bent uitgenodigd. Timing stuurt u pas herinneringen als u daarmee instemt.", "You were invited. Timing sends you reminders only once you agree.");

    public static LocalizedText YouUnsubscribedFromTheWeeklyDigest { get; } = new("U heeft zich afgemeld voor het weekoverzicht; losse herinneringen krijgt u nog wel. Alleen u kunt dat ongedaan maken.", "You unsubscribed from the weekly digest; you still get single reminders. Only you can undo that.");

    public static LocalizedText YouUnsubscribedFromEMailReminders { get; } = new("U heeft zich afgemeld voor herinneringen per e-mail. Alleen u kunt dat ongedaan maken.", "You unsubscribed from e-mail reminders. Only you can undo that.");

    public static LocalizedText YesSendMeReminders { get; } = new("Ja, stuur mij herinneringen", "Yes, send me reminders");

    public static LocalizedText ReceiveRemindersAgain { get; } = new("Weer herinneringen ontvangen", "Receive reminders again");

    public static LocalizedText EveryEMailHasALink { get; } = new("Elke e-mail heeft een link om u af te melden.", "Every e-mail has a link to unsubscribe.");

    public static LocalizedText WhatDoYouWantToReceive { get; } = new("Wat wilt u ontvangen?", "What do you want to receive?");

    public static LocalizedText WhomDoYouApproachNoneTicked { get; } = new("Wie benadert u? (niets aangevinkt: iedereen)", "Whom do you approach? (none ticked: everyone)");

    public static LocalizedText YourMunicipalitiesNoneTickedAllOf { get; } = new("Uw gemeenten (niets aangevinkt: alle van uw organisatie)", "Your municipalities (none ticked: all of your organisation's)");

    public static LocalizedText SaveMyChoices { get; } = new("Mijn keuzes opslaan", "Save my choices");

    public static LocalizedText YourChoicesAreSaved { get; } = new("Uw keuzes zijn opgeslagen.", "Your choices are saved.");

    public static LocalizedText NewFeedAddressMadeTheOld { get; } = new("Nieuw feed-adres gemaakt. Het oude adres werkt niet meer: vervang het in uw agenda.", "New feed address made. The old address no longer works: replace it in your calendar.");

    public static LocalizedText FeedAddressMadeCopyItAnd { get; } = new("Feed-adres gemaakt. Kopieer het en abonneer u erop in uw agenda.", "Feed address made. Copy it and subscribe to it in your calendar.");

    public static LocalizedText FromNowOnYouReceiveE { get; } = new("U ontvangt voortaan herinneringen per e-mail.", "From now on you receive e-mail reminders.");

    public static LocalizedText YouWillReceiveEMailReminders { get; } = new("U ontvangt weer herinneringen per e-mail.", "You will receive e-mail reminders again.");
}
