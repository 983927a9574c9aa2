using System.Security.Cryptography;
using System.Text;
using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Feeds;

/// <summary>
/// Turns timelines into calendar events following Outlook's habits: all-day events, a window longer than
/// two weeks as a first-day and a last-day event (a months-long bar is noise), and titles a month view can
/// show (<see cref="FeedTitles"/>).
/// </summary>
public sealed class FeedEventBuilder(CycleRules rules, FeedOptions options)
{
    private readonly Web.PublicLinks _links = new(options.BaseUrl);

    /// <summary>Windows longer than this appear as two events.</summary>
    public const int LongestSingleEventDays = 14;

    /// <summary>The version of the wording this code gives events; part of every fingerprint.</summary>
    private const string Wording = "3";

    /// <summary>
    /// The events of <paramref name="timelines"/> that pass <paramref name="filter"/>, linking each to the page
    /// <paramref name="link"/> gives (the public moment page, or the signed-in one).
    /// </summary>
    public IReadOnlyList<FeedEvent> Build(IReadOnlyList<Timeline> timelines, FeedFilter filter, Language language, Func<MomentKey, Uri> link)
    {
        var events = new List<FeedEvent>();
        var named = timelines.Count > 1;
        var moments = timelines.SelectMany(t => t.Moments.Where(filter.Includes).Select(m => (t.Municipality, Moment: m)));
        // With several municipalities, a moment they share on the same dates with the same advice is one event that
        // names them all, under the UID of the first; group=no keeps an event per municipality.
        var lines = named && !filter.Separate
            ? MomentLines.Group(moments, p => p.Moment, p => p.Municipality)
            : moments.Select(p => new MomentLine<(Municipality, Moment Moment)>([p], [p.Municipality])).ToArray();
        foreach (var line in lines)
        {
            AddEvents(events, line.Municipalities, line.First.Moment, language, named, link(line.First.Moment.Key));
        }
        events.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Uid, b.Uid));
        return events;
    }

    private void AddEvents(List<FeedEvent> events, IReadOnlyList<Municipality> places, Moment moment, Language language, bool named, Uri url)
    {
        var municipality = places[0];
        var phase = PhaseName(moment, language);
        var categories = new[] { phase }.Concat(moment.Audiences.Select(a => rules.AudienceName(a, language))).ToArray();
        var status = moment.Basis switch
        {
            Basis.Estimate => FeedStatus.Tentative,
            Basis.Law or Basis.Actual => FeedStatus.Confirmed,
            _ => FeedStatus.None,
        };
        var uid = Uid(moment.Key);
        var fingerprint = Fingerprint(municipality, moment, url);
        var days = Period.DaysBetween(moment.Start, moment.End) + 1;
        // With several municipalities in one feed, the name follows what happens, after the month view's 20 characters;
        // of many, the title names two and counts the rest (Outlook cuts a subject at 255 characters), the description lists all.
        var where = named ? " · " + MomentLines.FewNames(places.Select(p => p.Name).ToList(), language) : "";

        if (days <= LongestSingleEventDays)
        {
            events.Add(new FeedEvent(uid + "@" + options.UidHost, FeedTitles.WhatHappens(moment, FeedEdge.None, language) + where,
                Description(places, moment, FeedEdge.None, phase, language, url), moment.Start, moment.End.PlusDays(1), status, categories, url, fingerprint));
            return;
        }
        events.Add(new FeedEvent(uid + ".opens@" + options.UidHost, FeedTitles.WhatHappens(moment, FeedEdge.Opens, language) + where,
            Description(places, moment, FeedEdge.Opens, phase, language, url), moment.Start, moment.Start.PlusDays(1), status, categories, url, fingerprint));
        events.Add(new FeedEvent(uid + ".closes@" + options.UidHost, FeedTitles.WhatHappens(moment, FeedEdge.Closes, language) + where,
            Description(places, moment, FeedEdge.Closes, phase, language, url), moment.End, moment.End.PlusDays(1), status, categories, url, fingerprint));
    }

    /// <summary>The phase of a moment as users read it; local events without a "local" phase in the rules are "Lokaal".</summary>
    public string PhaseName(Moment moment, Language language) => moment.Definition.Phase == "local" && !HasPhase("local")
        ? CalendarTexts.Local.In(language)
        : rules.Phase(moment.Definition.Phase).Name.In(language);

    private bool HasPhase(string id) => rules.Phases.Any(p => p.Id == id);

    /// <summary>The UID stem of a moment: its key with dots, e.g. "GM0344.coalition-agreement.2026".</summary>
    public static string Uid(MomentKey key) => key.ToString().Replace('/', '.');

    /// <summary>The public page of a moment, open to anyone: what public feeds link to.</summary>
    public Uri PublicMomentUrl(MomentKey key) => _links.PublicMoment(key);

    /// <summary>The page of a moment in the signed-in web application: what personal feeds link to.</summary>
    public Uri MomentUrl(MomentKey key) => _links.Moment(key);

    private string Description(IReadOnlyList<Municipality> places, Moment moment, FeedEdge edge, string phase, Language language, Uri url)
    {
        var text = new StringBuilder();
        // The full name first: the title only has room for a short one.
        text.Append(moment.Title(language));
        if (edge != FeedEdge.None)
        {
            text.Append(" – ").Append(FeedTitles.EdgeWord(edge, language));
        }
        if (moment.Basis == Basis.Estimate)
        {
            text.Append(CalendarTexts.Expected.In(language));
        }
        text.Append('\n').Append(CalendarTexts.Phase.In(language)).Append(phase).Append("\n\n");
        if (moment.Advice.In(language) is { Length: > 0 } advice)
        {
            text.Append(advice).Append("\n\n");
        }
        if (moment.Bring?.In(language) is { Length: > 0 } bring)
        {
            text.Append(CalendarTexts.WhatToBring.In(language)).Append(bring).Append("\n\n");
        }
        if (moment.Note?.In(language) is { Length: > 0 } note)
        {
            text.Append(note).Append("\n\n");
        }
        // A passed estimate sits on today until it is answered: that is no date to state.
        text.Append(CalendarTexts.When.In(language)).Append(moment.AwaitsDate
            ? CalendarTexts.DateNotKnownYet.In(language)
            : $"{DateText.Range(moment.Start, moment.End, language)} ({BasisText(moment.Basis, language)})").Append('\n');
        if (moment.Estimate is not null)
        {
            text.Append(DateText.Expected(moment, language))
                .Append(CalendarTexts.DateUpdatedWhenKnown.In(language));
        }
        if (moment.Source is { } source)
        {
            text.Append(CalendarTexts.SourceOfTheDate.In(language)).Append(source).Append('\n');
        }
        text.Append(CalendarTexts.For.In(language)).AppendJoin(", ", moment.Audiences.Select(a => rules.AudienceName(a, language))).Append('\n');
        text.Append((places.Count > 1 ? CalendarTexts.Municipalities : CalendarTexts.Municipality).In(language))
            .AppendJoin(", ", places.Select(p => p.Name == p.Code.Value ? p.Name : $"{p.Name} ({p.Code.Value})"));
        text.Append('\n').Append(CalendarTexts.More.In(language)).Append(url);
        return text.ToString();
    }

    public static string BasisText(Basis basis, Language language) => (basis switch
    {
        Basis.Law => CalendarTexts.SetByLaw,
        Basis.Typical => CalendarTexts.UsualPractice,
        Basis.Estimate => CalendarTexts.Estimate,
        Basis.Actual => CalendarTexts.ActualDate,
        _ => CalendarTexts.LocalBasis,
    }).In(language);

    /// <summary>
    /// A digest of everything the event's title, description, dates, status and link are made from, in both
    /// languages: it changes exactly when something users of this feed see changes. Raise
    /// <see cref="Wording"/> when a change to this code rewords events.
    /// </summary>
    private string Fingerprint(Municipality municipality, Moment moment, Uri url)
    {
        var d = moment.Definition;
        var facts = string.Join('\u001f',
            Wording, moment.Key, municipality.Name, moment.Start.ToString("yyyy-MM-dd", null), moment.End.ToString("yyyy-MM-dd", null),
            moment.Basis, moment.Estimate?.ToString() ?? "", moment.Source ?? "",
            moment.Title(Language.Nl), moment.Title(Language.En), moment.Advice.Nl, moment.Advice.En, moment.Note?.Nl ?? "", moment.Note?.En ?? "", moment.Bring?.Nl ?? "", moment.Bring?.En ?? "", string.Join(',', moment.Audiences), d.Phase,
            PhaseName(moment, Language.Nl), PhaseName(moment, Language.En),
            FeedTitles.ShortName(moment, Language.Nl), FeedTitles.ShortName(moment, Language.En), url);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(facts)), 0, 16);
    }
}
