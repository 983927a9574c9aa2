using Timing.Core.Cycle;

namespace Timing.Storage;

// Facts every organisation shares: public dates of a municipality, the council meetings they come from,
// and where those meetings are read. Nothing here belongs to one organisation.

/// <summary>
/// One value of a public fact: a dated statement about a municipality's moment (kind and cycle), with its
/// source. Rows are never changed, only added: a new value is a new row, so every previous value and who or
/// what set it stays. The current value is the newest row of (code, kind, cycle) that was not reverted.
/// </summary>
public sealed class PublicFact
{
    public long Id { get; set; }

    /// <summary>CBS code, e.g. GM0344.</summary>
    public required string Code { get; set; }

    public required string Kind { get; set; }

    public int Cycle { get; set; }

    public LocalDate Start { get; set; }

    public LocalDate End { get; set; }

    /// <summary>What the date comes from, in words: a meeting's title, or the publishing organisation.</summary>
    public required string Source { get; set; }

    /// <summary>Where anyone can check it: the meeting's page, the calendar, or the URL a director gave.</summary>
    public string SourceUrl { get; set; } = "";

    /// <summary>The meeting the date was read from, if any.</summary>
    public long? MeetingId { get; set; }

    /// <summary>Who or what set it: a person's address, or "import:ical" and the like.</summary>
    public required string SetBy { get; set; }

    public Instant SetAt { get; set; }

    public Instant? Reverted { get; set; }

    public string RevertedBy { get; set; } = "";
}

/// <summary>
/// A council or committee meeting read from a municipality's meeting calendar. Meetings are kept when a
/// source stops showing them; <see cref="LastSeen"/> says when a source last did.
/// </summary>
public sealed class Meeting
{
    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>ical, notubiz or openbesluitvorming.</summary>
    public required string SourceKind { get; set; }

    /// <summary>The meeting's id in its source (an iCalendar UID, a Notubiz event id …).</summary>
    public required string ExternalId { get; set; }

    public required string Title { get; set; }

    public string Committee { get; set; } = "";

    public string Location { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>The day of the meeting in Amsterdam.</summary>
    public LocalDate Date { get; set; }

    /// <summary>When it starts; null for a meeting without a time.</summary>
    public Instant? Start { get; set; }

    /// <summary>
    /// The titles of its agenda items as the source gave them, one per line, when its agenda was read (a meeting whose
    /// title says nothing by itself); empty otherwise. Kept so pages can show and explain what a match was based on.
    /// </summary>
    public string AgendaItems { get; set; } = "";

    /// <summary>The agenda item titles, in agenda order.</summary>
    public IReadOnlyList<string> AgendaItemList => AgendaItems.Length == 0 ? [] : AgendaItems.Split('\n');

    /// <summary>Agenda item titles as stored: one per line, each cut to 500 characters, at most 20,000 characters in all.</summary>
    public static string JoinAgenda(IEnumerable<string> titles)
    {
        var joined = string.Join('\n', titles.Select(t => t.Replace('\n', ' ').Trim()).Where(t => t.Length > 0).Select(t => t.Length <= 500 ? t : t[..500]));
        return joined.Length <= 20_000 ? joined : joined[..joined.LastIndexOf('\n', 20_000)];
    }

    /// <summary>council, committee or information.</summary>
    public string Category { get; set; } = "council";

    /// <summary>The moment kind the meeting rules matched, or empty.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Whether the match dates the moment without confirmation.</summary>
    public bool Certain { get; set; }

    public bool SocialDomain { get; set; }

    /// <summary>Who confirmed an uncertain match, or empty.</summary>
    public string ConfirmedBy { get; set; } = "";

    public Instant? Confirmed { get; set; }

    public Instant FirstSeen { get; set; }

    public Instant LastSeen { get; set; }
}

/// <summary>Where one municipality's meetings come from, and how reading it went.</summary>
public sealed class MeetingSource
{
    public required string Code { get; set; }

    /// <summary>ical, notubiz or openbesluitvorming.</summary>
    public required string Kind { get; set; }

    /// <summary>The iCalendar URL or file, the Notubiz organisation id, or the OpenBesluitvorming index.</summary>
    public required string Address { get; set; }

    public string ETag { get; set; } = "";

    public string LastModified { get; set; } = "";

    /// <summary>Not before this moment (Retry-After, or the regular interval).</summary>
    public Instant NextFetch { get; set; }

    public Instant? LastAttempt { get; set; }

    public Instant? LastSuccess { get; set; }

    /// <summary>Since when every attempt failed; null while it works.</summary>
    public Instant? FailingSince { get; set; }

    /// <summary>Why the last read failed, in Dutch and English (the English is what the log says); empty while it works.</summary>
    public LocalizedText LastError { get; set; } = NoError;

    public static readonly LocalizedText NoError = new("", "");

    /// <summary>What the last read that brought meetings left out, in Dutch and English: "2 events skipped: no start date (DTSTART)"; empty when nothing.</summary>
    public LocalizedText LastWarnings { get; set; } = NoError;

    /// <summary>When directors were told the source fails; cleared when it works again.</summary>
    public Instant? FailureMailSent { get; set; }

    /// <summary>The last meeting day the source showed at its last successful read: how far ahead it sees.</summary>
    public LocalDate? SeesUntil { get; set; }

    public int MeetingsSeen { get; set; }

    public string ConfiguredBy { get; set; } = "";

    public Instant Configured { get; set; }
}
