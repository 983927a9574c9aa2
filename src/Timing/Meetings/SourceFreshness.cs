using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Meetings;

/// <summary>
/// Where a municipality's meetings come from and how far that source can be trusted, in words for its pages: the
/// connected source (or a one-off import, or nothing), when it was last read, how far ahead it sees, whether it
/// fails, and what a gathering source says about its own freshness. A source that is blind, failing or not read
/// yet is never described as "no meetings".
/// </summary>
public sealed class SourceFreshness
{
    private SourceFreshness(MeetingSource? source, MeetingSourceUpstream? upstream, int stored, Instant? lastStored, LocalDate? lastStoredDay, int upcoming)
    {
        Source = source;
        Upstream = upstream;
        Stored = stored;
        LastStored = lastStored;
        LastStoredDay = lastStoredDay;
        Upcoming = upcoming;
    }

    public MeetingSource? Source { get; }

    public MeetingSourceUpstream? Upstream { get; }

    /// <summary>How many meetings of the municipality are stored, from any read.</summary>
    public int Stored { get; }

    /// <summary>When a read last showed any of them.</summary>
    public Instant? LastStored { get; }

    /// <summary>The last meeting day stored.</summary>
    public LocalDate? LastStoredDay { get; }

    /// <summary>How many stored meetings lie ahead, from today.</summary>
    public int Upcoming { get; }

    /// <summary>Whether the connected source fails now.</summary>
    public bool Failing => Source?.FailingSince is not null;

    /// <summary>Whether a source is connected but has never been read successfully.</summary>
    public bool NotReadYet => Source is not null && Source.LastSuccess is null && !Failing;

    public static async Task<SourceFreshness> LoadAsync(TimingDbContext db, string code, LocalDate today, CancellationToken cancellationToken)
    {
        var source = await db.MeetingSources.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        var upstream = source?.Kind == MeetingSourceKinds.OpenBesluitvorming
            ? await db.MeetingSourceUpstreams.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken)
            : null;
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Code == code);
        var stored = await meetings.CountAsync(cancellationToken);
        Instant? lastSeen = stored == 0 ? null : await meetings.MaxAsync(m => m.LastSeen, cancellationToken);
        LocalDate? lastDay = stored == 0 ? null : await meetings.MaxAsync(m => m.Date, cancellationToken);
        var upcoming = await meetings.CountAsync(m => m.Date >= today, cancellationToken);
        return new SourceFreshness(source, upstream, stored, lastSeen, lastDay, upcoming);
    }

    /// <summary>The source in a few words: "OpenBesluitvorming (bron utrecht)", "de iCalendar-export van de raad (…)".</summary>
    public string SourceName(Language language)
    {
        var en = language == Language.En;
        return Source switch
        {
            null => en ? "none" : "geen",
            { Kind: MeetingSourceKinds.OpenBesluitvorming } s => en ? $"OpenBesluitvorming (source {s.Address})" : $"OpenBesluitvorming (bron {s.Address})",
            { Kind: MeetingSourceKinds.Notubiz } s => en ? $"the council's Notubiz calendar (organisation {s.Address})" : $"de Notubiz-agenda van de raad (organisatie {s.Address})",
            // An address may hold credentials or an API key: the page names its host only.
            { } s => en ? $"the council's iCalendar export ({SourceText.Host(s.Address)})" : $"de iCalendar-export van de raad ({SourceText.Host(s.Address)})",
        };
    }

    /// <summary>The paragraphs under "where the dates come from" on the public page.</summary>
    public IReadOnlyList<string> Lines(Language language)
    {
        var en = language == Language.En;
        var lines = new List<string>();
        if (Source is null)
        {
            if (Stored == 0)
            {
                lines.Add(en
                    ? "No council meeting calendar is connected. The dates come from the rules and from the public facts below."
                    : "Er is geen vergaderkalender van de raad gekoppeld. De data komen uit de regels en uit de openbare feiten hieronder.");
            }
            else
            {
                lines.Add(en
                    ? $"No council meeting calendar is connected for regular reading. Meetings were imported once, last on {When(LastStored, language)}; they run up to {Day(LastStoredDay, language)}. New or moved meetings appear only after another import."
                    : $"Er is geen vergaderkalender gekoppeld die Timing geregeld leest. Vergaderingen zijn eenmalig ingelezen, voor het laatst op {When(LastStored, language)}; ze lopen tot en met {Day(LastStoredDay, language)}. Nieuwe of verschoven vergaderingen verschijnen pas na een nieuwe inlezing.");
            }
            return lines;
        }
        lines.Add((en ? "Meeting calendar: " : "Vergaderkalender: ") + SourceName(language) + ".");
        if (Source.Kind == MeetingSourceKinds.OpenBesluitvorming)
        {
            lines.Add(en
                ? "OpenBesluitvorming reads each council's meetings only about a week ahead, so it rarely shows the budget or kadernota debate months in advance; until it does, those dates come from the rules and public facts."
                : "OpenBesluitvorming leest de vergaderingen van een raad maar ongeveer een week vooruit, dus het debat over de begroting of de kadernota staat er zelden maanden van tevoren in; tot dan komen die data uit de regels en de openbare feiten.");
        }
        if (Source.LastAttempt is null)
        {
            lines.Add(en
                ? "Not read yet: the worker reads it within the hour. Until then the meetings read earlier, the public facts and the rules apply."
                : "Nog niet gelezen: de achtergrondtaak leest de kalender binnen het uur. Tot dan gelden eerder gelezen vergaderingen, de openbare feiten en de regels.");
        }
        if (Source.LastSuccess is { } ok)
        {
            lines.Add(Source.SeesUntil is { } until
                ? (en
                    ? $"Last read: {When(ok, language)}. The source shows meetings up to {Day(until, language)}; Timing does not know what comes later yet."
                    : $"Laatst gelezen: {When(ok, language)}. De bron toont vergaderingen tot en met {Day(until, language)}; wat daarna komt, weet Timing nog niet.")
                : (en
                    ? $"Last read: {When(ok, language)}. The source showed no meetings at that read."
                    : $"Laatst gelezen: {When(ok, language)}. De bron toonde bij die lezing geen vergaderingen."));
        }
        else if (Source.LastAttempt is not null)
        {
            lines.Add(en ? "No read of this source has succeeded yet." : "Deze bron is nog nooit met succes gelezen.");
        }
        if (Source.LastWarnings.In(language) is { Length: > 0 } left)
        {
            lines.Add((en ? "Left out at that read: " : "Weggelaten bij die lezing: ") + left + ".");
        }
        if (Upstream is { } u)
        {
            var supplier = u.Supplier.Length > 0 ? u.Supplier : (en ? "its own system" : "het eigen systeem");
            var import = u.LastImport is { } at
                ? (en ? $"; that last succeeded on {When(at, language)}" : $"; dat lukte voor het laatst op {When(at, language)}")
                : (en ? "; that has never succeeded" : "; dat is nog nooit gelukt");
            var latest = u.LatestContent is { } l
                ? (en ? $" The newest meeting OpenBesluitvorming holds is on {Day(l, language)}." : $" De nieuwste vergadering die OpenBesluitvorming kent, is op {Day(l, language)}.")
                : "";
            lines.Add(en
                ? $"OpenBesluitvorming gathers these meetings from the municipality's council information system ({supplier}){import}.{latest} Its status for {u.Label}: {StateText(u.State, language)} (checked {When(u.Checked, language)})."
                : $"OpenBesluitvorming haalt deze vergaderingen uit het raadsinformatiesysteem van de gemeente ({supplier}){import}.{latest} Status bij OpenBesluitvorming voor {u.Label}: {StateText(u.State, language)} (bekeken {When(u.Checked, language)}).");
        }
        return lines;
    }

    /// <summary>The warning while the source fails: since when, why, and what that means. Null while it works.</summary>
    public string? FailureText(Language language)
    {
        if (Source?.FailingSince is not { } since)
        {
            return null;
        }
        return language == Language.En
            ? $"The meeting calendar cannot be read since {When(since, language)} ({Source.LastError.En}). Until it works again, the meetings read earlier apply; new or moved meetings are missing. This does not mean there are no meetings."
            : $"De vergaderkalender is sinds {When(since, language)} niet te lezen ({Source.LastError.Nl}). Tot hij weer werkt, gelden de eerder gelezen vergaderingen; nieuwe of verschoven vergaderingen ontbreken. Dat betekent niet dat er geen vergaderingen zijn.";
    }

    /// <summary>What the list of coming meetings says when it is empty: never "no meetings" for a source that cannot tell.</summary>
    public string EmptyUpcomingText(Language language)
    {
        var en = language == Language.En;
        if (Failing)
        {
            return en
                ? "Which meetings are coming is not known now: the meeting calendar cannot be read (see above). This does not mean there are none."
                : "Welke vergaderingen eraan komen, is nu niet bekend: de vergaderkalender is niet te lezen (zie hierboven). Dat betekent niet dat er geen zijn.";
        }
        if (NotReadYet)
        {
            return en ? "Not known yet: the meeting calendar has not been read yet." : "Nog niet bekend: de vergaderkalender is nog niet gelezen.";
        }
        if (Source is null)
        {
            return Stored == 0
                ? (en ? "Timing does not know this municipality's meetings: no meeting calendar is connected." : "Timing kent de vergaderingen van deze gemeente niet: er is geen vergaderkalender gekoppeld.")
                : (en
                    ? $"The one-off import of {When(LastStored, language)} showed no coming meetings, and no calendar is connected for regular reading."
                    : $"De eenmalige inlezing van {When(LastStored, language)} toonde geen komende vergaderingen, en er is geen vergaderkalender gekoppeld die Timing geregeld leest.");
        }
        return en
            ? $"The meeting calendar showed no coming meetings at its last read ({When(Source.LastSuccess, language)})."
            : $"De vergaderkalender toonde bij de laatste lezing ({When(Source.LastSuccess, language)}) geen komende vergaderingen.";
    }

    /// <summary>Beside a list of coming meetings while the source fails: the list is from before the failure.</summary>
    public string? StaleListText(Language language) => Failing
        ? (language == Language.En
            ? $"This list is from the last successful read ({When(Source!.LastSuccess, language)}); new or moved meetings are missing."
            : $"Deze lijst is van de laatste geslaagde lezing ({When(Source!.LastSuccess, language)}); nieuwe of verschoven vergaderingen ontbreken.")
        : null;

    /// <summary>One sentence for an organisation's page of the municipality.</summary>
    public string Summary(Language language)
    {
        var en = language == Language.En;
        if (Failing)
        {
            return en
                ? $"Note: the council's meeting calendar cannot be read since {When(Source!.FailingSince, language)}; new or moved meetings are missing."
                : $"Let op: de vergaderkalender van de raad is sinds {When(Source!.FailingSince, language)} niet te lezen; nieuwe of verschoven vergaderingen ontbreken.";
        }
        if (Source is null)
        {
            return Stored == 0
                ? (en ? "No meeting calendar is connected: the dates come from the rules and public facts." : "Geen vergaderkalender gekoppeld: de data komen uit de regels en de openbare feiten.")
                : (en ? $"Meetings imported once, up to {Day(LastStoredDay, language)}; no calendar is connected for regular reading." : $"Vergaderingen eenmalig ingelezen, tot en met {Day(LastStoredDay, language)}; er is geen vergaderkalender gekoppeld die Timing geregeld leest.");
        }
        if (Source.LastSuccess is not { } ok)
        {
            return en ? $"Meeting calendar: {SourceName(language)}, not read yet." : $"Vergaderkalender: {SourceName(language)}, nog niet gelezen.";
        }
        var until = Source.SeesUntil is { } u ? (en ? $", shows meetings up to {Day(u, language)}" : $", toont vergaderingen tot en met {Day(u, language)}") : "";
        return en ? $"Meeting calendar: {SourceName(language)}, last read {When(ok, language)}{until}." : $"Vergaderkalender: {SourceName(language)}, laatst gelezen {When(ok, language)}{until}.";
    }

    private static string StateText(string state, Language language) => (state, language) switch
    {
        ("ok", Language.En) => "up to date (ok)",
        ("ok", _) => "bijgewerkt (ok)",
        ("stale", Language.En) => "not brought up to date lately (stale)",
        ("stale", _) => "de laatste tijd niet bijgewerkt (stale)",
        ("failing", Language.En) => "cannot read the council's system (failing)",
        ("failing", _) => "kan het systeem van de raad niet lezen (failing)",
        ("never_imported", Language.En) => "never imported (never_imported)",
        ("never_imported", _) => "nog nooit ingelezen (never_imported)",
        ("not_implemented", Language.En) => "no longer imported (not_implemented)",
        ("not_implemented", _) => "wordt niet meer ingelezen (not_implemented)",
        ("discontinued", Language.En) => "municipality merged away (discontinued)",
        ("discontinued", _) => "gemeente opgeheven (discontinued)",
        _ => state,
    };

    /// <summary>A moment as the pages write it: "1 oktober 2027 om 09:00".</summary>
    internal static string When(Instant? at, Language language)
    {
        if (at is not { } instant)
        {
            return "-";
        }
        var local = instant.InZone(ProductTime.Zone).LocalDateTime;
        return $"{DateText.Long(local.Date, language)} {(language == Language.En ? "at" : "om")} {local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static string Day(LocalDate? day, Language language) =>
        day is { } d ? DateText.Long(d, language) : "-";
}
