namespace Timing.Core.Nudges;

/// <summary>
/// Dutch working days: not a Saturday or Sunday, and not one of the public holidays of the Algemene
/// termijnenwet (art. 3): New Year's Day, Easter Monday, Ascension Day, Whit Monday, King's Day,
/// Liberation Day (5 May) and both Christmas days.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public static LocalDate OnOrAfter(LocalDate date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }
        return date;
    }

    /// <summary>The date itself when it is a working day, otherwise the working day before it.</summary>
    public static LocalDate OnOrBefore(LocalDate date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.PlusDays(-1);
        }
        return date;
    }

    public static bool IsPublicHoliday(LocalDate date)
    {
        var year = date.Year;
        var easter = EasterSunday(year);
        return date == new LocalDate(year, 1, 1)
            || date == easter.PlusDays(1)
            || date == easter.PlusDays(39)
            || date == easter.PlusDays(50)
            || date == KingsDay(year)
            || date == new LocalDate(year, 5, 5)
            || date == new LocalDate(year, 12, 25)
            || date == new LocalDate(year, 12, 26);
    }

    /// <summary>27 April, or 26 April when the 27th is a Sunday.</summary>
    public static LocalDate KingsDay(int year)
    {
        var day = new LocalDate(year, 4, 27);
        return day.DayOfWeek == IsoDayOfWeek.Sunday ? day.PlusDays(-1) : day;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
