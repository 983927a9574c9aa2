using Timing.Core.Cycle;

namespace Timing.Feeds;

/// <summary>
/// Event titles that a month view can show: Outlook shows about 22 characters of an all-day event, so the
/// first 20 say what happens. A short name of the moment, then ": start"/": einde" on the edges of a window
/// (a word that fits every name, where "begint"/"eindigt" would not agree with a plural such as "Kandidaten"),
/// then "?" for an expected (estimated) date. The full name, the phase and "(verwacht)" are in the description.
/// Short names (config/cycle.json, "shortName") are words people write ("Meicirculaire", "1e begroting"), not clipped ones ("Meicirc.").
/// Planning-and-control documents keep their budget year, as councils name them ("Kadernota 2028" in June 2027):
/// where the four digits do not fit with the edge word, the year is written as people abbreviate it ("Kadernota '28").
/// </summary>
public static class FeedTitles
{
    /// <summary>How many characters of a title a month view shows for certain.</summary>
    public const int MonthView = 20;

    /// <summary>Marks an expected date: short, and read the same in Dutch and English.</summary>
    public const string ExpectedMark = "?";

    /// <summary>The short name of a moment, with a budget year in full; a local event keeps the title its organisation gave it.</summary>
    public static string ShortName(Moment moment, Language language) => ShortName(moment, language, abbreviateYear: false);

    private static string ShortName(Moment moment, Language language, bool abbreviateYear)
    {
        if (moment.Definition.ShortName is not { } name)
        {
            return moment.Title(language);
        }
        var text = name.In(language);
        if (moment.Definition.BudgetYear(moment.Cycle) is not { } year)
        {
            return text.Replace(" " + MomentDefinition.YearPlaceholder, "", StringComparison.Ordinal);
        }
        var written = abbreviateYear
            ? "'" + (year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.Replace(MomentDefinition.YearPlaceholder, written, StringComparison.Ordinal);
    }

    /// <summary>The word after the name on the first and the last day of a long window.</summary>
    public static string EdgeWord(FeedEdge edge, Language language) => (edge, language) switch
    {
        (FeedEdge.Opens, _) => "start",
        (FeedEdge.Closes, Language.En) => "end",
        (FeedEdge.Closes, _) => "einde",
        _ => "",
    };

    /// <summary>
    /// What happens, in at most <see cref="MonthView"/> characters for every moment in the rules. Both edges of a
    /// window write the year the same way, so its first and last day read as one pair.
    /// </summary>
    public static string WhatHappens(Moment moment, FeedEdge edge, Language language)
    {
        var edges = edge == FeedEdge.None ? [FeedEdge.None] : new[] { FeedEdge.Opens, FeedEdge.Closes };
        var abbreviate = edges.Any(e => Compose(ShortName(moment, language, abbreviateYear: false), moment, e, language).Length > MonthView);
        return Compose(ShortName(moment, language, abbreviate), moment, edge, language);
    }

    private static string Compose(string name, Moment moment, FeedEdge edge, Language language)
    {
        var text = name;
        if (edge != FeedEdge.None)
        {
            text += ": " + EdgeWord(edge, language);
        }
        return moment.Basis == Basis.Estimate ? text + ExpectedMark : text;
    }
}

/// <summary>Which part of a moment an event shows: all of it, or the first or last day of a long window.</summary>
public enum FeedEdge
{
    None,
    Opens,
    Closes,
}
