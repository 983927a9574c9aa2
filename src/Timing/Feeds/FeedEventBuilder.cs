using System.Security.Cryptography;
using System.Text;
using Timing.Core.Cycle;

namespace Timing.Feeds;

/// <summary>
/// Turns timelines into calendar events following Outlook's habits: all-day events, and a window
/// longer than two weeks as an "opens" and a "closes" event, because a months-long bar is noise.
/// </summary>
public sealed class FeedEventBuilder(CycleRules rules, FeedOptions options)
{
    /// <summary>Windows longer than this appear as two events.</summary>
    public const int LongestSingleEventDays = 14;

    public IReadOnlyList<FeedEvent> Build(IReadOnlyList<Timeline> timelines, FeedFilter filter, Language language)
    {
        var events = new List<FeedEvent>();
        var named = timelines.Count > 1;
        foreach (var timeline in timelines)
        {
            foreach (var moment in timeline.Moments)
            {
                if (filter.Includes(moment))
                {
                    AddEvents(events, timeline.Municipality, moment, language, named);
                }
            }
        }
        events.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Uid, b.Uid));
        return events;
    }

    private void AddEvents(List<FeedEvent> events, Municipality municipality, Moment moment, Language language, bool named)
    {
        var en = language == Language.En;
        var phase = moment.Definition.Phase == "local" && !HasPhase("local")
            ? (en ? "Local" : "Lokaal")
            : rules.Phase(moment.Definition.Phase).Name.In(language);
        var title = (named ? municipality.Name + ": " : "") + moment.Title(language);
        var expected = moment.Basis == Basis.Estimate ? (en ? " (expected)" : " (verwacht)") : "";
        var categories = new[] { phase }.Concat(moment.Audiences.Select(a => Audiences.Name(a, language))).ToArray();
        var url = MomentUrl(moment.Key);
        var description = Description(municipality, moment, language, url);
        var status = moment.Basis switch
        {
            Basis.Estimate => FeedStatus.Tentative,
            Basis.Law or Basis.Actual => FeedStatus.Confirmed,
            _ => FeedStatus.None,
        };
        var uid = Uid(moment.Key);
        var fingerprint = Fingerprint(municipality, moment);
        var days = Period.DaysBetween(moment.Start, moment.End) + 1;

        if (days <= LongestSingleEventDays)
        {
            events.Add(new FeedEvent(uid + "@" + options.UidHost, $"[{phase}] {title}{expected}", description,
                moment.Start, moment.End.PlusDays(1), status, categories, url, fingerprint));
            return;
        }
        var (opens, closes) = en ? ("opens", "closes") : ("opent", "sluit");
        events.Add(new FeedEvent(uid + ".opens@" + options.UidHost, $"[{phase}] {title} – {opens}{expected}", description,
            moment.Start, moment.Start.PlusDays(1), status, categories, url, fingerprint));
        events.Add(new FeedEvent(uid + ".closes@" + options.UidHost, $"[{phase}] {title} – {closes}{expected}", description,
            moment.End, moment.End.PlusDays(1), status, categories, url, fingerprint));
    }

    private bool HasPhase(string id) => rules.Phases.Any(p => p.Id == id);

    /// <summary>The UID stem of a moment: its key with dots, e.g. "GM0344.coalition-agreement.2026".</summary>
    public static string Uid(MomentKey key) => key.ToString().Replace('/', '.');

    /// <summary>The page of a moment in the web application.</summary>
    public Uri MomentUrl(MomentKey key) => new($"{options.BaseUrl.TrimEnd('/')}/gemeenten/{key.Municipality.Value}/momenten/{key.Kind}/{key.Cycle}{(key.LocalId is null ? "" : "/" + key.LocalId)}");

    private static string Description(Municipality municipality, Moment moment, Language language, Uri url)
    {
        var en = language == Language.En;
        var text = new StringBuilder();
        if (moment.Advice.In(language) is { Length: > 0 } advice)
        {
            text.Append(advice).Append("\n\n");
        }
        if (moment.Note?.In(language) is { Length: > 0 } note)
        {
            text.Append(note).Append("\n\n");
        }
        text.Append(en ? "When: " : "Wanneer: ").Append(DateText.Range(moment.Start, moment.End, language))
            .Append(" (").Append(BasisText(moment.Basis, language)).Append(")\n");
        if (moment.Estimate is { } range)
        {
            text.Append(en ? "Expected between " : "Verwacht tussen ").Append(DateText.Long(range.Start, language))
                .Append(en ? " and " : " en ").Append(DateText.Long(range.End, language))
                .Append(en ? "; the date is updated when it is known.\n" : "; de datum wordt bijgewerkt zodra die bekend is.\n");
        }
        if (moment.Source is { } source)
        {
            text.Append(en ? "Basis: " : "Grondslag: ").Append(source).Append('\n');
        }
        text.Append(en ? "For: " : "Voor: ").AppendJoin(", ", moment.Audiences.Select(a => Audiences.Name(a, language))).Append('\n');
        text.Append(en ? "Municipality: " : "Gemeente: ").Append(municipality.Name);
        if (municipality.Name != municipality.Code.Value)
        {
            text.Append(" (").Append(municipality.Code.Value).Append(')');
        }
        text.Append('\n').Append(en ? "More: " : "Meer: ").Append(url);
        return text.ToString();
    }

    public static string BasisText(Basis basis, Language language) => (basis, language) switch
    {
        (Basis.Law, Language.En) => "set by law",
        (Basis.Law, _) => "wettelijk vastgelegd",
        (Basis.Typical, Language.En) => "usual practice",
        (Basis.Typical, _) => "gebruikelijke praktijk",
        (Basis.Estimate, Language.En) => "estimate",
        (Basis.Estimate, _) => "schatting",
        (Basis.Actual, Language.En) => "actual date",
        (Basis.Actual, _) => "werkelijke datum",
        (_, Language.En) => "local",
        _ => "lokaal",
    };

    /// <summary>A digest of the event's facts in both languages: it changes exactly when something users see changes.</summary>
    private static string Fingerprint(Municipality municipality, Moment moment)
    {
        var d = moment.Definition;
        var facts = string.Join('\u001f',
            moment.Key, municipality.Name, moment.Start.ToString("yyyy-MM-dd", null), moment.End.ToString("yyyy-MM-dd", null),
            moment.Basis, moment.Estimate?.ToString() ?? "", moment.Source ?? "",
            d.Name.Nl, d.Name.En, moment.Advice.Nl, moment.Advice.En, moment.Note?.Nl ?? "", string.Join(',', d.Audiences), d.Phase);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(facts)), 0, 16);
    }
}
