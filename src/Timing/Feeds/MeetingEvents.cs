using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Feeds;

/// <summary>
/// The council's plain meetings as calendar events, for feeds that ask for them (meetings=yes): one all-day event per
/// meeting that dates no moment, titled as the council titles it, with its time, place and source in the description.
/// Their versions are kept in a scope of their own beside the moments', so asking for them never moves a moment's event.
/// </summary>
public sealed class MeetingEvents(FeedOptions options)
{
    /// <summary>The version of the wording this code gives meeting events; part of every fingerprint.</summary>
    private const string Wording = "1";

    /// <summary>The scope that versions the meeting events of a feed scope ("public:GM0344" → "public:GM0344:meetings").</summary>
    public static string Scope(string momentScope) => momentScope + ":meetings";

    /// <summary>The UID of a stored meeting's event: "GM0344.meeting.123@host".</summary>
    public string Uid(Meeting meeting) => $"{meeting.Code}.meeting.{meeting.Id.ToString(CultureInfo.InvariantCulture)}@{options.UidHost}";

    /// <param name="named">Whether the feed shows several municipalities, so each title names its own.</param>
    public IReadOnlyList<FeedEvent> Build(IEnumerable<(Municipality Municipality, IReadOnlyList<Meeting> Meetings)> plain, Language language, bool named)
    {
        var events = new List<FeedEvent>();
        foreach (var (municipality, meetings) in plain)
        {
            foreach (var meeting in meetings)
            {
                events.Add(Event(municipality, meeting, language, named));
            }
        }
        events.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Uid, b.Uid));
        return events;
    }

    private FeedEvent Event(Municipality municipality, Meeting meeting, Language language, bool named)
    {
        var day = meeting.Date;
        var url = Uri.TryCreate(meeting.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? u
            : new Uri($"{options.BaseUrl.TrimEnd('/')}/gemeenten/{municipality.Code.Value}/openbaar");
        var kind = Category(meeting.Category);
        var text = new StringBuilder(meeting.Title).Append('\n');
        if (meeting.Committee.Length > 0)
        {
            text.Append(meeting.Committee).Append('\n');
        }
        text.Append(CalendarTexts.When.In(language)).Append(DateText.Long(day, language));
        if (meeting.Start is { } at)
        {
            var start = at.InZone(ProductTime.Zone).TimeOfDay;
            text.Append(CalendarTexts.At(start).In(language));
        }
        text.Append('\n');
        if (meeting.Location.Length > 0)
        {
            text.Append(CalendarTexts.Where.In(language)).Append(meeting.Location).Append('\n');
        }
        text.Append(CalendarTexts.PlainMeeting(kind, municipality.Name).In(language));
        text.Append(CalendarTexts.More.In(language)).Append(url);
        var summary = meeting.Title + (named ? " · " + municipality.Name : "");
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
            Wording, meeting.Code, municipality.Name, meeting.Title, meeting.Committee, meeting.Location, meeting.Url, meeting.Category,
            meeting.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), meeting.Start?.ToString("g", CultureInfo.InvariantCulture) ?? "", url.AbsoluteUri))), 0, 16);
        return new FeedEvent(Uid(meeting), summary, text.ToString(), day, day.PlusDays(1), FeedStatus.None, [kind.In(language)], url, fingerprint);
    }

    private static LocalizedText Category(string category) => category switch
    {
        "committee" => CalendarTexts.CommitteeMeeting,
        "information" => CalendarTexts.InformationSession,
        "other" => CalendarTexts.OtherGathering,
        _ => CalendarTexts.CouncilMeeting,
    };
}
