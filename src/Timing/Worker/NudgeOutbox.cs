using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime.Calendars;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Core.Nudges;
using Timing.Municipalities;
using Timing.Storage;
using Timing.Timelines;
using Microsoft.Extensions.Options;

namespace Timing.Worker;

/// <summary>
/// Keeps the outbox in line with the plan: adds the nudges that are due from today on, retracts pending ones
/// whose moment moved or that a person no longer wants. Sent rows are history and stay. Safe to run twice.
/// </summary>
public sealed class NudgeOutbox(TimingDbContext db, TimelineLoader timelines, CyclePlanner planner, PlanFingerprints fingerprints, IClock clock,
    IOptions<WorkerOptions> options)
{
    /// <summary>What a planning run changed; <see cref="Unchanged"/> organisations were left alone, their inputs as when last planned.</summary>
    public sealed record Result(int Added, int Retracted, int Kept)
    {
        public int Unchanged { get; init; }
    }

    /// <summary>How far ahead a nudge is planned at all: the planner's reach, beyond any lead time of the rules.</summary>
    private const int ReachDays = 400;

    /// <summary>
    /// The last day whose reminders stand in the outbox (Worker:PlanWeeks ahead). Later ones are planned into it as
    /// their day comes closer; pages that list what is coming compute them from the plan (<see cref="BeyondOutboxAsync"/>).
    /// </summary>
    public LocalDate LastOutboxDay(LocalDate today) => today.PlusWeeks(options.Value.PlanWeeks);

    /// <summary>
    /// Plans every organisation whose planning inputs changed since its last run in this process (<see cref="PlanFingerprints"/>);
    /// the others' outboxes already say what their plan says.
    /// </summary>
    public async Task<Result> PlanAsync(CancellationToken cancellationToken)
    {
        int added = 0, retracted = 0, kept = 0, unchanged = 0;
        var organisations = await db.Organisations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var organisationId in organisations)
        {
            var result = await PlanAsync(organisationId, skipUnchanged: true, cancellationToken);
            added += result.Added;
            retracted += result.Retracted;
            kept += result.Kept;
            unchanged += result.Unchanged;
        }
        return new Result(added, retracted, kept) { Unchanged = unchanged };
    }

    /// <summary>Plans one organisation's people, always; what the pages call right after a change, to say what followed from it.</summary>
    public Task<Result> PlanOrganisationAsync(int organisationId, CancellationToken cancellationToken) =>
        PlanAsync(organisationId, skipUnchanged: false, cancellationToken);

    private async Task<Result> PlanAsync(int organisationId, bool skipUnchanged, CancellationToken cancellationToken)
    {
        var today = ProductTime.Today(clock);
        var now = clock.GetCurrentInstant();
        var last = LastOutboxDay(today);
        var inputs = await InputsAsync(organisationId, null, today, cancellationToken);
        var personIds = inputs.People.Select(p => p.Id).ToList();
        var fingerprint = PlanFingerprints.Of(today, last, inputs.Organisation, inputs.Recipients, inputs.Meetings);
        if (skipUnchanged && fingerprints.IsPlanned(organisationId, fingerprint + "|" + await OutboxStampAsync(personIds, today, cancellationToken)))
        {
            return new Result(0, 0, 0) { Unchanged = 1 };
        }
        fingerprints.Begin(organisationId);
        string? planned = null;
        try
        {
            var (wantedMoments, wantedSpeaking) = Wanted(inputs, today);
            var moments = await ReconcileAsync(db, NudgeKinds.Nudge, personIds, today, last, wantedMoments.Where(n => n.Day <= last), now, cancellationToken);
            var speaking = await ReconcileAsync(db, NudgeKinds.Speaking, personIds, today, last, wantedSpeaking.Where(n => n.Day <= last), now, cancellationToken);
            planned = fingerprint + "|" + await OutboxStampAsync(personIds, today, cancellationToken);
            return new Result(moments.Added + speaking.Added, moments.Retracted + speaking.Retracted, moments.Kept + speaking.Kept);
        }
        finally
        {
            fingerprints.End(organisationId, planned);
        }
    }

    /// <summary>
    /// What the people's pending reminders from today on are, in two numbers: their count and the sum of their ids. Anything
    /// that writes the outbox besides this planning (a node planning from other inputs, an opt-out, a sent or retracted
    /// mail) changes them, so the next run plans the organisation again instead of trusting its memory.
    /// </summary>
    private async Task<string> OutboxStampAsync(List<int> personIds, LocalDate today, CancellationToken cancellationToken)
    {
        // No condition on the state: SQLite would take the (State, Due) index and read every pending row of the instance.
        var stamp = await db.Nudges.AsNoTracking()
            .Where(n => personIds.Contains(n.PersonId) && (n.Kind == NudgeKinds.Nudge || n.Kind == NudgeKinds.Speaking) && n.Day >= today)
            .GroupBy(n => 1)
            .Select(g => new { Pending = g.Sum(n => n.State == NudgeStates.Pending ? 1 : 0), Ids = g.Sum(n => n.State == NudgeStates.Pending ? n.Id : 0L) })
            .FirstOrDefaultAsync(cancellationToken);
        return stamp is null ? "0/0" : string.Create(CultureInfo.InvariantCulture, $"{stamp.Pending}/{stamp.Ids}");
    }

    /// <summary>
    /// A person's reminders that the plan has for the days after <see cref="LastOutboxDay"/>, as pending rows that are not
    /// stored (negative ids): what the outbox will hold once their day comes closer, unless the plan changes before.
    /// </summary>
    public async Task<IReadOnlyList<Nudge>> BeyondOutboxAsync(int organisationId, int personId, CancellationToken cancellationToken)
    {
        var today = ProductTime.Today(clock);
        var last = LastOutboxDay(today);
        var wanted = Wanted(await InputsAsync(organisationId, personId, today, cancellationToken), today);
        var id = 0L;
        return wanted.Moments.Select(n => (Kind: NudgeKinds.Nudge, Nudge: n)).Concat(wanted.Speaking.Select(n => (Kind: NudgeKinds.Speaking, Nudge: n)))
            .Where(n => n.Nudge.Day > last).OrderBy(n => n.Nudge.Due).ThenBy(n => n.Nudge.Subject, StringComparer.Ordinal).ThenBy(n => n.Nudge.LeadId, StringComparer.Ordinal)
            .Select(n => new Nudge
            {
                Id = --id, PersonId = n.Nudge.PersonId, Kind = n.Kind, Subject = n.Nudge.Subject, LeadId = n.Nudge.LeadId,
                Day = n.Nudge.Day, Due = n.Nudge.Due, State = NudgeStates.Pending,
            }).ToList();
    }

    /// <summary>Everything an organisation's plan is made from: its timelines, its people as recipients and the committee meetings ahead.</summary>
    private sealed record Inputs(OrganisationTimelines Organisation, List<Person> People, Recipient[] Recipients, List<CommitteeMeeting> Meetings);

    private async Task<Inputs> InputsAsync(int organisationId, int? personId, LocalDate today, CancellationToken cancellationToken)
    {
        var organisation = await timelines.ForOrganisationAsync(organisationId, cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId && (personId == null || p.Id == personId)).ToListAsync(cancellationToken);
        var all = organisation.Codes;
        // Consent gate: someone invited but not yet agreed, or whose address opted out, is planned nothing.
        var optedOut = await Timing.People.Consent.OptedOutAsync(db, people.Select(p => p.Email), cancellationToken);
        var recipients = people.Select(p => Recipient(p, all) is var r && Timing.People.Consent.MayMail(p, optedOut) ? r : r with { Mode = NudgeMode.None }).ToArray();
        var meetings = await SpeakingOutbox.CommitteeMeetingsAsync(db, organisation.Rows.Select(m => m.Code).ToArray(), today, cancellationToken);
        return new Inputs(organisation, people, recipients, meetings);
    }

    /// <summary>Everything the plan wants for the inputs' people from today on, moment reminders and speaking rights apart.</summary>
    private (List<WantedNudge> Moments, List<WantedNudge> Speaking) Wanted(Inputs inputs, LocalDate today)
    {
        // The timelines reach past the last planned day by the longest lead, so a reminder of a moment further off is found.
        var range = new DateInterval(today, today.PlusDays(ReachDays + 30));
        var plans = inputs.Organisation.Rows.Select(m => inputs.Organisation.Plan(m, range)).ToArray();
        var moments = NudgePlanner.Plan(plans, inputs.Recipients, today, ReachDays)
            .Select(n => new WantedNudge(n.PersonId, n.Moment.ToString(), n.Lead.Id, n.Day, n.SendAt)).ToList();
        return (moments, SpeakingOutbox.Wanted(inputs.Meetings, planner.Rules, inputs.Recipients, today));
    }

    /// <summary>Adds this week's digest for everyone who asked for one; the dispatcher sends it.</summary>
    public async Task<int> PlanDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var monday = ProductTime.Today(clock).With(DateAdjusters.PreviousOrSame(NudgePlanner.DigestDay));
        var week = $"{WeekYearRules.Iso.GetWeekYear(monday)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(monday):00}";
        var due = NudgePlanner.DigestOfWeek(monday);
        var asked = await db.People.AsNoTracking().Where(p => (p.NudgeMode == NudgeMode.Digest || p.NudgeMode == NudgeMode.Both) && p.Accepted != null).ToListAsync(cancellationToken);
        var optedOut = await Timing.People.Consent.OptedOutAsync(db, asked.Select(p => p.Email), cancellationToken);
        var people = asked.Where(p => Timing.People.Consent.MayMail(p, optedOut)).Select(p => p.Id).ToList();
        var existing = await db.Nudges.Where(n => n.Kind == NudgeKinds.Digest && n.Subject == week).Select(n => n.PersonId).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var id in people.Except(existing))
        {
            db.Nudges.Add(new Nudge { PersonId = id, Kind = NudgeKinds.Digest, Subject = week, Day = monday, Due = due, Created = now });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        Metrics.TimingMetrics.NudgesPlanned(added);
        return added;
    }

    /// <summary>
    /// What a person receives: every municipality the organisation follows when they chose none, otherwise those of
    /// their choice the organisation still follows. When it follows none of them any more, that is nothing: an
    /// organisation's unfollow never widens a person's own choice.
    /// </summary>
    public static Recipient Recipient(Person person, IReadOnlySet<MunicipalityCode> organisationMunicipalities)
    {
        var chosen = person.Municipalities.Count == 0
            ? organisationMunicipalities
            : person.Municipalities.Select(c => MunicipalityCode.TryParse(c, out var code) ? code : null).OfType<MunicipalityCode>()
                .Where(organisationMunicipalities.Contains).ToHashSet();
        return new Recipient(person.Id, chosen, person.Audiences, person.Language, person.NudgeMode);
    }

    /// <summary>One nudge a plan wants in the outbox.</summary>
    internal readonly record struct WantedNudge(int PersonId, string Subject, string LeadId, LocalDate Day, Instant Due);

    /// <summary>
    /// Brings the outbox rows of one kind of nudge, for these people from today on, in line with what a plan wants:
    /// adds what is missing, revives what was retracted, retracts pending rows the plan no longer has.
    /// </summary>
    /// <param name="last">The last day the plan covers: pending rows after it are left as they are until it reaches them.</param>
    internal static async Task<Result> ReconcileAsync(TimingDbContext db, string kind, IReadOnlyCollection<int> personIds, LocalDate today, LocalDate last,
        IEnumerable<WantedNudge> plan, Instant now, CancellationToken cancellationToken)
    {
        int added = 0, retracted = 0, kept = 0;
        // Read without tracking: most rows stay as they are, and the few that change are attached on their own, so saving
        // compares those few instead of every row of the organisation's weeks.
        var rows = await db.Nudges.AsNoTracking().Where(n => personIds.Contains(n.PersonId) && n.Kind == kind && n.Day >= today).ToListAsync(cancellationToken);
        var byKey = rows.ToDictionary(Key);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        // A reminder travels in its person's mail of the day; when that has gone, in the next working day's.
        var gone = (await db.Nudges.AsNoTracking().Where(n => personIds.Contains(n.PersonId) && n.Kind == NudgeKinds.Daily && n.Day >= today)
                .Select(n => new { n.PersonId, n.Day, n.State }).ToListAsync(cancellationToken))
            .Where(b => DailyBundles.HasGone(b.State)).Select(b => (b.PersonId, b.Day)).ToHashSet();
        var changed = new HashSet<(int PersonId, LocalDate Day)>();
        foreach (var planned in plan)
        {
            var nudge = planned;
            var key = Key(nudge.PersonId, nudge.Subject, nudge.LeadId, nudge.Day);
            if (!byKey.ContainsKey(key) && gone.Contains((nudge.PersonId, nudge.Day)))
            {
                var day = DailyBundles.OpenDay(nudge.Day, d => gone.Contains((nudge.PersonId, d)));
                nudge = nudge with { Day = day, Due = DailyBundles.DueOn(day) };
                key = Key(nudge.PersonId, nudge.Subject, nudge.LeadId, nudge.Day);
            }
            wanted.Add(key);
            if (byKey.TryGetValue(key, out var row))
            {
                if (row.State == NudgeStates.Retracted)
                {
                    db.Nudges.Attach(row);
                    row.State = NudgeStates.Pending;
                    row.Attempts = 0;
                    row.NextAttempt = Nudge.Immediately;
                    changed.Add((row.PersonId, row.Day));
                    added++;
                }
                else
                {
                    kept++;
                }
                continue;
            }
            db.Nudges.Add(new Nudge
            {
                PersonId = nudge.PersonId,
                Kind = kind,
                Subject = nudge.Subject,
                LeadId = nudge.LeadId,
                Day = nudge.Day,
                Due = nudge.Due,
                Created = now,
            });
            changed.Add((nudge.PersonId, nudge.Day));
            added++;
        }
        foreach (var row in rows.Where(r => r.State == NudgeStates.Pending && r.Day <= last && !wanted.Contains(Key(r))))
        {
            db.Nudges.Attach(row);
            row.State = NudgeStates.Retracted;
            changed.Add((row.PersonId, row.Day));
            retracted++;
        }
        await db.SaveChangesAsync(cancellationToken);
        // A day's mail rendered but not yet gone (waiting for a retry) is rendered again with what it now carries.
        // An hour in which nothing changed (most hours) asks nothing more.
        if (changed.Count > 0)
        {
            // Found by person and kind alone, and cleared one id at a time: with a condition on the state in the query,
            // SQLite takes the (State, Due) index and reads every pending row of the instance, once per organisation.
            var stale = (await db.Nudges.AsNoTracking().Where(n => personIds.Contains(n.PersonId) && n.Kind == NudgeKinds.Daily && n.Day >= today)
                    .Select(n => new { n.Id, n.PersonId, n.Day, n.State, Rendered = n.Message != null }).ToListAsync(cancellationToken))
                .Where(r => r.State == NudgeStates.Pending && r.Rendered && changed.Contains((r.PersonId, r.Day))).Select(r => r.Id);
            foreach (var id in stale)
            {
                await db.Nudges.Where(n => n.Id == id && n.State == NudgeStates.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(n => n.Message, (string?)null), cancellationToken);
            }
        }
        db.ChangeTracker.Clear();
        Metrics.TimingMetrics.NudgesPlanned(added);
        return new Result(added, retracted, kept);
    }

    private static string Key(Nudge row) => Key(row.PersonId, row.Subject, row.LeadId, row.Day);

    private static string Key(int personId, string subject, string lead, LocalDate day) =>
        string.Join('|', personId.ToString(CultureInfo.InvariantCulture), subject, lead, day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
}
