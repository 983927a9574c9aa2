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
    /// <param name="until">The last day of interest (the four weeks of "Deze week"); by default every meeting ahead.</param>
    public static async Task<List<CommitteeMeeting>> CommitteeMeetingsAsync(TimingDbContext db, IReadOnlyCollection<string> codes, LocalDate today, CancellationToken cancellationToken,
        LocalDate? until = null)
    {
        var from = today.PlusDays(1);
        var rows = await Timing.Meetings.CurrentMeetings.ListAsync(db, codes, from, until ?? LocalDate.MaxIsoValue, cancellationToken);
        return rows.Where(m => m.Category == "committee" && m.Kind != "")
            .Select(m => new CommitteeMeeting(m.Id, MunicipalityCode.Parse(m.Code), m.Kind, m.Date, m.Title))
            .ToList();
    }

    /// <summary>The speaking-rights reminders that these committee meetings (from tomorrow on) call for.</summary>
    internal static List<NudgeOutbox.WantedNudge> Wanted(IReadOnlyList<CommitteeMeeting> meetings, CycleRules rules, IReadOnlyList<Recipient> recipients, LocalDate today) =>
        SpeakingRights.Plan(meetings, recipients, kind => rules.Find(kind)?.Audiences ?? [], today)
            .Select(n => new NudgeOutbox.WantedNudge(n.PersonId, Subject(n.Meeting.Municipality.Value, n.Meeting.Id), SpeakingRights.LeadId(n.Lead), n.Day, n.SendAt))
            .ToList();
}
