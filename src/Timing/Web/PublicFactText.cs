using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>A public fact in the reader's language; its source goes through <see cref="SourceText"/>.</summary>
public static class PublicFactText
{
    /// <summary>A fact's days: "4 november 2027" or "4 november 2027 t/m 5 november 2027".</summary>
    public static string Days(LocalDate start, LocalDate end, Language language) =>
        DateText.Range(start, end, language);

    /// <summary>
    /// Who or what set or reverted a fact, as a public page may say it: the meeting calendar it was read from, the
    /// operator, or an organisation. Never a person's address or an account name: the role says enough.
    /// </summary>
    public static string Who(string setBy, Language language)
    {
        if (setBy.StartsWith(Meetings.MeetingImporter.SetByPrefix, StringComparison.Ordinal))
        {
            var kind = setBy[Meetings.MeetingImporter.SetByPrefix.Length..] switch
            {
                Meetings.MeetingSourceKinds.Notubiz => "Notubiz",
                Meetings.MeetingSourceKinds.OpenBesluitvorming => "OpenBesluitvorming",
                _ => "iCalendar",
            };
            return new LocalizedText($"vergaderkalender ({kind})", $"meeting calendar ({kind})").In(language);
        }
        if (setBy.StartsWith("operator:", StringComparison.Ordinal))
        {
            return Operator.In(language);
        }
        return AnOrganisation.In(language);
    }

    private static readonly LocalizedText Operator = new("de beheerder van deze installatie", "the operator of this instance");
    private static readonly LocalizedText AnOrganisation = new("een organisatie die deze gemeente volgt", "an organisation that follows this municipality");
}
