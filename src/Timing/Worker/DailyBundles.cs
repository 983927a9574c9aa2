using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Core;
using Timing.Core.Nudges;
using Timing.Mail;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// One reminder mail per person per day. The planner keeps one outbox row per moment, lead and day (a reminder);
/// when reminders fall due, they get one <see cref="NudgeKinds.Daily"/> row per person and day (a bundle), and only
/// that row is claimed, rendered and sent, exactly once like any other. Once it has gone its reminders take its
/// outcome; a reminder that arrives for a day whose mail already went joins the next working day's mail.
/// </summary>
public sealed class DailyBundles(TimingDbContext db, IClock clock, IOptions<MailOptions> mail)
{
    /// <summary>The pending reminders planned for a person's day: the nudge and speaking rows of that day.</summary>
    public static IQueryable<Nudge> Reminders(TimingDbContext db, int personId, LocalDate day) =>
        db.Nudges.Where(n => n.PersonId == personId && n.Day == day && n.State == NudgeStates.Pending && (n.Kind == NudgeKinds.Nudge || n.Kind == NudgeKinds.Speaking));

    /// <summary>
    /// The pending reminders a bundle carries: those of its day, and those of earlier days whose own mail never went
    /// (the dispatcher missed their day), so a person who had reminders waiting gets them in one mail, not one per day.
    /// A reminder whose own day's mail has gone (or is going) stays with that mail.
    /// </summary>
    public static IQueryable<Nudge> Carried(TimingDbContext db, int personId, LocalDate day) =>
        db.Nudges.Where(n => n.PersonId == personId && n.Day <= day && n.State == NudgeStates.Pending && (n.Kind == NudgeKinds.Nudge || n.Kind == NudgeKinds.Speaking)
            && (n.Day == day || !db.Nudges.Any(b => b.PersonId == personId && b.Kind == NudgeKinds.Daily && b.Day == n.Day
                && b.State != NudgeStates.Pending && b.State != NudgeStates.Retracted)));

    /// <summary>Whether a day's mail for a person has gone or is going: claimed, handed over, sent, uncertain or failed.</summary>
    public static bool HasGone(Nudge bundle) => HasGone(bundle.State);

    /// <inheritdoc cref="HasGone(Nudge)"/>
    public static bool HasGone(string state) => state is not (NudgeStates.Pending or NudgeStates.Retracted);

    /// <summary>The first working day from <paramref name="day"/> on whose mail has not gone yet.</summary>
    public static LocalDate OpenDay(LocalDate day, Func<LocalDate, bool> gone)
    {
        while (gone(day))
        {
            day = WorkingDays.OnOrAfter(day.PlusDays(1));
        }
        return day;
    }

    /// <summary>When a reminder of <paramref name="day"/> goes: 08:30 in Amsterdam.</summary>
    public static Instant DueOn(LocalDate day) => day.At(NudgePlanner.DeliveryTime).InZoneLeniently(ProductTime.Zone).ToInstant();

    /// <summary>
    /// Gives every due reminder its day's bundle, and retracts due bundles left without reminders (all retracted
    /// meanwhile). A reminder of a past day whose mail never went (the service was down, or its mail was held back)
    /// goes in today's bundle, at today's 08:30, and an unsent bundle of a past day gives way to it: one mail a day
    /// however many days were missed. Safe to run twice and on two nodes: a bundle is unique per person and day.
    /// </summary>
    public async Task BundleAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = ProductTime.Today(clock);
        var due = await db.Nudges.Where(n => (n.Kind == NudgeKinds.Nudge || n.Kind == NudgeKinds.Speaking) && n.State == NudgeStates.Pending && n.Due <= now)
            .ToListAsync(cancellationToken);
        var people = due.Select(n => n.PersonId).Distinct().ToList();
        var bundles = await db.Nudges.Where(n => n.Kind == NudgeKinds.Daily && (people.Contains(n.PersonId) || (n.State == NudgeStates.Pending && n.Due <= now)))
            .ToListAsync(cancellationToken);
        var byDay = bundles.ToDictionary(b => (b.PersonId, b.Day));
        // A reminder planned after its day's mail went is already planned for the next open day (NudgeOutbox); one
        // that raced such a mail is settled with it rather than sent a second time.
        var wanted = due.Select(i => (i.PersonId, i.Day, i.Due, Overdue: i.Day < today && !(byDay.TryGetValue((i.PersonId, i.Day), out var own) && HasGone(own))))
            .GroupBy(i => (i.PersonId, Day: i.Overdue ? today : i.Day))
            .ToDictionary(g => g.Key, g => g.Min(i => i.Overdue ? DueOn(today) : i.Due));
        foreach (var ((person, day), at) in wanted)
        {
            if (!byDay.TryGetValue((person, day), out var bundle))
            {
                db.Nudges.Add(new Nudge
                {
                    PersonId = person,
                    Kind = NudgeKinds.Daily,
                    Subject = day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                    Day = day,
                    Due = at,
                    Created = now,
                });
            }
            else if (bundle.State == NudgeStates.Retracted)
            {
                bundle.State = NudgeStates.Pending;
                bundle.Attempts = 0;
                bundle.NextAttempt = Nudge.Immediately;
                bundle.Message = null;
                bundle.LastError = null;
                bundle.Due = at;
            }
        }
        var empties = bundles.Where(b => b.State == NudgeStates.Pending && b.Due <= now && !wanted.ContainsKey((b.PersonId, b.Day))).ToList();
        // A mail a director sent again (failed or uncertain before) carries reminders that already took its outcome: it
        // goes as it was, with its Message-ID, and is not an empty day.
        var again = empties.Where(b => b.MessageId is not null).Select(b => b.MessageId!).ToList();
        var owners = empties.Select(b => b.PersonId).Distinct().ToList();
        var resent = again.Count == 0 ? [] : (await db.Nudges.AsNoTracking()
            .Where(n => owners.Contains(n.PersonId) && (n.Kind == NudgeKinds.Nudge || n.Kind == NudgeKinds.Speaking) && n.MessageId != null && again.Contains(n.MessageId))
            .Select(n => n.MessageId!).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var empty in empties.Where(b => b.MessageId is null || !resent.Contains(b.MessageId)))
        {
            empty.State = NudgeStates.Retracted;
            empty.LastError = wanted.ContainsKey((empty.PersonId, today)) && empty.Day < today
                ? $"not sent on its day: its reminders go in the mail of {today:uuuu-MM-dd}"
                : "every reminder of this day was retracted before it went";
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node bundled the same day at the same moment: its bundle stands, this run sends it.
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Reminders whose bundle has gone take its outcome: sent with its Message-ID, uncertain or failed.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        var gone = await db.Nudges.AsNoTracking()
            .Where(b => b.Kind == NudgeKinds.Daily && (b.State == NudgeStates.Sent || b.State == NudgeStates.Uncertain || b.State == NudgeStates.Failed))
            .Where(b => db.Nudges.Any(n => n.PersonId == b.PersonId && n.Day <= b.Day && n.State == NudgeStates.Pending && (n.Kind == NudgeKinds.Nudge || n.Kind == NudgeKinds.Speaking)))
            .OrderBy(b => b.Day)
            .ToListAsync(cancellationToken);
        foreach (var bundle in gone)
        {
            await Carried(db, bundle.PersonId, bundle.Day).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, bundle.State)
                .SetProperty(n => n.Sent, bundle.Sent)
                .SetProperty(n => n.MessageId, bundle.MessageId)
                .SetProperty(n => n.LastError, bundle.LastError), cancellationToken);
        }
        // A mail a director sent again carries reminders that took its earlier failure; when it goes, so do they.
        await db.Nudges.Where(n => (n.Kind == NudgeKinds.Nudge || n.Kind == NudgeKinds.Speaking) && n.MessageId != null
                && (n.State == NudgeStates.Failed || n.State == NudgeStates.Uncertain))
            .Where(n => db.Nudges.Any(b => b.Kind == NudgeKinds.Daily && b.State == NudgeStates.Sent && b.PersonId == n.PersonId && b.MessageId == n.MessageId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NudgeStates.Sent)
                .SetProperty(n => n.Sent, n => db.Nudges.Where(b => b.Kind == NudgeKinds.Daily && b.PersonId == n.PersonId && b.MessageId == n.MessageId).Select(b => b.Sent).First())
                .SetProperty(n => n.LastError, (string?)null), cancellationToken);
    }

    /// <summary>
    /// Whether one more mail to this address today would pass Mail:DailyLimitPerRecipient. Counted over every person
    /// with the address, in every organisation, so no choice of a director can make an address receive more.
    /// </summary>
    public async Task<bool> OverLimitAsync(string email, int alsoInThisBatch, CancellationToken cancellationToken)
    {
        var start = ProductTime.Today(clock).AtStartOfDayInZone(ProductTime.Zone).ToInstant();
        var people = db.People.Where(p => p.Email == email).Select(p => p.Id);
        var today = await db.Nudges.CountAsync(n => people.Contains(n.PersonId) && n.Kind != NudgeKinds.Nudge && n.Kind != NudgeKinds.Speaking
            && ((n.State == NudgeStates.Sent && n.Sent >= start) || ((n.State == NudgeStates.Sending || n.State == NudgeStates.Uncertain) && n.Claimed >= start)), cancellationToken);
        return today + alsoInThisBatch >= mail.Value.DailyLimitPerRecipient;
    }

    /// <summary>
    /// Whether this person already had a day's mail today (sent, or handed over with an unknown outcome), whatever
    /// Mail:DailyLimitPerRecipient allows: one organisation sends one person one reminder mail a day, also when a
    /// director sends an earlier day's mail again.
    /// </summary>
    public async Task<bool> HadDailyTodayAsync(int personId, CancellationToken cancellationToken)
    {
        var start = ProductTime.Today(clock).AtStartOfDayInZone(ProductTime.Zone).ToInstant();
        return await db.Nudges.AnyAsync(n => n.PersonId == personId && n.Kind == NudgeKinds.Daily
            && ((n.State == NudgeStates.Sent && n.Sent >= start) || ((n.State == NudgeStates.Sending || n.State == NudgeStates.Uncertain) && n.Claimed >= start)), cancellationToken);
    }

    /// <summary>The next morning's delivery time: when a mail held back by the daily limit may go.</summary>
    public Instant NextMorning() => DueOn(ProductTime.Today(clock).PlusDays(1));

}
