using Timing.Core.Cycle;

namespace Timing.Web.Texts;

/// <summary>The operator's overview of meeting sources and public facts.</summary>
public static class OperatorTexts
{
    public static LocalizedText MeetingSources { get; } = new("Vergaderkalenders", "Meeting sources");

    public static LocalizedText DisconnectedNoSearch { get; } = new("Losgekoppeld; niet zelf zoeken", "Disconnected; no search");

    public static LocalizedText NoSourceFound { get; } = new("Geen bron gevonden", "No source found");

    public static LocalizedText NotSearchedYet { get; } = new("Nog niet gezocht", "Not searched yet");

    public static LocalizedText NotReadYet { get; } = new("Nog niet gelezen", "Not read yet");

    public static LocalizedText Works { get; } = new("Werkt", "Works");

    public static LocalizedText EveryFollowedMunicipalityWithTheSource { get; } = new("Iedere gevolgde gemeente met de bron van haar vergaderingen. Hier koppelt, wijzigt of ontkoppelt u een bron, laat u Timing opnieuw zoeken en draait u openbare feiten terug. Op de server doet de opdrachtregel hetzelfde.", "Every followed municipality with the source of its meetings. Connect, change or disconnect a source, let Timing search again and revert public facts here. On the server, the command line does the same.");

    public static LocalizedText NoOrganisationFollowsAMunicipalityYet { get; } = new("Nog geen enkele organisatie volgt een gemeente.", "No organisation follows a municipality yet.");

    public static LocalizedText State { get; } = new("Toestand", "State");

    public static LocalizedText SeesUntil { get; } = new("Ziet tot", "Sees until");

    public static LocalizedText LastRead { get; } = new("Laatst gelezen", "Last read");

    public static LocalizedText Problems { get; } = new("Problemen", "Problems");

    public static LocalizedText None { get; } = new("geen", "none");

    public static LocalizedText FoundAutomatically { get; } = new("automatisch gevonden", "found automatically");

    public static LocalizedText LeftOut { get; } = new("Weggelaten", "Left out");

    public static LocalizedText Kind { get; } = new("Soort", "Kind");

    public static LocalizedText OrganisationId { get; } = new("organisatienummer", "organisation id");

    public static LocalizedText SourceKeyOrEmpty { get; } = new("bronsleutel of leeg", "source key or empty");

    public static LocalizedText HttpSAddress { get; } = new("http(s)-adres", "http(s) address");

    public static LocalizedText Address { get; } = new("Adres", "Address");

    public static LocalizedText Connect { get; } = new("Koppelen", "Connect");

    public static LocalizedText Disconnect { get; } = new("Ontkoppelen", "Disconnect");

    public static LocalizedText SearchNow { get; } = new("Nu zoeken", "Search now");

    public static LocalizedText FailingSince(string when) => new($"Faalt sinds {when}", $"Failing since {when}");

    public static LocalizedText Organisations(int count) => new($"{count} organisatie(s)", $"{count} organisation(s)");

    public static LocalizedText ConnectedBy(string who) => new($"gekoppeld door {who}", $"connected by {who}");

    public static LocalizedText NothingChanged(LocalizedText why) => new($"Niets gewijzigd: {why.Nl}", $"Nothing changed: {why.En}");

    /// <summary>The source names and detail are already in the reader's language.</summary>
    public static LocalizedText Connected(string name, string code, LocalizedText now, string? detail, LocalizedText? was) =>
        new($"Gekoppeld: de vergaderingen van {name} ({code}) komen nu uit {now.Nl}{detail}{(was is null ? "" : $"; was {was.Nl}")}. De achtergrondtaak leest die binnen het uur.",
            $"Connected: the meetings of {name} ({code}) now come from {now.En}{detail}{(was is null ? "" : $"; was {was.En}")}. The worker reads it within the hour.");

    public static LocalizedText Disconnected(string name, string code, LocalizedText was) =>
        new($"Losgekoppeld: {name} ({code}) leest niet meer uit {was.Nl}. Gelezen vergaderingen en openbare feiten blijven; Timing zoekt niet zelf een nieuwe bron.",
            $"Disconnected: {name} ({code}) no longer reads {was.En}. Meetings read and public facts stay; Timing does not search for another source by itself.");

    public static LocalizedText NothingConnected(string name, string code) =>
        new($"Niets gewijzigd: {name} ({code}) had geen vergaderkalender gekoppeld.", $"Nothing changed: {name} ({code}) had no meeting source connected.");

    public static LocalizedText AlreadyConnected(string name, string code) =>
        new($"Niets gewijzigd: {name} ({code}) heeft al een vergaderkalender; koppel die eerst los om opnieuw te zoeken.",
            $"Nothing changed: {name} ({code}) already has a meeting source; disconnect it first to search again.");

    public static LocalizedText FoundAndConnected(string name, string code, LocalizedText note) =>
        new($"Gevonden en gekoppeld voor {name} ({code}): {note.Nl}", $"Found and connected for {name} ({code}): {note.En}");

    public static LocalizedText NothingFound(string name, string code, LocalizedText? note) =>
        new($"Niets gevonden voor {name} ({code}): {note?.Nl} Timing zoekt later opnieuw.", $"Nothing found for {name} ({code}): {note?.En} Timing searches again later.");
}
