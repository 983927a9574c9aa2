namespace Timing.Core.Cycle;

/// <summary>
/// Dates as people read them, in Dutch or English ("wo 18 mrt 2026", "Wed 18 Mar 2026").
/// Written out here rather than taken from culture data so output is the same on every machine.
/// </summary>
public static class DateText
{
    private static readonly string[] DaysNl = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    private static readonly string[] DaysEn = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] MonthsNl = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
    private static readonly string[] MonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] LongMonthsNl =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] LongMonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>A short date with its weekday: "wo 18 mrt 2026".</summary>
    public static string Short(LocalDate date, Language language)
    {
        var days = language == Language.En ? DaysEn : DaysNl;
        var months = language == Language.En ? MonthsEn : MonthsNl;
        return $"{days[(int)date.DayOfWeek - 1]} {date.Day} {months[date.Month - 1]} {date.Year}";
    }

    /// <summary>A long date: "18 maart 2026" / "18 March 2026".</summary>
    public static string Long(LocalDate date, Language language)
    {
        var months = language == Language.En ? LongMonthsEn : LongMonthsNl;
        return $"{date.Day} {months[date.Month - 1]} {date.Year}";
    }

    /// <summary>A day or a range: "18 maart 2026" or "18 maart 2026 t/m 1 april 2026".</summary>
    public static string Range(LocalDate start, LocalDate end, Language language) =>
        start == end
            ? Long(start, language)
            : $"{Long(start, language)} {(language == Language.En ? "to" : "t/m")} {Long(end, language)}";

    /// <summary>
    /// A moment's estimate in words, without a full stop; empty without one. A moment that awaits its real date was
    /// narrowed to today and its latest plausible day: its range says what Timing expected, not "between today and today".
    /// </summary>
    public static string Expected(Moment moment, Language language)
    {
        if (moment.Estimate is not { } range)
        {
            return "";
        }
        if (!moment.AwaitsDate)
        {
            return ExpectedBetween(range, language);
        }
        return range.End > range.Start
            ? language == Language.En
                ? $"Timing expected this earlier; still possible until {Long(range.End, language)}"
                : $"Timing verwachtte dit eerder; nog mogelijk tot {Long(range.End, language)}"
            : language == Language.En
                ? "Timing expected this earlier; the real date has not been entered yet"
                : "Timing verwachtte dit eerder; de echte datum is nog niet ingevuld";
    }

    /// <summary>An estimate's range in words: "Verwacht tussen 2 mei 2030 en 9 augustus 2030".</summary>
    public static string ExpectedBetween(DateInterval range, Language language) => language == Language.En
        ? $"Expected between {Long(range.Start, language)} and {Long(range.End, language)}"
        : $"Verwacht tussen {Long(range.Start, language)} en {Long(range.End, language)}";
}
