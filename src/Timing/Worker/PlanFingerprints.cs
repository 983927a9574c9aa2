using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Timing.Core.Meetings;
using Timing.Core.Nudges;
using Timing.Timelines;

namespace Timing.Worker;

/// <summary>
/// What each organisation's outbox was last planned from, so the hourly run can leave an organisation alone when
/// nothing its reminders depend on has changed (most hours, for most organisations). A fingerprint is a hash of
/// the planner's whole input: the day and the outbox horizon, each followed municipality's profile (its entries with
/// the public facts beneath them), each person as the planner sees them (municipalities, audiences, language, mode,
/// consent and opt-out folded in) and the committee meetings ahead. The rules are fixed for the life of the process
/// (<see cref="Timing.Core.Cycle.CyclePlanner"/> is made once), so they need no place in it.
/// </summary>
/// <remarks>
/// Kept in memory: after a restart, and on each node of its own, every organisation is planned once more. What is
/// recorded also holds a stamp of the organisation's pending reminders as the run left them (NudgeOutbox), so a write
/// to the outbox from elsewhere (another node planning from other inputs, an opt-out, a mail sent) plans it again.
/// A fingerprint is only recorded by a run that finished and overlapped no other run of the same organisation in
/// this process, so a run that planned from inputs older than another's never vouches for the outbox.
/// </remarks>
public sealed class PlanFingerprints
{
    private sealed class State
    {
        public string? Planned;
        public int Running;
        public bool Overlapped;
    }

    private readonly ConcurrentDictionary<int, State> _states = new();

    /// <summary>Whether the organisation's outbox was planned from exactly these inputs, and no run of it is under way.</summary>
    public bool IsPlanned(int organisationId, string fingerprint)
    {
        var state = _states.GetOrAdd(organisationId, _ => new State());
        lock (state)
        {
            return state.Running == 0 && state.Planned == fingerprint;
        }
    }

    /// <summary>A planning run of the organisation starts: whatever was recorded no longer vouches for the outbox.</summary>
    public void Begin(int organisationId)
    {
        var state = _states.GetOrAdd(organisationId, _ => new State());
        lock (state)
        {
            state.Planned = null;
            state.Running++;
            state.Overlapped |= state.Running > 1;
        }
    }

    /// <summary>The run ended; when it succeeded alone, its inputs are what the outbox now reflects.</summary>
    public void End(int organisationId, string? fingerprint)
    {
        var state = _states.GetOrAdd(organisationId, _ => new State());
        lock (state)
        {
            state.Running--;
            if (!state.Overlapped)
            {
                state.Planned = fingerprint;
            }
            if (state.Running == 0)
            {
                state.Overlapped = false;
            }
        }
    }

    /// <summary>The fingerprint of one organisation's planning inputs.</summary>
    public static string Of(LocalDate today, LocalDate lastOutboxDay, OrganisationTimelines organisation, IEnumerable<Recipient> recipients,
        IEnumerable<CommitteeMeeting> meetings)
    {
        var text = new StringBuilder();
        void Add(string? part) => text.Append(part).Append('\u001f');
        Add(Iso(today));
        Add(Iso(lastOutboxDay));
        text.Append('\u001d');
        foreach (var row in organisation.Rows)
        {
            Add(row.Code);
            Add(TimelineCache.ContentHash(organisation.Profile(row)));
            Add(organisation.Facts[row.Code].Version);
        }
        text.Append('\u001d');
        foreach (var r in recipients.OrderBy(r => r.Id))
        {
            Add(string.Join('\u001e', r.Id.ToString(CultureInfo.InvariantCulture), r.Language.ToString(), r.Mode.ToString(),
                string.Join(',', r.Municipalities.Select(m => m.Value).Order(StringComparer.Ordinal)),
                string.Join(',', r.Audiences.Order(StringComparer.Ordinal))));
        }
        text.Append('\u001d');
        foreach (var m in meetings.OrderBy(m => m.Id))
        {
            Add(string.Join('\u001e', m.Id.ToString(CultureInfo.InvariantCulture), m.Municipality.Value, m.Kind, Iso(m.Date), m.Title));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
