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
    public LocalizedText SourceName => Source switch
    {
        null => new("geen", "none"),
        { Kind: MeetingSourceKinds.OpenBesluitvorming } s => new($"OpenBesluitvorming (bron {s.Address})", $"OpenBesluitvorming (source {s.Address})"),
        { Kind: MeetingSourceKinds.Notubiz } s => new($"de Notubiz-agenda van de raad (organisatie {s.Address})", $"the council's Notubiz calendar (organisation {s.Address})"),
        // An address may hold credentials or an API key: the page names its host only.
        { } s => new($"de iCalendar-export van de raad ({SourceText.Host(s.Address)})", $"the council's iCalendar export ({SourceText.Host(s.Address)})"),
    };

    /// <summary>The paragraphs under "where the dates come from" on the public page.</summary>
    public IReadOnlyList<LocalizedText> Lines()
    {
        var lines = new List<LocalizedText>();
        if (Source is null)
        {
            lines.Add(Stored == 0
                ? new("Er is geen vergaderkalender van de raad gekoppeld. De data komen uit de regels en uit de openbare feiten hieronder.",
                    "No council meeting calendar is connected. The dates come from the rules and from the public facts below.")
                : new($"Er is geen vergaderkalender gekoppeld die Timing geregeld leest. Vergaderingen zijn eenmalig ingelezen, voor het laatst op {When(LastStored).Nl}; ze lopen tot en met {Day(LastStoredDay).Nl}. Nieuwe of verschoven vergaderingen verschijnen pas na een nieuwe inlezing.",
                    $"No council meeting calendar is connected for regular reading. Meetings were imported once, last on {When(LastStored).En}; they run up to {Day(LastStoredDay).En}. New or moved meetings appear only after another import."));
            return lines;
        }
        lines.Add(new LocalizedText("Vergaderkalender: ", "Meeting calendar: ") + SourceName + new LocalizedText(".", "."));
        if (Source.Kind == MeetingSourceKinds.OpenBesluitvorming)
        {
            lines.Add(new("OpenBesluitvorming leest de vergaderingen van een raad maar ongeveer een week vooruit, dus het debat over de begroting of de kadernota staat er zelden maanden van tevoren in; tot dan komen die data uit de regels en de openbare feiten.",
                "OpenBesluitvorming reads each council's meetings only about a week ahead, so it rarely shows the budget or kadernota debate months in advance; until it does, those dates come from the rules and public facts."));
        }
        if (Source.LastAttempt is null)
        {
            lines.Add(new("Nog niet gelezen: de achtergrondtaak leest de kalender binnen het uur. Tot dan gelden eerder gelezen vergaderingen, de openbare feiten en de regels.",
                "Not read yet: the worker reads it within the hour. Until then the meetings read earlier, the public facts and the rules apply."));
        }
        if (Source.LastSuccess is { } ok)
        {
            lines.Add(Source.SeesUntil is { } until
                ? new($"Laatst gelezen: {When(ok).Nl}. De bron toont vergaderingen tot en met {Day(until).Nl}; wat daarna komt, weet Timing nog niet.",
                    $"Last read: {When(ok).En}. The source shows meetings up to {Day(until).En}; Timing does not know what comes later yet.")
                : new($"Laatst gelezen: {When(ok).Nl}. De bron toonde bij die lezing geen vergaderingen.",
                    $"Last read: {When(ok).En}. The source showed no meetings at that read."));
        }
        else if (Source.LastAttempt is not null)
        {
            lines.Add(new("Deze bron is nog nooit met succes gelezen.", "No read of this source has succeeded yet."));
        }
        var left = Source.LastWarnings;
        if (left.Nl.Length > 0 || left.En.Length > 0)
        {
            lines.Add(new($"Weggelaten bij die lezing: {left.Nl}.", $"Left out at that read: {left.En}."));
        }
        if (Upstream is { } u)
        {
            var supplier = u.Supplier.Length > 0 ? new LocalizedText(u.Supplier, u.Supplier) : new("het eigen systeem", "its own system");
            var import = u.LastImport is { } at
                ? new LocalizedText($"; dat lukte voor het laatst op {When(at).Nl}", $"; that last succeeded on {When(at).En}")
                : new("; dat is nog nooit gelukt", "; that has never succeeded");
            var latest = u.LatestContent is { } l
                ? new LocalizedText($" De nieuwste vergadering die OpenBesluitvorming kent, is op {Day(l).Nl}.", $" The newest meeting OpenBesluitvorming holds is on {Day(l).En}.")
                : new("", "");
            var state = StateText(u.State);
            lines.Add(new(
                $"OpenBesluitvorming haalt deze vergaderingen uit het raadsinformatiesysteem van de gemeente ({supplier.Nl}){import.Nl}.{latest.Nl} Status bij OpenBesluitvorming voor {u.Label}: {state.Nl} (bekeken {When(u.Checked).Nl}).",
                $"OpenBesluitvorming gathers these meetings from the municipality's council information system ({supplier.En}){import.En}.{latest.En} Its status for {u.Label}: {state.En} (checked {When(u.Checked).En})."));
        }
        return lines;
    }

    /// <summary>The warning while the source fails: since when, why, and what that means. Null while it works.</summary>
    public LocalizedText? FailureText => Source?.FailingSince is { } since
        ? new($"De vergaderkalender is sinds {When(since).Nl} niet te lezen ({Source.LastError.Nl}). Tot hij weer werkt, gelden de eerder gelezen vergaderingen; nieuwe of verschoven vergaderingen ontbreken. Dat betekent niet dat er geen vergaderingen zijn.",
            $"The meeting calendar cannot be read since {When(since).En} ({Source.LastError.En}). Until it works again, the meetings read earlier apply; new or moved meetings are missing. This does not mean there are no meetings.")
        : null;

    /// <summary>What the list of coming meetings says when it is empty: never "no meetings" for a source that cannot tell.</summary>
    public LocalizedText EmptyUpcomingText
    {
        get
        {
            if (Failing)
            {
                return new("Welke vergaderingen eraan komen, is nu niet bekend: de vergaderkalender is niet te lezen (zie hierboven). Dat betekent niet dat er geen zijn.",
                    "Which meetings are coming is not known now: the meeting calendar cannot be read (see above). This does not mean there are none.");
            }
            if (NotReadYet)
            {
                return new("Nog niet bekend: de vergaderkalender is nog niet gelezen.", "Not known yet: the meeting calendar has not been read yet.");
            }
            if (Source is null)
            {
                return Stored == 0
                    ? new("Timing kent de vergaderingen van deze gemeente niet: er is geen vergaderkalender gekoppeld.", "Timing does not know this municipality's meetings: no meeting calendar is connected.")
                    : new($"De eenmalige inlezing van {When(LastStored).Nl} toonde geen komende vergaderingen, en er is geen vergaderkalender gekoppeld die Timing geregeld leest.",
                        $"The one-off import of {When(LastStored).En} showed no coming meetings, and no calendar is connected for regular reading.");
            }
            return new($"De vergaderkalender toonde bij de laatste lezing ({When(Source.LastSuccess).Nl}) geen komende vergaderingen.",
                $"The meeting calendar showed no coming meetings at its last read ({When(Source.LastSuccess).En}).");
        }
    }

    /// <summary>Beside a list of coming meetings while the source fails: the list is from before the failure.</summary>
    public LocalizedText? StaleListText => Failing
        ? new($"Deze lijst is van de laatste geslaagde lezing ({When(Source!.LastSuccess).Nl}); nieuwe of verschoven vergaderingen ontbreken.",
            $"This list is from the last successful read ({When(Source!.LastSuccess).En}); new or moved meetings are missing.")
        : null;

    /// <summary>One sentence for an organisation's page of the municipality.</summary>
    public LocalizedText Summary
    {
        get
        {
            if (Failing)
            {
                return new($"Let op: de vergaderkalender van de raad is sinds {When(Source!.FailingSince).Nl} niet te lezen; nieuwe of verschoven vergaderingen ontbreken.",
                    $"Note: the council's meeting calendar cannot be read since {When(Source!.FailingSince).En}; new or moved meetings are missing.");
            }
            if (Source is null)
            {
                return Stored == 0
                    ? new("Geen vergaderkalender gekoppeld: de data komen uit de regels en de openbare feiten.", "No meeting calendar is connected: the dates come from the rules and public facts.")
                    : new($"Vergaderingen eenmalig ingelezen, tot en met {Day(LastStoredDay).Nl}; er is geen vergaderkalender gekoppeld die Timing geregeld leest.",
                        $"Meetings imported once, up to {Day(LastStoredDay).En}; no calendar is connected for regular reading.");
            }
            if (Source.LastSuccess is not { } ok)
            {
                return new($"Vergaderkalender: {SourceName.Nl}, nog niet gelezen.", $"Meeting calendar: {SourceName.En}, not read yet.");
            }
            var until = Source.SeesUntil is { } u
                ? new LocalizedText($", toont vergaderingen tot en met {Day(u).Nl}", $", shows meetings up to {Day(u).En}")
                : new("", "");
            return new($"Vergaderkalender: {SourceName.Nl}, laatst gelezen {When(ok).Nl}{until.Nl}.", $"Meeting calendar: {SourceName.En}, last read {When(ok).En}{until.En}.");
        }
    }

    private static LocalizedText StateText(string state) => state switch
    {
        "ok" => new("bijgewerkt (ok)", "up to date (ok)"),
        "stale" => new("de laatste tijd niet bijgewerkt (stale)", "not brought up to date lately (stale)"),
        "failing" => new("kan het systeem van de raad niet lezen (failing)", "cannot read the council's system (failing)"),
        "never_imported" => new("nog nooit ingelezen (never_imported)", "never imported (never_imported)"),
        "not_implemented" => new("wordt niet meer ingelezen (not_implemented)", "no longer imported (not_implemented)"),
        "discontinued" => new("gemeente opgeheven (discontinued)", "municipality merged away (discontinued)"),
        _ => new(state, state),
    };

    /// <summary>A moment as the pages write it: "1 oktober 2027 om 09:00".</summary>
    internal static LocalizedText When(Instant? at)
    {
        if (at is not { } instant)
        {
            return new("-", "-");
        }
        var local = instant.InZone(ProductTime.Zone).LocalDateTime;
        var time = local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        return new($"{DateText.Long(local.Date, Language.Nl)} om {time}", $"{DateText.Long(local.Date, Language.En)} at {time}");
    }

    private static LocalizedText Day(LocalDate? day) => LocalizedText.From(l => day is { } d ? DateText.Long(d, l) : "-");
}
