using System.Globalization;
using Timing.Core.Cycle;

namespace Timing.Mail;

/// <summary>The words of <see cref="MailTexts"/> in one reader's language: what the text part and the HTML part read.</summary>
public sealed class MailWords
{
    private readonly Language _language;

    private MailWords(Language language) => _language = language;

    public static MailWords Dutch { get; } = new(Language.Nl);

    public static MailWords English { get; } = new(Language.En);

    public static MailWords For(Language language) => language == Language.En ? English : Dutch;

    public string LanguageTag => _language == Language.En ? "en" : "nl";

    public string Expected => MailTexts.Expected.In(_language);

    public string ComingUpIn => MailTexts.ComingUpIn.In(_language);

    public string Date => MailTexts.Date.In(_language);

    public string WhyNow => MailTexts.WhyNow.In(_language);

    public string Audiences => MailTexts.Audiences.In(_language);

    public string Bring => MailTexts.Bring.In(_language);

    public string MoreAboutThisMoment => MailTexts.MoreAboutThisMoment.In(_language);

    public string YourCalendarFeed => MailTexts.YourCalendarFeed.In(_language);

    public string Starts => MailTexts.Starts.In(_language);

    public string Closes => MailTexts.Closes.In(_language);

    public string Today => MailTexts.Today.In(_language);

    public string Tomorrow => MailTexts.Tomorrow.In(_language);

    public string InDaysFormat => MailTexts.InDaysFormat.In(_language);

    public string DigestSubjectFormat => MailTexts.DigestSubjectFormat.In(_language);

    public string WeeksAhead => MailTexts.WeeksAhead.In(_language);

    public string RunsUntil => MailTexts.RunsUntil.In(_language);

    public string From => MailTexts.From.In(_language);

    public string MomentsInTwoWeeks => MailTexts.MomentsInTwoWeeks.In(_language);

    public string NothingComing => MailTexts.NothingComing.In(_language);

    public string WhyYouReceiveThis => MailTexts.WhyYouReceiveThis.In(_language);

    public string StopTheseEmails => MailTexts.StopTheseEmails.In(_language);

    public string RemindersOfToday => MailTexts.RemindersOfToday.In(_language);

    public string MoreMomentsFormat => MailTexts.MoreMomentsFormat.In(_language);

    public string OneMoreMoment => MailTexts.OneMoreMoment.In(_language);

    /// <summary>What a day's mail adds to its subject after the soonest moment: "en 3 andere momenten".</summary>
    public string MoreMoments(int count) => count == 1 ? OneMoreMoment : string.Format(CultureInfo.InvariantCulture, MoreMomentsFormat, count);

    /// <summary>When the moment (or its opening or closing) comes, seen from the send day: "begint over 14 dagen", "tomorrow".</summary>
    public string When(Moment moment, MomentEdge edge, int days)
    {
        var verb = moment.IsPoint ? "" : (edge == MomentEdge.Start ? Starts : Closes) + " ";
        return verb + days switch
        {
            <= 0 => Today,
            1 => Tomorrow,
            _ => string.Format(CultureInfo.InvariantCulture, InDaysFormat, days),
        };
    }

    public string DigestSubject(string monday) => string.Format(CultureInfo.InvariantCulture, DigestSubjectFormat, monday);
}
