using Microsoft.EntityFrameworkCore;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Facts;
using Timing.Storage;

namespace Timing.Meetings;

/// <summary>
/// Stores what a meeting source showed and turns matched meetings into public facts. Meetings a source no
/// longer shows are kept; a meeting only dates a moment when the rules are certain or a director confirmed it.
/// </summary>
public sealed class MeetingImporter(TimingDbContext db, CyclePlanner planner, MeetingRules rules, IClock clock, PublicFactStore store)
{
    /// <summary>Who sets facts read from meetings; facts set by people keep their address instead.</summary>
    public const string SetByPrefix = "meetings:";

    /// <summary>One meeting as stored, with what the rules made of it.</summary>
    public sealed record Line(FetchedMeeting Meeting, MeetingMatches Match, bool IsNew);

    /// <summary>What an import did: every meeting it stored, the facts it set, and what it left out ("2 events skipped: …", "1 link dropped: …").</summary>
    public sealed record Report(IReadOnlyList<Line> Lines, IReadOnlyList<PublicFact> FactsSet, IReadOnlyList<LocalizedText> Warnings);

    /// <summary>Why a meeting's link is not kept: only an absolute http(s) address is ever shown as a link.</summary>
    private static readonly LocalizedText NotHttp = new("geen absoluut http(s)-adres", "not an absolute http(s) address");

    /// <summary>Why a meeting is refused: Timing plans these years only, and a date beyond them is a mistake in the source.</summary>
    private static readonly LocalizedText OutsideYears = new(
        $"datum buiten de jaren {SupportedDates.FirstYear}–{SupportedDates.LastYear}", $"date outside the years {SupportedDates.FirstYear}–{SupportedDates.LastYear}");

    /// <summary>Why a meeting is left out though the source does not mark it cancelled: its title says so ("(geannuleerd)").</summary>
    private static readonly LocalizedText CancelledInTitle = new("geannuleerd volgens de titel", "cancelled according to its title");

    /// <summary>Whether the import keeps a meeting the source shows (else it refuses it as <see cref="OutsideYears"/>).</summary>
    public static bool Accepts(FetchedMeeting meeting) => SupportedDates.Contains(meeting.Date);

    /// <param name="skipped">Why each event the source held but its reader could not use was skipped; counted in the report with the meetings refused here.</param>
    /// <param name="unread">Periods the read could not see (a Notubiz window that failed): stored meetings in them stay current.</param>
    public async Task<Report> StoreAsync(string code, string sourceKind, string sourceAddress, IReadOnlyList<FetchedMeeting> meetings,
        IReadOnlyList<LocalizedText> skipped, CancellationToken cancellationToken, IReadOnlyList<DateInterval>? unread = null)
    {
        var now = clock.GetCurrentInstant();
        var existing = await db.Meetings.Where(m => m.Code == code && m.SourceKind == sourceKind).ToDictionaryAsync(m => m.ExternalId, StringComparer.Ordinal, cancellationToken);
        var lines = new List<Line>();
        var droppedLinks = new List<LocalizedText>();
        var refused = skipped.ToList();
        var matched = new List<(Meeting Row, MeetingMatches Match)>();
        foreach (var read in meetings.GroupBy(m => m.ExternalId).Select(g => g.Last()))
        {
            if (!Accepts(read))
            {
                refused.Add(OutsideYears);
                continue;
            }
            // Text from outside reaches pages, feeds and terminals: no control or bidi-override characters.
            var fetched = read with
            {
                Title = SourceText.Clean(read.Title), Committee = SourceText.Clean(read.Committee), Location = SourceText.Clean(read.Location),
                AgendaItems = read.AgendaItems.Select(SourceText.Clean).ToArray(),
            };
            if (read.Url.Length > 0 && !MeetingFetcher.IsHttp(read.Url))
            {
                // A council's calendar is not trusted with a link's scheme: javascript:, file: or a relative path never reach a page.
                fetched = fetched with { Url = "" };
                droppedLinks.Add(NotHttp);
            }
            var match = rules.Match(fetched.Title, fetched.Committee, fetched.AgendaItems);
            if (match.Cancelled)
            {
                refused.Add(CancelledInTitle);
                continue;
            }
            var primary = match.Primary;
            var isNew = !existing.TryGetValue(Cut(fetched.ExternalId, 300), out var row);
            if (row is null)
            {
                row = new Meeting { Code = code, SourceKind = sourceKind, ExternalId = Cut(fetched.ExternalId, 300), Title = "", FirstSeen = now };
                db.Meetings.Add(row);
            }
            if (row.Kind != (primary?.Kind ?? ""))
            {
                // A confirmation was about the old match.
                row.ConfirmedBy = "";
                row.Confirmed = null;
            }
            row.Title = Cut(fetched.Title, 500);
            row.Committee = Cut(fetched.Committee, 200);
            row.Location = Cut(fetched.Location, 300);
            row.AgendaItems = Meeting.JoinAgenda(fetched.AgendaItems);
            row.Url = Cut(fetched.Url, 2000);
            row.Date = fetched.Date;
            row.Start = fetched.Start;
            row.Category = match.Category.ToString().ToLowerInvariant();
            row.Kind = primary?.Kind ?? "";
            row.Certain = primary?.Certain ?? false;
            row.SocialDomain = match.SocialDomain;
            row.LastSeen = now;
            lines.Add(new Line(fetched, match, isNew));
            matched.Add((row, match));
        }
        // A period the source could not show now is no sign its meetings were cancelled.
        foreach (var row in existing.Values.Where(m => m.LastSeen != now && (unread ?? []).Any(p => p.Contains(m.Date))))
        {
            row.LastSeen = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        var facts = await DeriveFactsAsync(code, sourceAddress, cancellationToken, matched.ToDictionary(r => r.Row.Id, r => r.Match));
        var warnings = Counted(refused, ("vergadering overgeslagen", "vergaderingen overgeslagen"), ("event skipped", "events skipped"))
            .Concat(Counted(droppedLinks, ("link weggelaten", "links weggelaten"), ("link dropped", "links dropped"))).ToList();
        return new Report(lines.OrderBy(l => l.Meeting.Date).ThenBy(l => l.Meeting.Title, StringComparer.Ordinal).ToArray(), facts, warnings);
    }

    /// <summary>One line per warning, with how often it applied: "3× meeting without a title; the committee's name is used".</summary>
    internal static IEnumerable<LocalizedText> Counted(IEnumerable<LocalizedText> warnings) =>
        warnings.GroupBy(w => w).Select(g => g.Count() == 1 ? g.Key : new LocalizedText($"{g.Count()}× {g.Key.Nl}", $"{g.Count()}× {g.Key.En}"));

    /// <summary>One line per reason, with how often it applied: "2 links dropped: not an absolute http(s) address".</summary>
    private static List<LocalizedText> Counted(IEnumerable<LocalizedText> reasons, (string One, string Many) nl, (string One, string Many) en) =>
        reasons.GroupBy(r => r).Select(g => (Count: g.Count(), Reason: g.Key))
            .Select(g => new LocalizedText($"{g.Count} {(g.Count == 1 ? nl.One : nl.Many)}: {g.Reason.Nl}", $"{g.Count} {(g.Count == 1 ? en.One : en.Many)}: {g.Reason.En}"))
            .ToList();

    /// <summary>
    /// Sets a public fact for every moment dated by meetings (certain matches and confirmed ones): the first to
    /// the last such meeting of that moment and cycle. A window the meeting closes (kadernota, accounts) keeps its
    /// start, so its publication and committee stay visible before the vote. A value already set from meetings is
    /// not set again, so an operator's revert or a director's published date stands until the meetings change.
    /// </summary>
    /// <param name="read">What the rules made of the meetings just read, by stored id, with their agenda items; the
    /// agenda item that named a moment is cited in its fact. Meetings not in it are matched on their title.</param>
    public async Task<IReadOnlyList<PublicFact>> DeriveFactsAsync(string code, string sourceAddress, CancellationToken cancellationToken,
        IReadOnlyDictionary<long, MeetingMatches>? read = null)
    {
        var now = clock.GetCurrentInstant();
        var dating = await db.Meetings.AsNoTracking()
            .Where(m => m.Code == code && m.Kind != "" && (m.Certain || m.ConfirmedBy != ""))
            .ToListAsync(cancellationToken);
        var profile = new MunicipalityProfile(Municipality.Unnamed(MunicipalityCode.Parse(code)));
        var set = new List<PublicFact>();
        foreach (var group in Datings(dating, read).GroupBy(d => (d.Kind, Cycle: CycleOf(profile, d.Kind, d.Meeting)))
            .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Cycle))
        {
            var ordered = group.OrderBy(d => d.Meeting.Date).ThenBy(d => d.Meeting.Start).ToArray();
            var first = ordered[0].Meeting;
            var last = ordered[^1].Meeting;
            var source = ordered.Length == 1
                ? $"Vergadering / meeting {Cited(ordered[0])}"
                : "Vergaderingen / meetings " + string.Join(", ", ordered.Select(Cited));
            var url = ordered.Select(d => d.Meeting.Url).FirstOrDefault(MeetingFetcher.IsHttp) ?? (PublicAddress(sourceAddress) ? sourceAddress : "");
            var (kind, cycle) = group.Key;
            var end = last.Date;
            var start = rules.Rule(kind)?.DatesEnd == true && planner.Find(profile, new MomentKey(profile.Code, kind, cycle)) is { } window && window.Start < first.Date
                ? window.Start
                : first.Date;
            var previous = await db.PublicFacts.AsNoTracking()
                .Where(f => f.Code == code && f.Kind == kind && f.Cycle == cycle && f.SetBy.StartsWith(SetByPrefix))
                .OrderByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken);
            // Without the agenda just read, a fact citing an agenda item would lose its citation, not change.
            var citationKnown = ordered.Any(d => read?.ContainsKey(d.Meeting.Id) == true);
            if (previous is not null && previous.Start == start && previous.End == end && previous.SourceUrl == url && (previous.Source == Cut(source, 500) || !citationKnown))
            {
                continue;
            }
            if (await PublicFactRows.SetAsync(db, code, kind, cycle, new DateInterval(start, end), source, url, first.Id, SetByPrefix + first.SourceKind, now, cancellationToken) is { } added)
            {
                set.Add(added);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate(code);
        return set;
    }

    /// <summary>Whether a source's address may be shown as a link: http(s), with no credentials and no query that could hold a key.</summary>
    private static bool PublicAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && MeetingFetcher.IsHttp(address) && uri.UserInfo.Length == 0 && uri.Query.Length == 0;

    /// <summary>One moment one meeting dates, with the agenda item that named it (empty for the title).</summary>
    private sealed record Dating(Meeting Meeting, string Kind, string Citation);

    /// <summary>
    /// Every moment the meetings date: the stored match (certain or confirmed) and any other moment the same meeting
    /// dates for certain ("Jaarstukken 2026 en Voorjaarsnota 2028").
    /// </summary>
    private IEnumerable<Dating> Datings(IEnumerable<Meeting> dating, IReadOnlyDictionary<long, MeetingMatches>? read)
    {
        foreach (var meeting in dating)
        {
            var match = read?.GetValueOrDefault(meeting.Id) ?? rules.Match(meeting.Title, meeting.Committee, meeting.AgendaItemList);
            yield return new Dating(meeting, meeting.Kind, match.Moments.FirstOrDefault(m => m.Kind == meeting.Kind)?.Citation ?? "");
            foreach (var other in match.Moments.Where(m => m.Certain && m.Kind != meeting.Kind))
            {
                yield return new Dating(meeting, other.Kind, other.Citation);
            }
        }
    }

    /// <summary>"'Gemeenteraad' (2025-11-13), agendapunt / agenda item '5 Programmabegroting 2026'".</summary>
    private static string Cited(Dating dating) =>
        $"'{dating.Meeting.Title}' ({dating.Meeting.Date:yyyy-MM-dd})" + (dating.Citation.Length == 0 ? "" : ", " + dating.Citation);

    private int CycleOf(MunicipalityProfile profile, string kind, Meeting meeting) => planner.CycleOf(profile, kind, meeting.Date);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
