using System.Diagnostics.CodeAnalysis;
using Timing.Core.Cycle;

namespace Timing.Feeds;

/// <summary>
/// The optional query of a feed URL: audience=…, kinds=…, arena=municipal|all, meetings=yes|no, group=yes|no, lang=nl|en. Values are canonical: order, case,
/// spaces and duplicates do not matter, and a list naming every value means no filter, so every spelling of
/// one filter is one feed. Unknown values are refused with a message naming the parameter. The public and the personal
/// feed read the same query.
/// </summary>
public static class FeedQuery
{
    /// <param name="language">The language the address asks for, or null when it names none (each feed has its own default).</param>
    public static bool TryParse(IQueryCollection query, CycleRules rules, out FeedFilter filter, out Language? language, [NotNullWhen(false)] out LocalizedText? error)
    {
        filter = FeedFilter.All;
        language = null;
        error = null;
        if (query.TryGetValue("lang", out var lang))
        {
            switch (lang.ToString().Trim().ToLowerInvariant())
            {
                case "nl": language = Language.Nl; break;
                case "en": language = Language.En; break;
                default:
                    error = new($"Parameter 'lang': '{Web.TextLimits.Quoted(lang)}' kennen we niet; gebruik nl of en.",
                        $"Query parameter 'lang': '{Web.TextLimits.Quoted(lang)}' is not supported; use nl or en.");
                    return false;
            }
        }
        if (!TryList(query, "audience", rules.IsAudience, rules.Audiences.Select(a => a.Id).ToArray(), out var audiences, out error)
            || !TryList(query, "kinds", k => rules.Find(k) is not null, rules.Moments.Select(m => m.Kind).ToArray(), out var kinds, out error))
        {
            return false;
        }
        var municipalOnly = false;
        if (query.TryGetValue("arena", out var arena))
        {
            switch (arena.ToString().Trim().ToLowerInvariant())
            {
                case "municipal": municipalOnly = true; break;
                case "all": break;
                default:
                    error = new($"Parameter 'arena': '{Web.TextLimits.Quoted(arena)}' kennen we niet; gebruik municipal (alleen de eigen cyclus van de gemeente) of all.",
                        $"Query parameter 'arena': '{Web.TextLimits.Quoted(arena)}' is not supported; use municipal (only the municipality's own cycle) or all.");
                    return false;
            }
        }
        if (!TryMeetings(query, out var meetings, out error) || !TryGroup(query, out var separate, out error))
        {
            return false;
        }
        filter = new FeedFilter(audiences, kinds, municipalOnly, meetings, separate);
        return true;
    }

    /// <summary>meetings=yes adds the council's plain meetings to a feed; no (the default) leaves them out.</summary>
    private static bool TryMeetings(IQueryCollection query, out bool meetings, [NotNullWhen(false)] out LocalizedText? error) =>
        TryYesNo(query, "meetings", false, new("yes (ook de vergaderingen van de raad die bij geen moment horen) of no (standaard)",
            "yes (also the council's meetings that date no moment) or no (the default)"), out meetings, out error);

    /// <summary>group=yes (the default) makes one event of a moment that several municipalities share on one day; no keeps one per municipality.</summary>
    private static bool TryGroup(IQueryCollection query, out bool separate, [NotNullWhen(false)] out LocalizedText? error)
    {
        if (!TryYesNo(query, "group", true, new("yes (één afspraak per moment en dag voor al uw gemeenten, standaard) of no (een afspraak per gemeente)",
            "yes (one event per moment and day for all your municipalities, the default) or no (an event per municipality)"), out var grouped, out error))
        {
            separate = false;
            return false;
        }
        separate = !grouped;
        return true;
    }

    /// <summary>A yes/no parameter; <paramref name="choices"/> says in both languages what each value does.</summary>
    private static bool TryYesNo(IQueryCollection query, string name, bool fallback, LocalizedText choices, out bool yes, [NotNullWhen(false)] out LocalizedText? error)
    {
        yes = fallback;
        error = null;
        if (!query.TryGetValue(name, out var value))
        {
            return true;
        }
        switch (value.ToString().Trim().ToLowerInvariant())
        {
            case "yes": yes = true; return true;
            case "no": yes = false; return true;
            default:
                error = new($"Parameter '{name}': '{Web.TextLimits.Quoted(value)}' kennen we niet; gebruik {choices.Nl}.",
                    $"Query parameter '{name}': '{Web.TextLimits.Quoted(value)}' is not supported; use {choices.En}.");
                return false;
        }
    }

    private static bool TryList(IQueryCollection query, string name, Func<string, bool> known, IReadOnlyList<string> all,
        out IReadOnlySet<string>? values, [NotNullWhen(false)] out LocalizedText? error)
    {
        values = null;
        error = null;
        if (!query.TryGetValue(name, out var raw))
        {
            return true;
        }
        var items = raw.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(i => i.ToLowerInvariant()).ToArray();
        var unknown = items.FirstOrDefault(i => !known(i));
        if (items.Length == 0 || unknown is not null)
        {
            var expected = string.Join(", ", all);
            error = new(
                $"Parameter '{name}': {(unknown is null ? "is leeg" : $"'{Web.TextLimits.Quoted(unknown)}' kennen we niet")}; verwacht een lijst, gescheiden door komma's, uit: {expected}.",
                $"Query parameter '{name}': {(unknown is null ? "is empty" : $"'{Web.TextLimits.Quoted(unknown)}' is unknown")}; expected a comma-separated list of: {expected}.");
            return false;
        }
        var set = items.ToHashSet(StringComparer.Ordinal);
        values = set.Count == all.Count ? null : set;
        return true;
    }
}
