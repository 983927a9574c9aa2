using Timing.Core.Cycle;
using Timing.Core.Meetings;

namespace Timing.Core.Nudges;

/// <summary>
/// What a person should do now, across their municipalities: the moments that are open today or start within
/// the next four weeks, and the committee meetings on such moments within four weeks where they may still register
/// to speak (the speaking-rights nudges), for the groups they approach, ordered by urgency. The home page and the
/// weekly digest show the same list. A pure function of the timelines, the meetings, the recipient and today.
/// </summary>
public static class ThisWeek
{
    /// <summary>How far ahead the list looks.</summary>
    public const int Days = 28;

    /// <param name="meetings">The committee meetings ahead that discuss a moment; their moment is looked up in <paramref name="timelines"/>.</param>
    public static IReadOnlyList<ThisWeekItem> For(IEnumerable<Timeline> timelines, Recipient recipient, LocalDate today, IEnumerable<CommitteeMeeting>? meetings = null)
    {
        var last = today.PlusDays(Days - 1);
        var items = new List<ThisWeekItem>();
        var followed = timelines.Where(t => recipient.Municipalities.Contains(t.Municipality.Code)).ToList();
        foreach (var meeting in (meetings ?? []).Where(m => m.Date > today && m.Date <= last))
        {
            var registerBy = SpeakingRights.DayOf(SpeakingLead.LastWorkingDay, meeting.Date);
            var timeline = followed.FirstOrDefault(t => t.Municipality.Code == meeting.Municipality);
            if (registerBy < today || timeline is null || Discussed(timeline, meeting) is not { } moment || !recipient.Wants(moment))
            {
                continue;
            }
            items.Add(new ThisWeekItem(timeline.Municipality, moment, true, registerBy, SpeakingAction(moment, meeting.Date, registerBy)) { Meeting = meeting });
        }
        foreach (var timeline in followed)
        {
            foreach (var moment in timeline.Moments)
            {
                if (moment.End < today || moment.Start > last || !recipient.Wants(moment))
                {
                    continue;
                }
                var open = moment.Start <= today;
                items.Add(new ThisWeekItem(timeline.Municipality, moment, open, open ? moment.End : moment.Start, ActionOf(moment)));
            }
        }
        // Soonest deadline first: a point next week beats a window that stays open for months.
        return items
            .OrderBy(i => i.UrgentBy)
            .ThenBy(i => i.IsOpen ? 0 : 1)
            .ThenBy(i => i.Municipality.Name, StringComparer.Ordinal)
            .ThenBy(i => i.Title(recipient.Language), StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The list as a person reads it: one line per moment across municipalities, where the moment falls on the same
    /// dates with the same advice and the same thing to do by the same day; a meeting keeps its own line.
    /// </summary>
    public static IReadOnlyList<MomentLine<ThisWeekItem>> Lines(IEnumerable<ThisWeekItem> items) =>
        MomentLines.Group(items, i => i.Moment, i => i.Municipality, i => (i.IsOpen, i.UrgentBy, i.Action, i.Meeting));

    /// <summary>The moment a committee meeting discusses: of its year for a yearly moment, else the one nearest the meeting.</summary>
    private static Moment? Discussed(Timeline timeline, CommitteeMeeting meeting) => timeline.Moments
        .Where(m => m.Kind == meeting.Kind && m.Key.LocalId is null && (!m.Definition.IsYearly || m.Cycle == meeting.Date.Year))
        .MinBy(m => Math.Abs(Period.DaysBetween(meeting.Date, m.Start)));

    private static LocalizedText SpeakingAction(Moment moment, LocalDate meeting, LocalDate registerBy) => new(
        $"Meld u uiterlijk {DateText.Short(registerBy, Language.Nl)} bij de griffie aan om in te spreken over {moment.Title(Language.Nl)}; de commissie vergadert {DateText.Short(meeting, Language.Nl)}.",
        $"Register with the griffie by {DateText.Short(registerBy, Language.En)} to speak on {moment.Title(Language.En)}; the committee meets {DateText.Short(meeting, Language.En)}.");

    /// <summary>The moment's one-line action from config, or else the first sentence of its advice.</summary>
    public static LocalizedText ActionOf(Moment moment) =>
        moment.Definition.Action ?? new LocalizedText(FirstSentence(moment.Advice.Nl), FirstSentence(moment.Advice.En));

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}
