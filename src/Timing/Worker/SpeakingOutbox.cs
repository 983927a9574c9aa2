using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Core.Nudges;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// Keeps the speaking-rights nudges of one organisation in line with the stored committee meetings: adds the ones
/// due from today on, retracts pending ones whose meeting moved, stopped discussing a moment, or that a person no
/// longer wants. A meeting the source stopped showing (it may be cancelled) gets no nudge.
/// </summary>
public static class SpeakingOutbox
{
    /// <summary>The outbox subject of a speaking-rights nudge: "GM0344/meeting/123".</summary>
    public static string Subject(string code, long meetingId) => $"{code}/meeting/{meetingId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The stored meeting a speaking-rights subject names, or null.</summary>
    public static long? MeetingId(string subject)
    {
        var parts = subject.Split('/');
        return parts.Length == 3 && parts[1] == "meeting" && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>The committee meetings ahead that discuss a moment, as the newest read of their municipality's source still shows them.</summary>
    public static async Task<List<CommitteeMeeting>> CommitteeMeetingsAsync(TimingDbContext db, IReadOnlyCollection<string> codes, LocalDate today, CancellationToken cancellationToken)
    {
        var from = today.PlusDays(1);
        var rows = await Timing.Meetings.CurrentMeetings.ListAsync(db, codes, from, LocalDate.MaxIsoValue, cancellationToken);
        return rows.Where(m => m.Category == "committee" && m.Kind != "")
            .Select(m => new CommitteeMeeting(m.Id, MunicipalityCode.Parse(m.Code), m.Kind, m.Date))
            .ToList();
    }

    public static async Task<NudgeOutbox.Result> PlanAsync(TimingDbContext db, CycleRules rules, IReadOnlyList<Person> people, IReadOnlyList<Recipient> recipients,
        IReadOnlyCollection<string> codes, LocalDate today, Instant now, CancellationToken cancellationToken)
    {
        int added = 0, retracted = 0, kept = 0;
        var meetings = await CommitteeMeetingsAsync(db, codes, today, cancellationToken);
        var planned = SpeakingRights.Plan(meetings, recipients, kind => rules.Find(kind)?.Audiences ?? [], today);
        var ids = people.Select(p => p.Id).ToList();
        var fromDay = today;
        var rows = await db.Nudges.Where(n => ids.Contains(n.PersonId) && n.Kind == NudgeKinds.Speaking && n.Day >= fromDay).ToListAsync(cancellationToken);
        var byKey = rows.ToDictionary(Key);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var nudge in planned)
        {
            var subject = Subject(nudge.Meeting.Municipality.Value, nudge.Meeting.Id);
            var lead = SpeakingRights.LeadId(nudge.Lead);
            var day = nudge.Day;
            var key = Key(nudge.PersonId, subject, lead, day);
            wanted.Add(key);
            if (byKey.TryGetValue(key, out var row))
            {
                if (row.State == NudgeStates.Retracted)
                {
                    row.State = NudgeStates.Pending;
                    row.Attempts = 0;
                    row.NextAttempt = Nudge.Immediately;
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
                Kind = NudgeKinds.Speaking,
                Subject = subject,
                LeadId = lead,
                Day = day,
                Due = nudge.SendAt,
                Created = now,
            });
            added++;
        }
        foreach (var row in rows.Where(r => r.State == NudgeStates.Pending && !wanted.Contains(Key(r))))
        {
            row.State = NudgeStates.Retracted;
            retracted++;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new NudgeOutbox.Result(added, retracted, kept);
    }

    private static string Key(Nudge row) => Key(row.PersonId, row.Subject, row.LeadId, row.Day);

    private static string Key(int personId, string subject, string lead, LocalDate day) =>
        string.Join('|', personId.ToString(CultureInfo.InvariantCulture), subject, lead, day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
}
