using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Which agendas a reader asks for, and how many items it keeps. An agenda costs one request to the council's system,
/// so only meetings ahead within <see cref="MeetingsOptions.AgendaHorizonDays"/> whose title says nothing by itself
/// (<see cref="GenericTitles"/>) are read, nearest first, at most <see cref="MeetingsOptions.MaxAgendaReadsPerRead"/>.
/// Every source kind that has agendas follows the same rules, so a council is treated alike whichever system it uses.
/// </summary>
public static class AgendaReads
{
    /// <summary>The positions in <paramref name="meetings"/> whose agenda is worth reading; what is left over is warned about.</summary>
    public static IReadOnlyList<int> Wanted(IReadOnlyList<FetchedMeeting> meetings, LocalDate today, MeetingsOptions options, List<LocalizedText> warnings)
    {
        var last = today.PlusDays(options.AgendaHorizonDays);
        var wanted = meetings.Select((m, i) => (Meeting: m, Index: i))
            .Where(x => x.Meeting.Date >= today && x.Meeting.Date <= last && GenericTitles.SaysNothing(x.Meeting.Title, x.Meeting.Committee))
            .OrderBy(x => x.Meeting.Date).Select(x => x.Index).ToList();
        if (wanted.Count > options.MaxAgendaReadsPerRead)
        {
            var left = wanted.Count - options.MaxAgendaReadsPerRead;
            warnings.Add(new($"agenda's van {left} latere vergaderingen niet gelezen (hoogstens {options.MaxAgendaReadsPerRead} per lezing, Meetings:MaxAgendaReadsPerRead)",
                $"agendas of {left} later meetings not read (at most {options.MaxAgendaReadsPerRead} per read, Meetings:MaxAgendaReadsPerRead)"));
        }
        return wanted.Take(options.MaxAgendaReadsPerRead).ToList();
    }

    /// <summary>The item titles kept for one meeting: at most <see cref="MeetingsOptions.MaxAgendaItemsPerMeeting"/>, the overflow warned about.</summary>
    public static string[] Capped(IReadOnlyList<string> titles, MeetingsOptions options, List<LocalizedText> warnings)
    {
        if (titles.Count > options.MaxAgendaItemsPerMeeting)
        {
            var over = titles.Count - options.MaxAgendaItemsPerMeeting;
            warnings.Add(new($"{over} agendapunten boven het maximum (Meetings:MaxAgendaItemsPerMeeting)",
                $"{over} agenda items above the cap (Meetings:MaxAgendaItemsPerMeeting)"));
        }
        return titles.Take(options.MaxAgendaItemsPerMeeting).ToArray();
    }
}
