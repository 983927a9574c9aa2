using System.Globalization;
using Timing.Core.Cycle;

namespace Timing.Feeds;

/// <summary>
/// Every word a calendar feed says about itself and in its events, in Dutch and English. The feed page has its own
/// texts (<see cref="Web.Texts.FeedTexts"/>).
/// </summary>
public static class CalendarTexts
{
    // The calendar itself: its name and description as the calendar application shows them.

    public static LocalizedText ExpectedNote { get; } = new(
        "Een vraagteken achter een titel (Coalitieakkoord?) betekent: verwachte datum, een schatting.",
        "A question mark after a title (Coalition agreement?) marks an expected date: an estimate.");

    public static LocalizedText MunicipalityName(string municipality) =>
        new($"Politieke kalender – Gemeente {municipality}", $"Political calendar – Municipality of {municipality}");

    public static LocalizedText MunicipalityDescription(string municipality) => new LocalizedText(
        $"Wanneer u de lokale politiek in {municipality} benadert: verkiezingen, coalitievorming en de begrotingscyclus. ",
        $"When to engage local politics in {municipality}: elections, coalition forming and the budget cycle. ") + ExpectedNote;

    public static LocalizedText OrganisationName(string organisation) =>
        new($"Politieke kalender – {organisation}", $"Political calendar – {organisation}");

    public static LocalizedText OrganisationDescription(string municipalities) => new LocalizedText(
        $"Wanneer u de lokale politiek benadert in {municipalities}. ",
        $"When to engage local politics in {municipalities}. ") + ExpectedNote;

    // The one event of a feed in which nothing matches, and why.

    public static LocalizedText NoMoments { get; } = new("Geen momenten (filter)", "No moments (filter)");

    public static LocalizedText Notice { get; } = new("Melding", "Notice");

    public static LocalizedText NothingMatches(LocalizedText why, LocalizedText range) => new LocalizedText(
        $"Deze agenda toont geen momenten: {why.Nl} ({range.Nl}). Verruim audience= en kinds= in het feed-adres, of laat ze weg, om meer te zien.",
        $"This calendar shows no moments: {why.En} ({range.En}). Widen or leave out audience= and kinds= in the feed address to see more.");

    public static LocalizedText NoLongerFollowsChosen { get; } = new(
        "uw organisatie volgt de gemeenten die u koos niet meer", "your organisation no longer follows the municipalities you chose");

    public static LocalizedText FollowsNoMunicipality { get; } = new("u volgt nog geen gemeente", "you follow no municipality yet");

    /// <summary>Why a personal feed whose address names only audiences the person does not follow shows nothing.</summary>
    public static LocalizedText NotFollowed(LocalizedText audiences) =>
        new($"u volgt doelgroep {audiences.Nl} niet", $"you do not follow audience {audiences.En}");

    public static LocalizedText Audience { get; } = new("doelgroep ", "audience ");

    public static LocalizedText Kinds { get; } = new("soorten ", "kinds ");

    public static LocalizedText NoMomentInPeriod { get; } = new("er valt geen moment in deze periode", "no moment falls in this period");

    public static LocalizedText NoMomentMatches { get; } = new("geen moment past bij ", "no moment matches ");

    // The description of a moment's event.

    public static LocalizedText Local { get; } = new("Lokaal", "Local");

    public static LocalizedText Expected { get; } = new(" (verwacht)", " (expected)");

    public static LocalizedText Phase { get; } = new("Fase: ", "Phase: ");

    public static LocalizedText WhatToBring { get; } = new("Wat neemt u mee: ", "What to bring: ");

    public static LocalizedText When { get; } = new("Wanneer: ", "When: ");
    public static LocalizedText DateNotKnownYet { get; } = new("datum nog niet bekend", "date not known yet");

    public static LocalizedText DateUpdatedWhenKnown { get; } = new("; de datum wordt bijgewerkt zodra die bekend is.\n", "; the date is updated when it is known.\n");

    public static LocalizedText SourceOfTheDate { get; } = new("Bron van de datum: ", "Source of the date: ");

    public static LocalizedText For { get; } = new("Voor: ", "For: ");

    public static LocalizedText Municipality { get; } = new("Gemeente: ", "Municipality: ");

    public static LocalizedText Municipalities { get; } = new("Gemeenten: ", "Municipalities: ");

    public static LocalizedText More { get; } = new("Meer: ", "More: ");

    // How a moment's date is known.

    public static LocalizedText SetByLaw { get; } = new("wettelijk vastgelegd", "set by law");

    public static LocalizedText UsualPractice { get; } = new("gebruikelijke praktijk", "usual practice");

    public static LocalizedText Estimate { get; } = new("schatting", "estimate");

    public static LocalizedText ActualDate { get; } = new("werkelijke datum", "actual date");

    public static LocalizedText LocalBasis { get; } = new("lokaal", "local");

    // The council's plain meetings (meetings=yes).

    public static LocalizedText CommitteeMeeting { get; } = new("Commissievergadering", "Committee meeting");

    public static LocalizedText InformationSession { get; } = new("Informatiebijeenkomst", "Information session");

    public static LocalizedText OtherGathering { get; } = new("Andere bijeenkomst", "Other gathering");

    public static LocalizedText CouncilMeeting { get; } = new("Raadsvergadering", "Council meeting");

    public static LocalizedText At(LocalTime start) => new LocalizedText(
        $" om {start.ToString("HH.mm", CultureInfo.InvariantCulture)} uur", $" at {start.ToString("HH:mm", CultureInfo.InvariantCulture)}");

    public static LocalizedText Where { get; } = new("Waar: ", "Where: ");

    public static LocalizedText PlainMeeting(LocalizedText kind, string municipality) => new LocalizedText(
        $"Een {kind.Nl.ToLowerInvariant()} van {municipality} die bij geen moment van de cyclus hoort; u ziet haar omdat deze feed om de vergaderingen van de raad vraagt (meetings=yes).\n",
        $"A {kind.En.ToLowerInvariant()} of {municipality} that dates no moment of the cycle; it shows because this feed asks for the council's meetings (meetings=yes).\n");
}
