using NodaTime.Text;

namespace Timing.Core.Cycle;

/// <summary>
/// The problems found in one rule file, and the readers of the texts whose form the schema only sketches: periods,
/// dates and days of the year, each read by NodaTime and reported with the item and field when it does not parse.
/// </summary>
internal sealed class ConfigProblems(string file, List<ConfigProblem> all)
{
    public int Count => all.Count;

    public void Add(string item, string field, string message) => all.Add(new ConfigProblem(file, item, field, message));

    /// <summary>A day to measure periods from, so that P1M and P30D can be compared.</summary>
    public static readonly LocalDate Anchor = new(2026, 1, 1);

    public Period? Period(string text, string item, string field)
    {
        var result = PeriodPattern.NormalizingIso.Parse(text);
        if (!result.Success)
        {
            Add(item, field, $"'{text}' is not an ISO-8601 period; write for example P14D, P6M or P-15M (a minus goes after the P).");
            return null;
        }
        if (!WithinACentury(result.Value))
        {
            Add(item, field, $"'{text}' is out of range; an offset must stay within 100 years.");
            return null;
        }
        return result.Value;
    }

    private static bool WithinACentury(Period period)
    {
        try
        {
            var date = Anchor + period;
            return date.Year >= Anchor.Year - 100 && date.Year <= Anchor.Year + 100;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public LocalDate? Date(string text, string item, string field)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }
        Add(item, field, $"'{text}' is not a date; use YYYY-MM-DD.");
        return null;
    }

    public DateInterval? Interval(string startText, string endText, string item, string startField = "start", string endField = "end")
    {
        var (start, end) = (Date(startText, item, startField), Date(endText, item, endField));
        if (start is null || end is null)
        {
            return null;
        }
        if (end < start)
        {
            Add(item, endField, $"{end:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}.");
            return null;
        }
        return new DateInterval(start.Value, end.Value);
    }

    public AnnualDate? AnnualDate(string text, string item, string field)
    {
        var result = AnnualDatePattern.Iso.Parse(text.StartsWith("--", StringComparison.Ordinal) ? text[2..] : text);
        if (result.Success)
        {
            return result.Value;
        }
        Add(item, field, $"'{text}' is not a day of the year; write --MM-DD, e.g. --07-15.");
        return null;
    }
}
