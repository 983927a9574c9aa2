using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>
/// What a person should do now, across their municipalities: the moments that are open today or start within
/// the next four weeks, for the groups they approach, ordered by urgency. The home page and the weekly digest
/// show the same list. A pure function of the timelines, the recipient and today.
/// </summary>
public static class ThisWeek
{
    /// <summary>How far ahead the list looks.</summary>
    public const int Days = 28;

    public static IReadOnlyList<ThisWeekItem> For(IEnumerable<Timeline> timelines, Recipient recipient, LocalDate today)
    {
        var last = today.PlusDays(Days - 1);
        var items = new List<ThisWeekItem>();
        foreach (var timeline in timelines.Where(t => recipient.Municipalities.Contains(t.Municipality.Code)))
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
            .ThenBy(i => i.Moment.Title(recipient.Language), StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The moment's one-line action from config, or else the first sentence of its advice.</summary>
    public static LocalizedText ActionOf(Moment moment) =>
        moment.Definition.Action ?? new LocalizedText(FirstSentence(moment.Advice.Nl), FirstSentence(moment.Advice.En));

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}
