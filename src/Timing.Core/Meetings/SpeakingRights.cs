using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Core.Meetings;

/// <summary>A committee meeting that discusses a moment of the cycle: where residents and organisations may speak (inspreken).</summary>
/// <param name="Id">The stored meeting's id.</param>
/// <param name="Municipality">The municipality whose committee meets.</param>
/// <param name="Kind">The moment kind the meeting rules matched.</param>
/// <param name="Date">The meeting day in Amsterdam.</param>
/// <param name="Title">The meeting as the council calls it.</param>
public sealed record CommitteeMeeting(long Id, MunicipalityCode Municipality, string Kind, LocalDate Date, string Title = "");

/// <summary>When a speaking-rights nudge falls: a week before the committee meets, or on the last working day before it.</summary>
public enum SpeakingLead
{
    WeekBefore,
    LastWorkingDay,
}

/// <summary>One speaking-rights nudge to send: to whom, about which committee meeting, which of the two, and when.</summary>
public sealed record SpeakingNudge(int PersonId, CommitteeMeeting Meeting, SpeakingLead Lead, LocalDate Day, Instant SendAt);

/// <summary>
/// Speaking rights: a committee meeting that discusses a moment in a person's audiences gets two nudges — a week
/// before (time to prepare and to register with the griffie) and on the last working day before it (registration
/// usually closes then). Both at 08:30 Amsterdam on a working day, never after the meeting. A pure function of the
/// meetings, the recipients and today.
/// </summary>
public static class SpeakingRights
{
    /// <summary>The outbox lead of each nudge.</summary>
    public static string LeadId(SpeakingLead lead) => lead == SpeakingLead.WeekBefore ? "speak-P7D" : "speak-last";

    public static SpeakingLead? ParseLead(string leadId) => leadId switch
    {
        "speak-P7D" => SpeakingLead.WeekBefore,
        "speak-last" => SpeakingLead.LastWorkingDay,
        _ => null,
    };

    /// <summary>
    /// The delivery day: the working day on or before a week ahead of the meeting, or the last working day before
    /// it. Earlier rather than later, so the time to register is never shorter than promised.
    /// </summary>
    public static LocalDate DayOf(SpeakingLead lead, LocalDate meeting) => lead == SpeakingLead.WeekBefore
        ? WorkingDays.OnOrBefore(meeting.PlusDays(-7))
        : WorkingDays.OnOrBefore(meeting.PlusDays(-1));

    /// <summary>Whether <paramref name="recipient"/> follows the meeting's municipality and the moment it discusses is for one of their audiences.</summary>
    public static bool Wants(Recipient recipient, CommitteeMeeting meeting, IReadOnlyList<string> audiences) =>
        recipient.Municipalities.Contains(meeting.Municipality)
        && (recipient.Audiences.Count == 0 || audiences.Any(recipient.Audiences.Contains));

    /// <param name="audiencesOf">The audiences of a moment kind (from config/cycle.json); empty for an unknown kind.</param>
    public static IReadOnlyList<SpeakingNudge> Plan(IEnumerable<CommitteeMeeting> meetings, IReadOnlyList<Recipient> recipients,
        Func<string, IReadOnlyList<string>> audiencesOf, LocalDate today, int horizonDays = 400)
    {
        var last = today.PlusDays(horizonDays);
        var result = new List<SpeakingNudge>();
        var wanting = recipients.Where(r => r.Mode is NudgeMode.Each or NudgeMode.Both).ToArray();
        foreach (var meeting in meetings.Where(m => m.Date > today))
        {
            var audiences = audiencesOf(meeting.Kind);
            if (audiences.Count == 0)
            {
                continue;
            }
            foreach (var lead in new[] { SpeakingLead.WeekBefore, SpeakingLead.LastWorkingDay })
            {
                var day = DayOf(lead, meeting.Date);
                if (day < today || day > last || day >= meeting.Date)
                {
                    continue;
                }
                var at = day.At(NudgePlanner.DeliveryTime).InZoneLeniently(ProductTime.Zone).ToInstant();
                result.AddRange(wanting.Where(r => Wants(r, meeting, audiences)).Select(r => new SpeakingNudge(r.Id, meeting, lead, day, at)));
            }
        }
        return result;
    }
}
