using System.Globalization;
using Timing.Core.Cycle;
using Timing.Core.Meetings;

namespace Timing.Mail;

/// <summary>
/// What a speaking-rights nudge says: that a committee meets about a moment, how to register to speak (inspreken)
/// with the griffie, and what to bring. Worked out once, in Dutch or English, and written into both the text and the
/// HTML part; the list of a person's reminders names it with <see cref="ListName"/>.
/// </summary>
public sealed record SpeakingContent(
    string Subject,
    string Title,
    string Intro,
    string RegisterHeading,
    string Register,
    IReadOnlyList<string> RegisterWith,
    string BringHeading,
    IReadOnlyList<string> Bring,
    string Closing,
    IReadOnlyList<(string Text, string Url)> Links)
{
    private static readonly string[] WeekdaysNl = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    private static readonly string[] WeekdaysEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <param name="meetingTitle">The meeting as the council calls it.</param>
    /// <param name="committee">The committee, when the source names it apart from the title.</param>
    /// <param name="start">The meeting's start time in Amsterdam, when the source gives one.</param>
    /// <param name="momentName">The name of the moment the meeting discusses, e.g. "Begrotingsbehandeling".</param>
    /// <param name="links">Where to read more: the meeting at the council, the moment, the person's feed.</param>
    public static SpeakingContent Create(Language language, SpeakingLead lead, string municipality, string meetingTitle, string committee,
        LocalDate date, LocalTime? start, LocalDate sendDay, LocalizedText momentName, IReadOnlyList<(string Text, string Url)> links)
    {
        var meeting = committee.Length > 0 && !meetingTitle.Contains(committee, StringComparison.OrdinalIgnoreCase) ? $"{meetingTitle} ({committee})" : meetingTitle;
        var weekday = (int)date.DayOfWeek - 1;
        var day = new LocalizedText($"{WeekdaysNl[weekday]} {DateText.Long(date, Language.Nl)}", $"{WeekdaysEn[weekday]} {DateText.Long(date, Language.En)}")
            + (start is { } t
                ? new LocalizedText($" om {t.ToString("HH.mm", CultureInfo.InvariantCulture)} uur", $" at {t.ToString("HH:mm", CultureInfo.InvariantCulture)}")
                : new("", ""));
        var last = lead == SpeakingLead.LastWorkingDay;
        var when = MailTexts.SpeakingWhen(day, last && sendDay.PlusDays(1) == date);
        return new SpeakingContent(
            MailTexts.SpeakingSubject(municipality, momentName, LocalizedText.From(l => DateText.Short(date, l)), last).In(language),
            MailTexts.SpeakingTitle(momentName).In(language),
            MailTexts.SpeakingIntro(when, municipality, meeting, momentName).In(language),
            MailTexts.HowToRegisterToSpeak.In(language),
            (last ? MailTexts.RegisterToday : MailTexts.RegisterNow).In(language),
            MailTexts.RegisterWith.Select(x => x.In(language)).ToArray(),
            MailTexts.Bring.In(language),
            MailTexts.BringToSpeak(municipality).Select(x => x.In(language)).ToArray(),
            MailTexts.AfterYouHaveSpoken.In(language),
            links);
    }

    /// <summary>How the list of a person's reminders names the nudge: "Inspreken: Commissie Mens en Samenleving (28 oktober 2027), een week van tevoren".</summary>
    public static LocalizedText ListName(SpeakingLead? lead, string meetingTitle, LocalDate? date)
    {
        var what = MailTexts.SpeakingAtTheCommittee + (meetingTitle.Length > 0 ? new LocalizedText(meetingTitle, meetingTitle) : MailTexts.CommitteeMeeting);
        if (date is { } d)
        {
            what += LocalizedText.From(l => $" ({DateText.Long(d, l)})");
        }
        return lead switch
        {
            SpeakingLead.WeekBefore => what + MailTexts.AWeekBefore,
            SpeakingLead.LastWorkingDay => what + MailTexts.LastWorkingDayBefore,
            _ => what,
        };
    }

    /// <summary>The text part: the same as the HTML part, line by line.</summary>
    public string Text()
    {
        var text = new System.Text.StringBuilder()
            .Append(Title).Append("\n\n").Append(Intro).Append("\n\n")
            .Append(RegisterHeading).Append('\n').Append(Register).Append('\n');
        foreach (var item in RegisterWith)
        {
            text.Append("- ").Append(item).Append('\n');
        }
        text.Append('\n').Append(BringHeading).Append('\n');
        foreach (var item in Bring)
        {
            text.Append("- ").Append(item).Append('\n');
        }
        text.Append('\n').Append(Closing).Append("\n\n");
        foreach (var (label, url) in Links)
        {
            text.Append(label).Append(": ").Append(url).Append('\n');
        }
        return text.ToString();
    }
}
